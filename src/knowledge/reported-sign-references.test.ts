import { describe, expect, it } from "vitest";
import { evaluate } from "../core/safety/evaluate.ts";
import type { ReportedSignRule, SafetyContext } from "../core/safety/types.ts";
import { loadInstruments } from "./instruments.ts";
import { loadLimits } from "./limits.ts";
import { checkReportedSignReferences, reportedSignProblems } from "./reported-sign-references.ts";
import { loadCompiledSafetyRules } from "./safety-rules.ts";

const rules = loadLimits().reportedSigns;
const instruments = loadInstruments();

function withRule(edit: Partial<ReportedSignRule>): ReportedSignRule[] {
  const first = rules[0];
  if (!first) throw new Error("no reported-sign rule");
  return [{ ...first, ...edit }];
}

describe("reported-sign rules in limits.json", () => {
  it("each name an instrument item that exists and can reach the threshold", () => {
    expect(reportedSignProblems(rules, instruments)).toEqual([]);
    expect(() => checkReportedSignReferences()).not.toThrow();
  });

  it.each(rules.map((r) => [r.id, r] as const))("%s can fire", (_id, rule) => {
    const instrument = instruments.find((i) => i.id === rule.instrument);
    const item = instrument?.items.find((i) => i.id === rule.answerKey);
    expect(item?.kind).toBe("choice");
    if (item?.kind !== "choice") return;
    expect(item.answers.some((a) => a.value >= rule.atLeast)).toBe(true);
  });

  it("include the side-effects checklist's skin darkening and liver signs", () => {
    const keys = rules.filter((r) => r.instrument === "side-effects").map((r) => r.answerKey);
    expect(keys).toEqual(
      expect.arrayContaining(["skin-darkening", "yellow-skin-eyes", "dark-urine", "pale-stools"]),
    );
  });
});

describe("reportedSignProblems refuses a dead rule", () => {
  it("naming an instrument that does not exist", () => {
    expect(reportedSignProblems(withRule({ id: "r", instrument: "no-such" }), instruments)).toEqual(
      ["reported sign r: no instrument no-such"],
    );
  });

  it("naming an item the instrument does not have", () => {
    expect(
      reportedSignProblems(
        withRule({ id: "r", instrument: "side-effects", answerKey: "skin-darkness" }),
        instruments,
      ),
    ).toEqual(["reported sign r: instrument side-effects has no item skin-darkness"]);
  });

  it("whose threshold no answer reaches", () => {
    expect(
      reportedSignProblems(
        withRule({ id: "r", instrument: "side-effects", answerKey: "skin-darkening", atLeast: 2 }),
        instruments,
      ),
    ).toEqual(["reported sign r: side-effects/skin-darkening never reaches 2 (highest answer 1)"]);
  });
});

describe("every reported-sign rule with the real safety rules", () => {
  const compiled = loadCompiledSafetyRules();
  const T = "2026-05-04T15:00:00Z";
  const dose = (substanceId: string): SafetyContext["candidate"] => ({
    id: "c",
    substanceId,
    takenAt: T,
    amount: 1,
    unit: "g",
  });
  const context = (
    candidate: SafetyContext["candidate"],
    assessments: SafetyContext["assessments"],
  ): SafetyContext => ({
    profile: { timeZone: "UTC", conditions: [], medicines: [] },
    history: [],
    candidate,
    assessments,
    now: new Date(T),
  });

  it.each(rules.map((r) => [r.id, r] as const))(
    "%s fires for a kratom dose logged after the answer, and not after a lower one",
    (_id, rule) => {
      const answered = (value: number) => [
        {
          instrument: rule.instrument,
          takenAt: "2026-05-04T09:00:00Z",
          answers: { [rule.answerKey]: value },
        },
      ];
      const after = evaluate(compiled, context(dose("kratom-leaf"), answered(rule.atLeast)));
      const w = after.find((x) => x.code === `sign.${rule.id}`);
      expect(w?.severity).toBe(rule.severity);
      expect(w?.sources.length).toBeGreaterThan(0);
      expect(w?.details).toMatchObject({ instrument: rule.instrument, answerKey: rule.answerKey });
      const lower = evaluate(compiled, context(dose("kratom-leaf"), answered(rule.atLeast - 1)));
      expect(lower.map((x) => x.code)).not.toContain(`sign.${rule.id}`);
    },
  );

  it("says yellow skin once when both the red-flag screen and the checklist report it", () => {
    const both = (redFlagsAt: string, checklistAt: string) =>
      evaluate(
        compiled,
        context(dose("kratom-leaf"), [
          { instrument: "red-flags", takenAt: redFlagsAt, answers: { "yellow-skin-eyes": 1 } },
          { instrument: "side-effects", takenAt: checklistAt, answers: { "yellow-skin-eyes": 1 } },
        ]),
      ).filter((w) => w.title.includes("yellow skin"));
    const checklistLater = both("2026-05-03T09:00:00Z", "2026-05-04T09:00:00Z");
    expect(checklistLater.map((w) => w.code)).toEqual(["sign.yellow-skin-kratom-checklist"]);
    const screenLater = both("2026-05-04T10:00:00Z", "2026-05-04T09:00:00Z");
    expect(screenLater.map((w) => w.code)).toEqual(["sign.yellow-skin-kratom"]);
    expect(screenLater[0]?.details?.reportedAt).toBe("2026-05-04T10:00:00Z");
  });

  it("repeats no sign for a dose of something else", () => {
    const ws = evaluate(
      compiled,
      context({ id: "c", substanceId: "magnesium", takenAt: T, amount: 100, unit: "mg" }, [
        {
          instrument: "side-effects",
          takenAt: "2026-05-04T09:00:00Z",
          answers: { "skin-darkening": 1 },
        },
      ]),
    );
    expect(ws.map((w) => w.code).filter((c) => c.startsWith("sign."))).toEqual([]);
  });
});
