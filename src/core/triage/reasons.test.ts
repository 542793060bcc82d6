import { describe, expect, it } from "vitest";
import { quietSignals, reportedSign, risingScore } from "../../testing/triage-signals.ts";
import { triageReasons } from "./reasons.ts";

const redFlagAlert = (labels: string[]) => ({
  assessmentId: labels.join("-"),
  instrument: "flags",
  instrumentName: "Flags",
  takenAt: "2026-06-01T00:00:00.000Z",
  items: labels.map((label) => ({
    itemId: label,
    label,
    kind: "red-flag" as const,
    severity: "urgent" as const,
  })),
});

describe("triageReasons", () => {
  it("says nothing for a quiet row", () => {
    expect(triageReasons(quietSignals)).toEqual([]);
  });

  it("gives every reason in the dashboard's order, in plain words", () => {
    const reasons = triageReasons({
      ...quietSignals,
      openRedFlags: 2,
      alerts: [redFlagAlert(["Chest pain"]), redFlagAlert(["Chest pain", "Fainting"])],
      riskyCombinations: 2,
      worstCombination: "dangerous",
      rising: [risingScore],
      reportedSigns: [
        reportedSign("unsafe", "Pale stools", "Side effects"),
        reportedSign("caution", "Itch", "Side effects"),
      ],
      dosesOverPlan: 1,
      missedCheckIns: 2,
      checkInDaysCounted: 3,
    });
    expect(reasons).toEqual([
      { kind: "red-flag", text: "Red flag not yet seen: Chest pain, Fainting" },
      { kind: "combination", text: "2 doses in a dangerous combination" },
      { kind: "rising", text: "Gapped rising: 1 → 5" },
      { kind: "reported-sign", text: "Side effects: Pale stools, Itch reported, not yet seen" },
      { kind: "over-plan", text: "1 dose over plan" },
      { kind: "missed-check-in", text: "no check-in on 2 of the last 3 days" },
    ]);
  });

  it("says singular and plural right and speaks of one day when only one counts", () => {
    const reasons = triageReasons({
      ...quietSignals,
      riskyCombinations: 1,
      worstCombination: "unsafe",
      dosesOverPlan: 3,
      missedCheckIns: 1,
      checkInDaysCounted: 1,
    });
    expect(reasons.map((r) => r.text)).toEqual([
      "1 dose in a unsafe combination",
      "3 doses over plan",
      "no check-in in the last day",
    ]);
  });
});
