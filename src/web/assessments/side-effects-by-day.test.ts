import { describe, expect, it } from "vitest";
import { findInstrument } from "../../knowledge/instruments.ts";
import { sideEffectsByDay } from "./side-effects-by-day.ts";

const instrument = findInstrument("side-effects");
if (!instrument) throw new Error("no side-effects instrument");

/** Every item "none"/"no", then the given answers. */
function answers(overrides: Record<string, number> = {}): Record<string, number> {
  const all: Record<string, number> = {};
  for (const item of instrument?.items ?? []) all[item.id] = 0;
  return { ...all, ...overrides };
}

describe("sideEffectsByDay", () => {
  it("groups check-ins by day in the person's zone and keeps each item's worst answer", () => {
    const result = sideEffectsByDay(
      instrument,
      [
        // 21:30 and 23:00 on 1 March in New York (the second is 2 March in UTC).
        { takenAt: "2026-03-02T02:30:00Z", answers: answers({ nausea: 1 }) },
        { takenAt: "2026-03-02T04:00:00Z", answers: answers({ nausea: 3, itching: 1 }) },
        { takenAt: "2026-03-03T15:00:00Z", answers: answers({ "skin-darkening": 1 }) },
      ],
      "America/New_York",
    );
    expect(result.days).toEqual(["2026-03-01", "2026-03-03"]);
    expect(result.rows.map((r) => r.itemId)).toEqual(["nausea", "itching", "skin-darkening"]);
    expect(result.rows[0]?.cells).toEqual([
      { value: 3, label: "Severe", level: "top" },
      { value: 0, label: "None", level: "none" },
    ]);
    expect(result.rows[1]?.cells.map((c) => [c.label, c.level])).toEqual([
      ["Mild", "some"],
      ["None", "none"],
    ]);
    expect(result.rows[2]?.cells.map((c) => [c.label, c.level])).toEqual([
      ["No", "none"],
      ["Yes", "top"],
    ]);
    expect(result.notReported).toContain("Vomiting");
    expect(result.notReported).not.toContain("Nausea");
  });

  it("puts the same check-ins on other days in another zone", () => {
    const result = sideEffectsByDay(
      instrument,
      [
        { takenAt: "2026-03-02T02:30:00Z", answers: answers({ nausea: 1 }) },
        { takenAt: "2026-03-02T04:00:00Z", answers: answers({ nausea: 3 }) },
      ],
      "UTC",
    );
    expect(result.days).toEqual(["2026-03-02"]);
    expect(result.rows[0]?.cells).toEqual([{ value: 3, label: "Severe", level: "top" }]);
  });

  it("keeps the last days only and lists nothing when nothing was reported", () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      takenAt: new Date(Date.UTC(2026, 2, 1 + i, 12)).toISOString(),
      answers: answers(),
    }));
    const result = sideEffectsByDay(instrument, many, "UTC", 14);
    expect(result.days).toHaveLength(14);
    expect(result.days[0]).toBe("2026-03-07");
    expect(result.days.at(-1)).toBe("2026-03-20");
    expect(result.rows).toEqual([]);
    expect(result.notReported).toHaveLength(instrument.items.length);
  });

  it("leaves out an answer the item does not allow", () => {
    const result = sideEffectsByDay(
      instrument,
      [{ takenAt: "2026-03-02T12:00:00Z", answers: answers({ nausea: 7 }) }],
      "UTC",
    );
    expect(result.rows).toEqual([]);
  });
});
