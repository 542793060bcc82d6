import { describe, expect, it } from "vitest";
import type { ReportedSignRule } from "../core/safety/types.ts";
import { loadInstruments } from "./instruments.ts";
import { loadLimits } from "./limits.ts";
import { checkReportedSignReferences, reportedSignProblems } from "./reported-sign-references.ts";

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
