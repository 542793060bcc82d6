import { describe, expect, it } from "vitest";
import {
  dailyDoseTotals,
  type LoggedDose,
  poolBars,
  poolName,
  poolsLogged,
  uncountedIn,
} from "./daily-dose-totals.ts";

/** How a logged amount counts in its pool: times `factor`, in `unit`. */
const counted = (pool: string, unit: string, factor = 1) => ({ pool, unit, factor });

/** A dose of one substance as logged; `canonical` null: Mitra could not count it in a pool. */
const logged =
  (
    substanceId: string,
    substanceName: string,
    unit: string,
    canonical: ReturnType<typeof counted> | null,
  ) =>
  (takenAt: string, amount: number): LoggedDose => ({
    substanceId,
    substanceName,
    amount,
    unit,
    takenAt,
    canonical: canonical && {
      amount: amount * canonical.factor,
      unit: canonical.unit,
      pool: canonical.pool,
    },
  });

const leaf = logged("kratom-leaf", "Kratom leaf powder", "g", counted("kratom-leaf", "g"));
/** Capsules of a product with 0.5 g of leaf each: converted to grams of leaf when logged. */
const capsules = logged(
  "kratom-capsules",
  "Kratom capsules (leaf powder)",
  "capsule",
  counted("kratom-leaf", "g", 0.5),
);
const extract = logged("kratom-extract", "Kratom extract", "g", counted("kratom-extract", "g"));
const sevenOh = logged(
  "7-oh-product",
  "7-OH product (7-hydroxymitragynine)",
  "mg",
  counted("7-oh", "mg"),
);
const magnesiumOxide = logged(
  "magnesium-oxide",
  "Magnesium oxide",
  "mg",
  counted("magnesium-elemental", "mg", 0.6),
);
/** Capsules with no grams per capsule on the product: Mitra stored no canonical amount. */
const unconvertedCapsules = logged(
  "kratom-capsules",
  "Kratom capsules (leaf powder)",
  "capsule",
  null,
);

const catalogPools: Record<string, string> = {
  "kratom-leaf": "kratom-leaf",
  "kratom-capsules": "kratom-leaf",
  "kratom-extract": "kratom-extract",
};
const poolOf = (id: string) => catalogPools[id];

describe("daily dose totals", () => {
  it("splits days at the person's midnight, not UTC's", () => {
    // 18:20 UTC is 23:50 in Kolkata (UTC+5:30); 18:40 UTC is 00:10 the next day there.
    const doses = [leaf("2026-03-01T18:20:00Z", 2), leaf("2026-03-01T18:40:00Z", 3)];
    const kolkata = dailyDoseTotals(doses, "Asia/Kolkata");
    expect(kolkata.map((d) => [d.day, d.totals[0]?.amount])).toEqual([
      ["2026-03-01", 2],
      ["2026-03-02", 3],
    ]);
    const utc = dailyDoseTotals(doses, "UTC");
    expect(utc.map((d) => [d.day, d.totals[0]?.amount])).toEqual([["2026-03-01", 5]]);
  });

  it("keeps a New York day whole across the change to summer time (23 hours)", () => {
    // 8 March 2026 in New York runs from 05:00 UTC to 04:00 UTC the next day.
    const doses = [
      leaf("2026-03-08T05:00:00Z", 1), // 00:00 EST, the day's first instant
      leaf("2026-03-09T03:59:00Z", 2), // 23:59 EDT, still the 8th
      leaf("2026-03-09T04:00:00Z", 4), // 00:00 EDT on the 9th
      leaf("2026-03-08T04:59:00Z", 8), // 23:59 EST on the 7th
    ];
    const days = dailyDoseTotals(doses, "America/New_York");
    expect(days.map((d) => [d.day, d.totals[0]?.amount])).toEqual([
      ["2026-03-07", 8],
      ["2026-03-08", 3],
      ["2026-03-09", 4],
    ]);
  });

  it("adds leaf powder and leaf capsules into one pool, never an extract or 7-OH", () => {
    const days = dailyDoseTotals(
      [
        leaf("2026-03-01T08:00:00Z", 2),
        capsules("2026-03-01T12:00:00Z", 4),
        extract("2026-03-01T14:00:00Z", 0.25),
        sevenOh("2026-03-01T16:00:00Z", 15),
        magnesiumOxide("2026-03-01T20:00:00Z", 500),
      ],
      "UTC",
    );
    expect(days).toHaveLength(1);
    expect(days[0]?.totals).toEqual([
      { pool: "7-oh", amount: 15, unit: "mg", doses: 1, names: [sevenOh("x", 1).substanceName] },
      { pool: "kratom-extract", amount: 0.25, unit: "g", doses: 1, names: ["Kratom extract"] },
      {
        pool: "kratom-leaf",
        amount: 4,
        unit: "g",
        doses: 2,
        names: ["Kratom leaf powder", "Kratom capsules (leaf powder)"],
      },
      {
        pool: "magnesium-elemental",
        amount: 300,
        unit: "mg",
        doses: 1,
        names: ["Magnesium oxide"],
      },
    ]);
    expect(days[0]?.uncounted).toEqual([]);
  });

  it("leaves unconvertible doses out of the totals and lists them, with their pool", () => {
    const days = dailyDoseTotals(
      [
        leaf("2026-03-01T08:00:00Z", 2),
        unconvertedCapsules("2026-03-01T09:00:00Z", 3),
        {
          substanceId: "my-tea",
          substanceName: "Herbal tea",
          amount: 1,
          unit: "cup",
          takenAt: "2026-03-01T10:00:00Z",
          canonical: null,
        },
      ],
      "UTC",
      poolOf,
    );
    expect(days[0]?.totals.map((t) => [t.pool, t.amount])).toEqual([["kratom-leaf", 2]]);
    expect(days[0]?.uncounted).toEqual([
      {
        substanceName: "Kratom capsules (leaf powder)",
        amount: 3,
        unit: "capsule",
        pool: "kratom-leaf",
      },
      { substanceName: "Herbal tea", amount: 1, unit: "cup", pool: null },
    ]);
    // The chart's note lists the leaf pool's and the unknown ones, not another pool's.
    expect(uncountedIn(days, "kratom-leaf", "2026-03-01", "2026-03-01")).toHaveLength(2);
    expect(
      uncountedIn(days, "kratom-extract", "2026-03-01", "2026-03-01").map((u) => u.pool),
    ).toEqual([null]);
    expect(uncountedIn(days, "kratom-leaf", "2026-03-02", "2026-03-09")).toEqual([]);
  });

  it("keeps a pool in one unit: a mass in another unit is converted, anything else not counted", () => {
    const days = dailyDoseTotals(
      [
        leaf("2026-03-01T08:00:00Z", 2),
        {
          ...leaf("2026-03-01T09:00:00Z", 0),
          canonical: { amount: 500, unit: "mg", pool: "kratom-leaf" },
        },
        {
          ...leaf("2026-03-01T10:00:00Z", 0),
          canonical: { amount: 1, unit: "ml", pool: "kratom-leaf" },
        },
      ],
      "UTC",
    );
    expect(days[0]?.totals.map((t) => [t.amount, t.unit, t.doses])).toEqual([[2.5, "g", 2]]);
    expect(days[0]?.uncounted.map((u) => u.pool)).toEqual(["kratom-leaf"]);
  });

  it("skips deleted doses and orders days oldest first", () => {
    const days = dailyDoseTotals(
      [
        leaf("2026-03-03T08:00:00Z", 1),
        { ...leaf("2026-03-02T08:00:00Z", 9), deletedAt: "2026-03-02T09:00:00Z" },
        leaf("2026-03-01T08:00:00Z", 2),
      ],
      "UTC",
    );
    expect(days.map((d) => d.day)).toEqual(["2026-03-01", "2026-03-03"]);
  });
});

describe("pools and bars", () => {
  const days = dailyDoseTotals(
    [
      leaf("2026-03-01T08:00:00Z", 2),
      leaf("2026-03-02T08:00:00Z", 3),
      capsules("2026-03-02T09:00:00Z", 2),
      magnesiumOxide("2026-03-04T20:00:00Z", 500),
      leaf("2026-03-05T08:00:00Z", 1),
    ],
    "UTC",
  );

  it("lists pools most logged first, named for people", () => {
    expect(poolsLogged(days).map((p) => [p.pool, p.unit, p.doses])).toEqual([
      ["kratom-leaf", "g", 4],
      ["magnesium-elemental", "mg", 1],
    ]);
    expect(poolName("kratom-leaf")).toBe("kratom leaf");
    expect(poolName("my-tea", ["Herbal tea"])).toBe("Herbal tea");
  });

  it("gives one bar per day with doses in the pool, inside the window", () => {
    expect(poolBars(days, "kratom-leaf", "2026-03-02", "2026-03-05")).toEqual([
      { day: "2026-03-02", amount: 4 },
      { day: "2026-03-05", amount: 1 },
    ]);
    expect(poolBars(days, "magnesium-elemental", "2026-03-01", "2026-03-03")).toEqual([]);
  });
});
