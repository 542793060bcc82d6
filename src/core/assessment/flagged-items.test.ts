import { describe, expect, it } from "vitest";
import { flagScreen } from "../../testing/test-instruments.ts";
import type { ReportedSignRule } from "../safety/types.ts";
import { flaggedItems } from "./flagged-items.ts";

const source = { title: "Test fixture, not a real source", url: "https://example.org/fixture" };

function rule(
  id: string,
  answerKey: string,
  severity: ReportedSignRule["severity"],
): ReportedSignRule {
  return {
    id,
    instrument: "flags",
    answerKey,
    atLeast: 1,
    matcher: { classes: ["kratom"] },
    severity,
    title: id,
    message: id,
    action: id,
    sources: [source],
  };
}

describe("flaggedItems", () => {
  const rules = [
    rule("plain-caution", "plain", "caution"),
    rule("plain-unsafe", "plain", "unsafe"),
  ];

  it("names red flags first, then reported signs, each once at its worst severity", () => {
    expect(flaggedItems(flagScreen, { first: 0, plain: 1, second: 1 }, rules)).toEqual([
      { itemId: "second", label: "second", kind: "red-flag", severity: "urgent" },
      { itemId: "plain", label: "Plain", kind: "reported-sign", severity: "unsafe" },
    ]);
  });

  it("is empty when nothing is flagged", () => {
    expect(flaggedItems(flagScreen, { first: 0, plain: 0, second: 0 }, rules)).toEqual([]);
  });

  it("keeps a red-flag item a red flag when a sign rule names it too", () => {
    const items = flaggedItems(flagScreen, { first: 1, plain: 0, second: 0 }, [
      rule("first-sign", "first", "caution"),
    ]);
    expect(items).toEqual([
      { itemId: "first", label: "first", kind: "red-flag", severity: "urgent" },
    ]);
  });
});
