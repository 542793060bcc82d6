import { describe, expect, it } from "vitest";
import { amountTaper } from "../../testing/plan-fixtures.ts";
import {
  type AdherenceDose,
  adherence,
  ON_PLAN_TOLERANCE,
  type UnitConverter,
} from "./adherence.ts";
import type { PlanDefinition } from "./plan-definition.ts";

const dose = (takenAt: string, amount: number, unit = "g"): AdherenceDose => ({
  takenAt,
  amount,
  unit,
});

/** A taper that holds 4 g a day for 30 days, so totals are easy to read. */
const steady: PlanDefinition = { ...amountTaper, startDate: "2026-10-20", stepLengthDays: 30 };

describe("adherence: days in the person's time zone", () => {
  it("splits days at local midnight across the spring-forward change (23-hour day)", () => {
    // New York moves from EST (UTC-5) to EDT (UTC-4) on 2026-03-08.
    const doses = [
      dose("2026-03-08T04:30:00Z", 1), // 23:30 EST on 7 March
      dose("2026-03-08T05:30:00Z", 1.5), // 00:30 EST on 8 March
      dose("2026-03-09T03:30:00Z", 2), // 23:30 EDT on 8 March (already 9 March in UTC)
      dose("2026-03-09T04:30:00Z", 1), // 00:30 EDT on 9 March
    ];
    const days = adherence(amountTaper, doses, "America/New_York", "2026-03-07", "2026-03-09");
    expect(days.map((d) => [d.day, d.planned, d.taken, d.doses])).toEqual([
      ["2026-03-07", 4, 1, 1],
      ["2026-03-08", 3.5, 3.5, 2],
      ["2026-03-09", 3.5, 1, 1],
    ]);
    // The same doses grouped by UTC day would give 8 March 2.5 g: the zone matters.
    const utc = adherence(amountTaper, doses, "UTC", "2026-03-08", "2026-03-08");
    expect(utc[0]?.taken).toBe(2.5);
  });

  it("keeps all four doses of the 25-hour fall-back day on that day", () => {
    // New York moves from EDT back to EST on 2026-11-01; 01:30 happens twice.
    const doses = [
      dose("2026-11-01T04:30:00Z", 1), // 00:30 EDT
      dose("2026-11-01T05:30:00Z", 1), // 01:30 EDT
      dose("2026-11-01T06:30:00Z", 1), // 01:30 EST, the repeated hour
      dose("2026-11-02T04:30:00Z", 1), // 23:30 EST
      dose("2026-11-02T05:30:00Z", 0.5), // 00:30 EST on 2 November
    ];
    const days = adherence(steady, doses, "America/New_York", "2026-11-01", "2026-11-02");
    expect(days.map((d) => [d.day, d.taken, d.status])).toEqual([
      ["2026-11-01", 4, "on-plan"],
      ["2026-11-02", 0.5, "under"],
    ]);
  });
});

describe("adherence: status", () => {
  const day = "2026-10-21";
  const on = (amounts: number[]) =>
    adherence(
      steady,
      amounts.map((a, i) => dose(`2026-10-21T1${i}:00:00Z`, a)),
      "UTC",
      day,
      day,
    )[0];

  it("is on-plan within the documented tolerance, under or over outside it", () => {
    const planned = steady.startAmountPerDay;
    const edge = planned * ON_PLAN_TOLERANCE;
    expect(on([planned])).toMatchObject({ status: "on-plan", ratio: 1 });
    expect(on([planned + edge])?.status).toBe("on-plan");
    expect(on([planned - edge])?.status).toBe("on-plan");
    expect(on([planned + edge + 0.05])?.status).toBe("over");
    expect(on([planned - edge - 0.05])?.status).toBe("under");
    expect(on([])).toMatchObject({ taken: 0, ratio: 0, status: "under" });
  });

  it("adds doses without floating-point dust", () => {
    expect(on([0.1, 0.2, 3.7])).toMatchObject({ taken: 4, doses: 3, status: "on-plan" });
  });

  it("accepts a caller's tolerance", () => {
    const doses = [dose("2026-10-21T10:00:00Z", 4.2)];
    const strict = adherence(steady, doses, "UTC", day, day, { tolerance: 0.01 });
    expect(strict[0]?.status).toBe("over");
    expect(() => adherence(steady, doses, "UTC", day, day, { tolerance: -1 })).toThrow(RangeError);
  });

  it("says no-plan outside the plan's dates", () => {
    const ending = { ...steady, endDate: "2026-10-21" };
    const days = adherence(ending, [], "UTC", "2026-10-19", "2026-10-22");
    expect(days.map((d) => [d.day, d.status, d.planned, d.ratio])).toEqual([
      ["2026-10-19", "no-plan", null, null],
      ["2026-10-20", "under", 4, 0],
      ["2026-10-21", "under", 4, 0],
      ["2026-10-22", "no-plan", null, null],
    ]);
  });

  it("treats any amount on a zero-target day as over, and nothing as on-plan", () => {
    const finished = "2026-06-01"; // the amount taper reached 0 g on 26 April
    const none = adherence(amountTaper, [], "UTC", finished, finished)[0];
    expect(none).toMatchObject({ planned: 0, taken: 0, ratio: null, status: "on-plan" });
    const some = adherence(
      amountTaper,
      [dose("2026-06-01T12:00:00Z", 0.5)],
      "UTC",
      finished,
      finished,
    );
    expect(some[0]).toMatchObject({ planned: 0, taken: 0.5, ratio: null, status: "over" });
  });
});

describe("adherence: units", () => {
  const day = "2026-10-21";
  const doses = [
    dose("2026-10-21T08:00:00Z", 2),
    dose("2026-10-21T12:00:00Z", 2, "capsule"),
    dose("2026-10-21T18:00:00Z", 1, "capsule"),
    dose("2026-10-21T20:00:00Z", 5, "mL"),
  ];

  it("never mixes another unit in silently: it reports it per unit", () => {
    const [entry] = adherence(steady, doses, "UTC", day, day);
    expect(entry?.taken).toBe(2);
    expect(entry?.doses).toBe(1);
    expect(entry?.unconvertible).toEqual([
      { unit: "capsule", amount: 3, doses: 2 },
      { unit: "mL", amount: 5, doses: 1 },
    ]);
  });

  it("counts doses the caller's converter can convert, and only those", () => {
    // A product with 0.5 g per capsule (a test figure, from the caller's product data).
    const convert: UnitConverter = (amount, from, to) =>
      from === "capsule" && to === "g" ? amount * 0.5 : null;
    const [entry] = adherence(steady, doses, "UTC", day, day, { convert });
    expect(entry?.taken).toBe(3.5);
    expect(entry?.doses).toBe(3);
    expect(entry?.unconvertible).toEqual([{ unit: "mL", amount: 5, doses: 1 }]);
  });
});

describe("adherence: dose rules", () => {
  const plan: PlanDefinition = { ...steady, maxPerDose: 2, maxPerDay: 4, minHoursBetweenDoses: 4 };

  it("counts doses over maxPerDose and doses sooner than the minimum interval", () => {
    const doses = [
      dose("2026-10-20T23:00:00Z", 1), // before the window, still the previous dose
      dose("2026-10-21T01:00:00Z", 1), // 2 h after it: too soon
      dose("2026-10-21T08:00:00Z", 2.5), // over maxPerDose, 7 h later
      dose("2026-10-21T12:00:00Z", 0.5), // exactly 4 h later: allowed
    ];
    const [entry] = adherence(plan, doses, "UTC", "2026-10-21", "2026-10-21");
    expect(entry).toMatchObject({ taken: 4, doses: 3, dosesOverMaxPerDose: 1, dosesTooSoon: 1 });
  });

  it("counts nothing when the plan sets no such limits", () => {
    const doses = [dose("2026-10-21T01:00:00Z", 3), dose("2026-10-21T01:30:00Z", 3)];
    const [entry] = adherence(steady, doses, "UTC", "2026-10-21", "2026-10-21");
    expect(entry).toMatchObject({ dosesOverMaxPerDose: 0, dosesTooSoon: 0 });
  });
});

describe("adherence: bad input", () => {
  it("refuses an unknown zone, reversed dates and unreadable times", () => {
    expect(() => adherence(steady, [], "Mars/Olympus", "2026-10-21", "2026-10-21")).toThrow(
      /time zone/,
    );
    expect(() => adherence(steady, [], "UTC", "2026-10-22", "2026-10-21")).toThrow(/before/);
    expect(() =>
      adherence(steady, [dose("yesterday", 1)], "UTC", "2026-10-21", "2026-10-21"),
    ).toThrow(/doses\[0\]\.takenAt/);
  });
});
