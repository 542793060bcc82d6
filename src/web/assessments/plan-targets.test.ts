import { describe, expect, it } from "vitest";
import type { GovernedPlan, PlanDefinition } from "../../core/plan/index.ts";
import { nextDay } from "../../core/zoned-time.ts";
import { poolTargets } from "./plan-targets.ts";

const taper: PlanDefinition = {
  kind: "taper",
  substanceId: "kratom-leaf",
  unit: "g",
  startDate: "2026-03-03",
  startAmountPerDay: 4,
  step: { kind: "amount", amount: 0.5 },
  stepLengthDays: 2,
};

const { substanceId: _leaf, ...leafless } = taper;

const POOLS: Record<string, string> = {
  "kratom-leaf": "kratom-leaf",
  "kratom-capsules": "kratom-leaf",
  "magnesium-oxide": "magnesium-elemental",
};
/** Pools by substance, and product p-caps (leaf capsules). */
const poolOf = (d: PlanDefinition) =>
  d.substanceId !== undefined
    ? POOLS[d.substanceId]
    : d.productId === "p-caps"
      ? "kratom-leaf"
      : undefined;

const plan = (
  id: string,
  createdAt: string,
  endedAt: string | null,
  ...versions: [PlanDefinition, string][]
): GovernedPlan => ({
  id,
  createdAt,
  endedAt,
  versions: versions.map(([definition, at], i) => ({
    version: i + 1,
    definition,
    createdAt: at,
  })),
});

const one = plan("a", "2026-03-02T10:00:00Z", null, [taper, "2026-03-02T10:00:00Z"]);
/** `one` with a second version that changes `change`, saved at `savedAt`. */
const revisedOne = (change: Partial<PlanDefinition>, savedAt: string) =>
  plan(
    "a",
    "2026-03-02T10:00:00Z",
    null,
    [taper, "2026-03-02T10:00:00Z"],
    [{ ...taper, ...change }, savedAt],
  );
const targetsOf = (plans: GovernedPlan[], from: string, to: string, timeZone = "UTC", unit = "g") =>
  poolTargets(plans, poolOf, "kratom-leaf", unit, from, to, timeZone)?.targets;

/** The targets of consecutive days from `first`, one a day. */
function fromDay(first: string, targets: number[]): { day: string; target: number }[] {
  let day = first;
  return targets.map((target, i) => {
    if (i > 0) day = nextDay(day);
    return { day, target };
  });
}

describe("plan targets under the score charts", () => {
  it("gives the target of each day the plan is in force, in the chart's unit", () => {
    expect(targetsOf([one], "2026-03-01", "2026-03-06")).toEqual(
      fromDay("2026-03-03", [4, 4, 3.5, 3.5]),
    );
    expect(targetsOf([one], "2026-03-05", "2026-03-05", "UTC", "mg")).toEqual([
      { day: "2026-03-05", target: 3500 },
    ]);
    // No plan about the pool: null, not an empty line.
    expect(
      poolTargets([one], poolOf, "magnesium-elemental", "mg", "2026-03-01", "2026-03-06", "UTC"),
    ).toBeNull();
  });

  it("takes each day's target from the version in force on it, in the person's zone", () => {
    // Revised to start at 3 g, saved at 20:00 UTC on 4 March: 5 March already in Kolkata.
    const revised = revisedOne({ startAmountPerDay: 3 }, "2026-03-04T20:00:00Z");
    expect(targetsOf([revised], "2026-03-03", "2026-03-06", "Asia/Kolkata")).toEqual(
      fromDay("2026-03-03", [4, 4, 2.5, 2.5]),
    );
    expect(targetsOf([revised], "2026-03-03", "2026-03-06")?.map((t) => t.target)).toEqual([
      4, 3, 2.5, 2.5,
    ]);
  });

  it("keeps an ended plan's targets on the days before its end day, none from that day", () => {
    // Ended at 01:00 UTC on 6 March: still 5 March in New York, 6 March in UTC.
    const ended = { ...one, endedAt: "2026-03-06T01:00:00Z" };
    expect(targetsOf([ended], "2026-03-01", "2026-03-08")?.map((t) => t.day)).toEqual([
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
    ]);
    expect(
      targetsOf([ended], "2026-03-01", "2026-03-08", "America/New_York")?.map((t) => t.day),
    ).toEqual(["2026-03-03", "2026-03-04"]);
  });

  it("draws a replacement from the day it took over, and the replaced plan before", () => {
    // Plan a replaced on 5 March (UTC) by plan b, back-dated to start on 1 March at 10 g.
    const replaced = { ...one, endedAt: "2026-03-05T09:00:00Z" };
    const b = plan("b", "2026-03-05T09:00:00Z", null, [
      { ...taper, startDate: "2026-03-01", startAmountPerDay: 10, stepLengthDays: 30 },
      "2026-03-05T09:00:00Z",
    ]);
    // 1-2 March: a set no target, so b holds them; 3-4 March stay a's; from 5 March b's.
    expect(targetsOf([b, replaced], "2026-03-01", "2026-03-06")).toEqual(
      fromDay("2026-03-01", [10, 10, 4, 4, 10, 10]),
    );
  });

  it("leaves gaps where no plan governs, and on days of a version that no longer validates", () => {
    // Ends on 4 March; a second plan for the same substance starts 7 March.
    const short = plan("a", "2026-03-02T10:00:00Z", null, [
      { ...taper, endDate: "2026-03-04" },
      "2026-03-02T10:00:00Z",
    ]);
    const later = plan("c", "2026-03-02T11:00:00Z", null, [
      { ...taper, startDate: "2026-03-07", startAmountPerDay: 2 },
      "2026-03-02T11:00:00Z",
    ]);
    expect(targetsOf([short, later], "2026-03-01", "2026-03-08")?.map((t) => t.day)).toEqual([
      "2026-03-03",
      "2026-03-04",
      "2026-03-07",
      "2026-03-08",
    ]);
    // Version 2, saved 5 March, has a floor above its start: no target while it governs.
    const invalid = revisedOne({ limitAmountPerDay: 9 }, "2026-03-05T10:00:00Z");
    expect(targetsOf([invalid], "2026-03-01", "2026-03-08")?.map((t) => t.day)).toEqual([
      "2026-03-03",
      "2026-03-04",
    ]);
  });

  it("draws one target a day for a pool two plans share, the earlier plan's", () => {
    // Leaf powder from 3 March at 4 g; leaf capsules of product p-caps from 5 March at 2 g.
    const caps = plan("z-caps", "2026-03-02T12:00:00Z", null, [
      {
        ...leafless,
        productId: "p-caps",
        startDate: "2026-03-01",
        startAmountPerDay: 2,
        stepLengthDays: 30,
      },
      "2026-03-02T12:00:00Z",
    ]);
    const leaf = { ...one, endedAt: "2026-03-05T12:00:00Z" };
    expect(targetsOf([caps, leaf], "2026-03-01", "2026-03-06")).toEqual(
      fromDay("2026-03-01", [2, 2, 4, 4, 2, 2]),
    );
  });

  it("draws no target it cannot convert, and names its unit", () => {
    const capsules = plan("a", "2026-03-02T10:00:00Z", null, [
      { ...taper, unit: "capsule", step: { kind: "amount", amount: 1 } },
      "2026-03-02T10:00:00Z",
    ]);
    expect(
      poolTargets([capsules], poolOf, "kratom-leaf", "g", "2026-03-03", "2026-03-04", "UTC"),
    ).toEqual({
      targets: [],
      unconvertibleUnits: ["capsule"],
    });
    // A version in grams from 4 March: its days are drawn.
    const mixed = {
      ...capsules,
      versions: [
        ...capsules.versions,
        { version: 2, definition: taper, createdAt: "2026-03-04T10:00:00Z" },
      ],
    };
    expect(
      poolTargets([mixed], poolOf, "kratom-leaf", "g", "2026-03-03", "2026-03-04", "UTC"),
    ).toEqual({
      targets: [{ day: "2026-03-04", target: 4 }],
      unconvertibleUnits: ["capsule"],
    });
  });
});
