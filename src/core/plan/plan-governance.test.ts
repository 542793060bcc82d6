import { describe, expect, it } from "vitest";
import { amountTaper } from "../../testing/plan-fixtures.ts";
import { governedAdherence } from "./governed-adherence.ts";
import type { PlanDefinition } from "./plan-definition.ts";
import { endedOnDay, type GovernedPlan, planDays, plansInForceOn } from "./plan-governance.ts";
import type { DatedPlanVersion } from "./version-in-force.ts";

/** 6 g a day held for 30 days from 1 October. */
const six: PlanDefinition = {
  ...amountTaper,
  startDate: "2026-10-01",
  startAmountPerDay: 6,
  stepLengthDays: 30,
};
const NY = "America/New_York";

const plan = (
  id: string,
  createdAt: string,
  endedAt: string | null,
  ...definitions: [PlanDefinition, string][]
): GovernedPlan => ({
  id,
  createdAt,
  endedAt,
  versions: definitions.map(
    ([definition, at], i): DatedPlanVersion => ({ version: i + 1, definition, createdAt: at }),
  ),
});

const states = (days: { day: string; state: string; version: { version: number } }[]) =>
  Object.fromEntries(days.map((d) => [d.day, `${d.state}:${d.version.version}`]));

describe("the end of a plan", () => {
  it("is the local day it was ended on", () => {
    // 03:00 UTC on 11 October is 23:00 on 10 October in New York.
    const ended = { id: "a", endedAt: "2026-10-11T03:00:00Z" };
    expect(endedOnDay(ended, NY)).toBe("2026-10-10");
    expect(endedOnDay(ended, "UTC")).toBe("2026-10-11");
    expect(endedOnDay({ id: "a", endedAt: null }, NY)).toBeNull();
    expect(() => endedOnDay({ id: "a", endedAt: "later" }, NY)).toThrow(/endedAt/);
  });

  it("takes the whole day it was ended on: a plan ended at 15:00 governs up to the day before", () => {
    // Ended at 15:00 in New York on 10 October.
    const a = plan("a", "2026-10-01T12:00:00Z", "2026-10-10T19:00:00Z", [
      six,
      "2026-10-01T12:00:00Z",
    ]);
    expect(states(planDays([a], "a", NY, "2026-10-09", "2026-10-11"))).toEqual({
      "2026-10-09": "in-force:1",
      "2026-10-10": "ended:1",
      "2026-10-11": "ended:1",
    });
    expect(plansInForceOn([a], "2026-10-09", NY).map((p) => p.plan.id)).toEqual(["a"]);
    expect(plansInForceOn([a], "2026-10-10", NY)).toEqual([]);
  });

  it("keeps the version in force on each day before the end", () => {
    const a = plan(
      "a",
      "2026-10-01T12:00:00Z",
      "2026-10-12T12:00:00Z",
      [six, "2026-10-01T12:00:00Z"],
      [{ ...six, startAmountPerDay: 5 }, "2026-10-05T12:00:00Z"],
    );
    const inForce = (day: string) => plansInForceOn([a], day, NY)[0]?.version.version;
    expect([inForce("2026-10-04"), inForce("2026-10-05"), inForce("2026-10-11")]).toEqual([
      1, 2, 2,
    ]);
    expect(inForce("2026-10-12")).toBeUndefined();
  });
});

describe("a replacement with a start date in the past", () => {
  // A: from 1 October, created then; B: created on 10 October for the same substance with a start
  // date of 20 September, replacing A (A ended the moment B was created).
  const replacedAt = "2026-10-10T16:00:00Z";
  const a = plan("a", "2026-10-01T12:00:00Z", replacedAt, [six, "2026-10-01T12:00:00Z"]);
  const bDefinition = { ...six, startDate: "2026-09-20", startAmountPerDay: 4 };
  const b = plan("b", replacedAt, null, [bDefinition, replacedAt]);

  it("leaves the replaced plan its days and governs the rest", () => {
    const days = states(planDays([b, a], "b", NY, "2026-09-30", "2026-10-11"));
    // Before A started nothing else set a target: B's back-dated start governs those days.
    expect(days["2026-09-30"]).toBe("in-force:1");
    expect(days["2026-10-01"]).toBe("earlier-plan:1");
    expect(days["2026-10-09"]).toBe("earlier-plan:1");
    expect(days["2026-10-10"]).toBe("in-force:1");
    expect(planDays([a, b], "b", NY, "2026-10-05", "2026-10-05")[0]?.heldBy).toBe("a");
    // The replaced plan is judged as if B did not exist.
    expect(planDays([a, b], "a", NY, "2026-09-30", "2026-10-11")).toEqual(
      planDays([a], "a", NY, "2026-09-30", "2026-10-11"),
    );
  });

  it("gives each day to exactly one of them", () => {
    const holder = (day: string) => plansInForceOn([a, b], day, NY).map((p) => p.plan.id);
    expect(holder("2026-09-25")).toEqual(["b"]);
    expect(holder("2026-10-09")).toEqual(["a"]);
    expect(holder("2026-10-10")).toEqual(["b"]);
  });

  it("does not hold days for a plan about another substance", () => {
    const magnesium = plan("m", "2026-09-01T12:00:00Z", null, [
      { ...six, substanceId: "magnesium-glycinate", unit: "mg", startAmountPerDay: 300 },
      "2026-09-01T12:00:00Z",
    ]);
    expect(plansInForceOn([magnesium, a, b], "2026-10-05", NY).map((p) => p.plan.id)).toEqual([
      "m",
      "a",
    ]);
  });

  it("refuses a plan that is not given, or one given twice", () => {
    expect(() => planDays([a], "b", NY, "2026-10-01", "2026-10-02")).toThrow(/not given/);
    expect(() => plansInForceOn([a, a], "2026-10-01", NY)).toThrow(/twice/);
  });
});

describe("governed adherence", () => {
  const doses = [
    { takenAt: "2026-10-08T13:00:00Z", amount: 6, unit: "g" },
    { takenAt: "2026-10-10T13:00:00Z", amount: 2, unit: "g" },
    { takenAt: "2026-10-11T13:00:00Z", amount: 3, unit: "g" },
  ];

  it("shows no target from the end day, but still what was taken", () => {
    const a = plan("a", "2026-10-01T12:00:00Z", "2026-10-10T19:00:00Z", [
      six,
      "2026-10-01T12:00:00Z",
    ]);
    const { days, invalidVersions } = governedAdherence(
      [a],
      "a",
      () => doses,
      NY,
      "2026-10-08",
      "2026-10-11",
    );
    expect(invalidVersions).toEqual([]);
    expect(days.map((d) => [d.day, d.planned, d.taken, d.status, d.planState])).toEqual([
      ["2026-10-08", 6, 6, "on-plan", "in-force"],
      ["2026-10-09", 6, 0, "under", "in-force"],
      ["2026-10-10", null, 2, "no-plan", "ended"],
      ["2026-10-11", null, 3, "no-plan", "ended"],
    ]);
  });

  it("marks the days of a version that no longer validates instead of failing the range", () => {
    // Version 1 was stored before a rule it breaks (a step length in fractions of a day).
    const broken = { ...six, stepLengthDays: 1.5 };
    const a = plan(
      "a",
      "2026-10-01T12:00:00Z",
      null,
      [broken, "2026-10-01T12:00:00Z"],
      [{ ...six, startAmountPerDay: 5 }, "2026-10-10T12:00:00Z"],
    );
    const { days, invalidVersions } = governedAdherence(
      [a],
      "a",
      () => doses,
      NY,
      "2026-10-08",
      "2026-10-11",
    );
    expect(days.map((d) => [d.day, d.version, d.planned, d.taken, d.status])).toEqual([
      ["2026-10-08", 1, null, 6, "plan-invalid"],
      ["2026-10-09", 1, null, 0, "plan-invalid"],
      ["2026-10-10", 2, 5, 2, "under"],
      ["2026-10-11", 2, 5, 3, "under"],
    ]);
    expect(invalidVersions).toEqual([
      { version: 1, issues: [expect.objectContaining({ field: "stepLengthDays" })] },
    ]);
  });
});
