import { describe, expect, it } from "vitest";
import { amountTaper } from "../../testing/plan-fixtures.ts";
import { singlePlanAdherence } from "../../testing/versioned-plans.ts";
import { adherence } from "./adherence.ts";
import type { PlanDefinition } from "./plan-definition.ts";
import {
  type DatedPlanVersion,
  effectiveFromDay,
  versionInForceOn,
  versionSpans,
} from "./version-in-force.ts";

/** 6 g a day held for 30 days, from 1 October. */
const six: PlanDefinition = {
  ...amountTaper,
  startDate: "2026-10-01",
  startAmountPerDay: 6,
  stepLengthDays: 30,
};
const five: PlanDefinition = { ...six, startAmountPerDay: 5 };
const NY = "America/New_York";

const v = (version: number, createdAt: string, definition = six): DatedPlanVersion => ({
  version,
  definition,
  createdAt,
});

describe("effectiveFromDay", () => {
  it("is the local day the version was saved", () => {
    // 02:00 UTC on 11 October is 22:00 on 10 October in New York.
    expect(effectiveFromDay(v(1, "2026-10-11T02:00:00Z"), NY)).toBe("2026-10-10");
    expect(effectiveFromDay(v(1, "2026-10-11T02:00:00Z"), "UTC")).toBe("2026-10-11");
  });

  it("refuses an unknown zone and a time that is not a date", () => {
    expect(() => effectiveFromDay(v(1, "2026-10-11T02:00:00Z"), "Mars/Olympus")).toThrow(
      RangeError,
    );
    expect(() => effectiveFromDay(v(1, "yesterday"), NY)).toThrow(/createdAt/);
  });
});

describe("versionInForceOn", () => {
  const versions = [
    v(1, "2026-10-01T14:00:00Z"),
    v(2, "2026-10-10T19:00:00Z", five), // 15:00 in New York on 10 October
    v(3, "2026-10-20T15:00:00Z"),
  ];

  it("keeps the old version for the days before a revision and the new one from its day", () => {
    expect(versionInForceOn(versions, "2026-10-09", NY).version).toBe(1);
    expect(versionInForceOn(versions, "2026-10-10", NY).version).toBe(2);
    expect(versionInForceOn(versions, "2026-10-19", NY).version).toBe(2);
    expect(versionInForceOn(versions, "2026-10-20", NY).version).toBe(3);
    expect(versionInForceOn(versions, "2027-01-01", NY).version).toBe(3);
  });

  it("gives days before the plan was first saved the first version", () => {
    expect(versionInForceOn(versions, "2026-09-01", NY).version).toBe(1);
  });

  it("judges the day in the person's zone, not in UTC", () => {
    // Saved 22:00 on 9 October in New York: already 10 October in UTC.
    const late = [v(1, "2026-10-01T14:00:00Z"), v(2, "2026-10-10T02:00:00Z", five)];
    expect(versionInForceOn(late, "2026-10-09", NY).version).toBe(2);
    expect(versionInForceOn(late, "2026-10-09", "UTC").version).toBe(1);
  });

  it("lets the last of several versions saved on one day govern it, whatever their order", () => {
    const sameDay = [
      v(3, "2026-10-10T20:00:00Z"),
      v(1, "2026-10-01T14:00:00Z"),
      v(2, "2026-10-10T19:00:00Z", five),
    ];
    expect(versionInForceOn(sameDay, "2026-10-10", NY).version).toBe(3);
    expect(versionInForceOn(sameDay, "2026-10-09", NY).version).toBe(1);
  });

  it("refuses no versions and a bad day", () => {
    expect(() => versionInForceOn([], "2026-10-10", NY)).toThrow(RangeError);
    expect(() => versionInForceOn(versions, "2026-02-30", NY)).toThrow(RangeError);
  });
});

describe("versionSpans", () => {
  const versions = [
    v(1, "2026-10-01T14:00:00Z"),
    v(2, "2026-10-10T19:00:00Z", five),
    v(3, "2026-10-20T15:00:00Z"),
  ];

  it("cuts the range where a version takes over, covering each day once", () => {
    const spans = versionSpans(versions, NY, "2026-10-05", "2026-10-25");
    expect(spans.map((s) => [s.version.version, s.from, s.to])).toEqual([
      [1, "2026-10-05", "2026-10-09"],
      [2, "2026-10-10", "2026-10-19"],
      [3, "2026-10-20", "2026-10-25"],
    ]);
  });

  it("is one span when no version starts inside the range", () => {
    const spans = versionSpans(versions, NY, "2026-10-11", "2026-10-12");
    expect(spans.map((s) => [s.version.version, s.from, s.to])).toEqual([
      [2, "2026-10-11", "2026-10-12"],
    ]);
  });

  it("refuses a range that runs backwards", () => {
    expect(() => versionSpans(versions, NY, "2026-10-12", "2026-10-11")).toThrow(RangeError);
  });
});

describe("adherence judged by the version in force", () => {
  const dose = (takenAt: string, amount: number) => ({ takenAt, amount, unit: "g" });
  // 5.5 g on 9 October and on 10 October (the morning dose before the 15:00 revision).
  const doses = [
    dose("2026-10-09T14:00:00Z", 3),
    dose("2026-10-09T22:00:00Z", 2.5),
    dose("2026-10-10T13:00:00Z", 3), // 09:00 in New York, before the revision
    dose("2026-10-10T22:00:00Z", 2.5),
  ];
  const versions = [v(1, "2026-10-01T14:00:00Z"), v(2, "2026-10-10T19:00:00Z", five)];

  it("judges the day before a revision by the old target and its day by the new one", () => {
    const days = singlePlanAdherence(versions, () => doses, NY, "2026-10-09", "2026-10-10");
    expect(days.map((d) => [d.day, d.version, d.planned, d.taken, d.status])).toEqual([
      ["2026-10-09", 1, 6, 5.5, "on-plan"],
      ["2026-10-10", 2, 5, 5.5, "on-plan"],
    ]);
    // 5.5 g is within 10 % of 5 g; with 6 g taken on the day of the revision it is over.
    const more = [...doses, dose("2026-10-10T23:00:00Z", 0.5)];
    const after = singlePlanAdherence(versions, () => more, NY, "2026-10-09", "2026-10-10");
    expect(after.map((d) => d.status)).toEqual(["on-plan", "over"]);
  });

  it("gives each day the doses and unit of its own version", () => {
    const inMg: PlanDefinition = {
      ...six,
      unit: "mg",
      startAmountPerDay: 6000,
      step: { kind: "amount", amount: 500 },
    };
    const changed = [v(1, "2026-10-01T14:00:00Z"), v(2, "2026-10-10T19:00:00Z", inMg)];
    const asked: number[] = [];
    const days = singlePlanAdherence(
      changed,
      (version) => {
        asked.push(version.version);
        return version.definition.unit === "mg"
          ? doses.map((d) => ({ ...d, amount: d.amount * 1000, unit: "mg" }))
          : doses;
      },
      NY,
      "2026-10-08",
      "2026-10-11",
    );
    expect(days.map((d) => [d.day, d.version, d.unit, d.taken])).toEqual([
      ["2026-10-08", 1, "g", 0],
      ["2026-10-09", 1, "g", 5.5],
      ["2026-10-10", 2, "mg", 5500],
      ["2026-10-11", 2, "mg", 0],
    ]);
    expect(asked).toEqual([1, 2]);
  });

  it("equals plain adherence for a plan never revised", () => {
    const days = singlePlanAdherence(
      [v(1, "2026-10-01T14:00:00Z")],
      () => doses,
      NY,
      "2026-10-01",
      "2026-10-14",
    );
    expect(days.map(({ version, unit, ...rest }) => rest)).toEqual(
      adherence(six, doses, NY, "2026-10-01", "2026-10-14"),
    );
    expect(new Set(days.map((d) => d.version))).toEqual(new Set([1]));
  });

  it("counts a dose just before a version's first day as the previous dose for the interval", () => {
    const spaced = { ...five, minHoursBetweenDoses: 4 };
    const versions2 = [v(1, "2026-10-01T14:00:00Z"), v(2, "2026-10-10T19:00:00Z", spaced)];
    // 23:00 on 9 October and 01:00 on 10 October in New York: 2 hours apart.
    const close = [dose("2026-10-10T03:00:00Z", 1), dose("2026-10-10T05:00:00Z", 1)];
    const days = singlePlanAdherence(versions2, () => close, NY, "2026-10-09", "2026-10-10");
    expect(days.map((d) => d.dosesTooSoon)).toEqual([0, 1]);
  });
});
