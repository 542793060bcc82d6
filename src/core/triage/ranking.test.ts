import { describe, expect, it } from "vitest";
import { quietSignals, reportedSign, risingScore } from "../../testing/triage-signals.ts";
import type { TriageSignals } from "./patient-signals.ts";
import { type RankedRow, rankTriageRows, triageLevel } from "./ranking.ts";

const quiet = quietSignals;
const sign = reportedSign;
const rise = risingScore;

function row(name: string, signals: Partial<TriageSignals>): RankedRow {
  return { ...quiet, ...signals, patient: { displayName: name, email: `${name}@example.org` } };
}

describe("rankTriageRows", () => {
  it("puts each signal before the next, worst first", () => {
    const rows = [
      row("missed", { missedCheckIns: 2 }),
      row("risky", { riskyCombinations: 3 }),
      row("over", { dosesOverPlan: 1 }),
      row("sign", { reportedSigns: [sign("caution")] }),
      row("rising", { rising: [rise] }),
      row("combination", { riskyCombinations: 1, worstCombination: "dangerous" }),
      row("red", { openRedFlags: 1 }),
      row("quiet", {}),
    ];
    expect(rankTriageRows(rows).map((r) => r.patient.displayName)).toEqual([
      "red",
      "combination",
      "rising",
      "sign",
      "over",
      "risky",
      "missed",
      "quiet",
    ]);
  });

  it("breaks ties by the oldest news first, then by name", () => {
    const rows = [
      row("b", { lastEntryAt: "2026-06-02T00:00:00.000Z" }),
      row("c", { lastEntryAt: "2026-06-01T00:00:00.000Z" }),
      row("a", { lastEntryAt: "2026-06-02T00:00:00.000Z" }),
      row("none", {}),
    ];
    expect(rankTriageRows(rows).map((r) => r.patient.displayName)).toEqual(["none", "c", "a", "b"]);
  });

  it("counts a signal the link does not share (null) as nothing", () => {
    const rows = [
      row("hidden", { openRedFlags: null, missedCheckIns: null }),
      row("x", { missedCheckIns: 1 }),
    ];
    expect(rankTriageRows(rows).map((r) => r.patient.displayName)).toEqual(["x", "hidden"]);
  });
});

describe("triageLevel", () => {
  it("is urgent with an open red flag, whatever else", () => {
    expect(triageLevel({ ...quiet, openRedFlags: 1 })).toBe("urgent");
  });
  it("is high with a combination, a rise, a dose over plan or an unsafe sign", () => {
    expect(triageLevel({ ...quiet, riskyCombinations: 1 })).toBe("high");
    expect(triageLevel({ ...quiet, rising: [rise] })).toBe("high");
    expect(triageLevel({ ...quiet, dosesOverPlan: 1 })).toBe("high");
    expect(triageLevel({ ...quiet, reportedSigns: [sign("unsafe")] })).toBe("high");
  });
  it("is watch with a missed check-in or a milder sign, else ok", () => {
    expect(triageLevel({ ...quiet, missedCheckIns: 1 })).toBe("watch");
    expect(triageLevel({ ...quiet, reportedSigns: [sign("caution")] })).toBe("watch");
    expect(triageLevel(quiet)).toBe("ok");
  });
});
