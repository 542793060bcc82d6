import { describe, expect, it } from "vitest";
import { flagScreen } from "../../testing/test-instruments.ts";
import type { ReportedSignRule } from "../safety/types.ts";
import { reportedSignWarnings } from "./reported-signs.ts";

const source = { title: "Test fixture, not a real source", url: "https://example.org/fixture" };

function rule(
  id: string,
  answerKey: string,
  extra: Partial<ReportedSignRule> = {},
): ReportedSignRule {
  return {
    id,
    instrument: "flags",
    answerKey,
    atLeast: 1,
    matcher: { classes: ["kratom"] },
    severity: "caution",
    title: `${id} title`,
    message: `${id} message`,
    action: `${id} action`,
    sources: [source],
    ...extra,
  };
}

describe("reportedSignWarnings", () => {
  const rules = [
    rule("plain-sign", "plain"),
    rule("first-sign", "first", { severity: "urgent" }),
    rule("other-instrument", "plain", { instrument: "side-effects" }),
  ];

  it("raises a rule's warning, with its sources, when its item reaches the threshold", () => {
    const warnings = reportedSignWarnings(flagScreen, { first: 0, plain: 1, second: 0 }, rules);
    expect(warnings).toEqual([
      {
        code: "sign.plain-sign",
        severity: "caution",
        title: "plain-sign title",
        message: "plain-sign message",
        action: "plain-sign action",
        sources: [source],
        details: { instrumentId: "flags", itemId: "plain", answer: 1 },
      },
    ]);
  });

  it("raises nothing below the threshold, for a missing answer or another instrument's rule", () => {
    expect(reportedSignWarnings(flagScreen, { first: 0, plain: 0, second: 0 }, rules)).toEqual([]);
    expect(reportedSignWarnings(flagScreen, {}, rules)).toEqual([]);
    expect(
      reportedSignWarnings(flagScreen, { plain: 1 }, [rule("x", "plain", { atLeast: 2 })]),
    ).toEqual([]);
  });

  it("leaves an item that already raised a red flag to the red flag", () => {
    const warnings = reportedSignWarnings(flagScreen, { first: 1, plain: 1, second: 0 }, rules);
    expect(warnings.map((w) => w.code)).toEqual(["sign.plain-sign"]);
  });

  it("returns copies of the sources", () => {
    const [w] = reportedSignWarnings(flagScreen, { plain: 1 }, rules);
    w?.sources.push({ title: "added", url: "https://example.org/x" });
    expect(rules[0]?.sources).toHaveLength(1);
  });
});
