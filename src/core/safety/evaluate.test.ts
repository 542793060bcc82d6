import { describe, expect, it } from "vitest";
import { fixtureContext, fixtureRules } from "../../testing/safety-rules-fixture.ts";
import type { ActivePlanLimits } from "../plan/active-plan.ts";
import type { Warning } from "../warning.ts";
import { compileRules } from "./compile.ts";
import { evaluate } from "./evaluate.ts";
import type { ActivePlan, Ingestion, SafetyContext } from "./types.ts";

const dose = (
  id: string,
  substanceId: string,
  amount: number,
  unit: string,
  takenAt: string,
  extra: Partial<Ingestion> = {},
): Ingestion => ({ id, substanceId, amount, unit, takenAt, ...extra });

const run = (overrides: Partial<SafetyContext>) =>
  evaluate(fixtureRules, fixtureContext(overrides));
const codes = (ws: Warning[]) => ws.map((w) => w.code);
const find = (ws: Warning[], code: string) => ws.find((w) => w.code === code);

describe("combinations", () => {
  it("matches a rule by class in the order it is written and in reverse", () => {
    const leafAfterHeroin = run({
      history: [dose("h", "heroin", 10, "mg", "2026-03-10T10:00:00Z")],
      candidate: dose("c", "leaf", 2, "g", "2026-03-10T12:00:00Z"),
    });
    const heroinAfterLeaf = run({
      history: [dose("h", "leaf", 2, "g", "2026-03-10T10:00:00Z")],
      candidate: dose("c", "heroin", 10, "mg", "2026-03-10T12:00:00Z"),
    });
    expect(find(leafAfterHeroin, "interaction.kratom-full")?.severity).toBe("dangerous");
    expect(find(heroinAfterLeaf, "interaction.kratom-full")?.severity).toBe("dangerous");
  });

  it("lets the worst matching rule win for a pair and reports the pair once", () => {
    // Valium is a benzo and a depressant: opioid-benzo (dangerous) beats opioid-depressant (unsafe).
    const ws = run({ history: [dose("h", "valium", 5, "mg", "2026-03-10T10:00:00Z")] });
    expect(codes(ws)).toContain("interaction.opioid-benzo");
    expect(codes(ws)).not.toContain("interaction.opioid-depressant");
  });

  it("falls back to a milder rule when the worst one's window has passed", () => {
    // 20 hours apart: outside opioid-benzo's 12 h window, inside opioid-depressant's 48 h.
    const ws = run({ history: [dose("h", "valium", 5, "mg", "2026-03-09T16:00:00Z")] });
    expect(codes(ws)).toContain("interaction.opioid-depressant");
    expect(codes(ws)).not.toContain("interaction.opioid-benzo");
  });

  it("forgets a dose older than every window", () => {
    const ws = run({ history: [dose("h", "heroin", 10, "mg", "2026-03-07T12:00:00Z")] });
    expect(codes(ws).filter((c) => c.startsWith("interaction."))).toEqual([]);
  });

  it("counts a dose logged later than a back-dated candidate", () => {
    const ws = run({
      history: [dose("h", "heroin", 10, "mg", "2026-03-10T14:00:00Z")],
      candidate: dose("c", "leaf", 2, "g", "2026-03-10T12:00:00Z"),
    });
    expect(codes(ws)).toContain("interaction.kratom-full");
  });

  it("treats regular medicines as always present", () => {
    const ws = run({ profile: { timeZone: "UTC", conditions: [], medicines: ["valium"] } });
    const w = find(ws, "interaction.opioid-benzo");
    expect(w?.details?.with).toEqual([
      { substanceId: "valium", name: "Valium", regularMedicine: true },
    ]);
  });

  it("groups several partners of one rule into one warning", () => {
    const ws = run({
      history: [
        dose("h1", "heroin", 10, "mg", "2026-03-10T10:00:00Z"),
        dose("h2", "heroin", 10, "mg", "2026-03-10T11:00:00Z"),
      ],
    });
    expect(codes(ws).filter((c) => c === "interaction.kratom-full")).toHaveLength(1);
  });

  it("maps low-risk to info", () => {
    const ws = run({ history: [dose("h", "tea", 1, "cup", "2026-03-10T10:00:00Z")] });
    expect(find(ws, "interaction.kratom-tea")?.severity).toBe("info");
  });

  it("ignores the candidate's own id in history (an edit) and its own pool", () => {
    const ws = run({
      history: [
        dose("c", "heroin", 10, "mg", "2026-03-10T10:00:00Z"),
        dose("h", "caps", 2, "capsule", "2026-03-10T10:00:00Z", { product: { gramsPerUnit: 0.5 } }),
      ],
    });
    expect(
      codes(ws).filter((c) => c.startsWith("interaction.") || c.startsWith("nodata.")),
    ).toEqual([]);
  });

  it("lets a custom substance inherit the rules of the class the person picked", () => {
    const ws = run({
      history: [
        dose("h", "my-pills", 1, "tablet", "2026-03-10T10:00:00Z", {
          classes: ["full"],
          substanceName: "My pills",
        }),
      ],
    });
    expect(codes(ws)).toContain("interaction.kratom-full");
  });
});

describe("no data: never silence", () => {
  it("warns about an unrated pair with kratom", () => {
    const ws = run({ history: [dose("h", "doxy", 100, "mg", "2026-03-10T10:00:00Z")] });
    const w = find(ws, "nodata.pair.doxy.leaf");
    expect(w?.severity).toBe("caution");
    expect(w?.title).toBe("No data: not known to be safe");
  });

  it("gives the recorded reason when the knowledge decided a pair has no rating", () => {
    const ws = run({ history: [dose("h", "doxy", 100, "mg", "2026-03-10T10:00:00Z")] });
    const w = find(ws, "nodata.pair.doxy.leaf");
    expect(w?.message).toContain("Nobody rated the antibiotic.");
    expect(w?.details?.decisions).toEqual(["unrated-antibiotic"]);
  });

  it("warns about a pair nobody decided, whatever its classes", () => {
    const ws = run({
      history: [dose("h", "tea", 1, "cup", "2026-03-10T10:00:00Z")],
      candidate: dose("c", "beer", 1, "drink", "2026-03-10T12:00:00Z"),
    });
    const w = find(ws, "nodata.pair.beer.tea");
    expect(w?.severity).toBe("caution");
    expect(w?.details?.decisions).toBeUndefined();
  });

  it("warns about a substance Mitra does not know, and about its pairs", () => {
    const ws = run({
      history: [dose("h", "beer", 1, "drink", "2026-03-10T10:00:00Z")],
      candidate: dose("c", "mystery", 1, "g", "2026-03-10T12:00:00Z"),
    });
    expect(codes(ws)).toContain("nodata.substance.mystery");
    expect(codes(ws)).toContain("nodata.pair.beer.mystery");
  });

  it("treats a custom substance with an unknown class as unknown", () => {
    const ws = run({
      candidate: dose("c", "x", 1, "mg", "2026-03-10T12:00:00Z", { classes: ["made-up"] }),
    });
    expect(codes(ws)).toContain("nodata.substance.x");
  });

  it("warns about a profile condition that has no rules", () => {
    const ws = run({ profile: { timeZone: "UTC", conditions: ["gout"], medicines: [] } });
    expect(codes(ws)).toContain("nodata.condition.gout");
  });
});

describe("plan limits", () => {
  const plan = {
    substanceId: "leaf",
    unit: "g",
    maxPerDose: 3,
    maxPerDay: 8,
    targetForDay: 6,
    minIntervalHours: 4,
  };

  it("flags a dose over the plan's most per dose", () => {
    const ws = run({ plan, candidate: dose("c", "leaf", 3.5, "g", "2026-03-10T12:00:00Z") });
    expect(find(ws, "plan.over-max-per-dose")?.severity).toBe("unsafe");
    expect(codes(run({ plan }))).not.toContain("plan.over-max-per-dose");
  });

  it("adds leaf powder and capsules (through grams per capsule) into one day's total", () => {
    const ws = run({
      plan,
      history: [
        dose("h1", "leaf", 3, "g", "2026-03-10T01:00:00Z"),
        dose("h2", "caps", 4, "capsule", "2026-03-10T06:00:00Z", {
          product: { gramsPerUnit: 0.5 },
        }),
      ],
      candidate: dose("c", "leaf", 2, "g", "2026-03-10T12:00:00Z"),
    });
    // 3 + 2 + 2 = 7: over the target of 6, not over the maximum of 8.
    expect(find(ws, "plan.over-target")?.details?.total).toBe(7);
    expect(codes(ws)).not.toContain("plan.over-max-per-day");
  });

  it("flags the day's maximum and keeps the target warning", () => {
    const ws = run({
      plan,
      history: [
        dose("h1", "leaf", 3, "g", "2026-03-10T01:00:00Z"),
        dose("h2", "leaf", 3, "g", "2026-03-10T06:00:00Z"),
      ],
      candidate: dose("c", "leaf", 3, "g", "2026-03-10T12:00:00Z"),
    });
    expect(codes(ws)).toEqual(
      expect.arrayContaining(["plan.over-max-per-day", "plan.over-target"]),
    );
  });

  it("does not repeat a target that is the maximum", () => {
    const ws = run({
      plan: { substanceId: "leaf", unit: "g", maxPerDay: 6, targetForDay: 6 },
      history: [dose("h1", "leaf", 3, "g", "2026-03-10T01:00:00Z")],
      candidate: dose("c", "leaf", 3.5, "g", "2026-03-10T12:00:00Z"),
    });
    expect(codes(ws)).toContain("plan.over-max-per-day");
    expect(codes(ws)).not.toContain("plan.over-target");
  });

  it("counts the day in the person's time zone, not UTC", () => {
    // 03:00 UTC on 10 March is still 9 March in New York: yesterday's doses do not count there.
    const history = [dose("h1", "leaf", 5, "g", "2026-03-09T20:00:00Z")];
    const candidate = dose("c", "leaf", 2, "g", "2026-03-10T03:00:00Z");
    const utc = run({ plan, history, candidate });
    const ny = run({
      plan,
      history,
      candidate,
      profile: { timeZone: "America/New_York", conditions: [], medicines: [] },
    });
    expect(codes(utc)).not.toContain("plan.over-target");
    expect(find(ny, "plan.over-target")?.details?.total).toBe(7);
  });

  it("counts across a 23-hour daylight-saving day correctly", () => {
    // 8 March 2026 in New York runs from 05:00 UTC to 04:00 UTC next day.
    const profile = { timeZone: "America/New_York", conditions: [], medicines: [] };
    const history = [dose("h1", "leaf", 5, "g", "2026-03-08T05:30:00Z")];
    const inside = run({
      plan,
      profile,
      history,
      candidate: dose("c", "leaf", 2, "g", "2026-03-09T03:30:00Z"),
    });
    const outside = run({
      plan,
      profile,
      history,
      candidate: dose("c", "leaf", 2, "g", "2026-03-09T04:30:00Z"),
    });
    expect(codes(inside)).toContain("plan.over-target");
    expect(codes(outside)).not.toContain("plan.over-target");
  });

  it("flags stacking: a dose sooner than the plan's minimum interval, either side", () => {
    const before = run({ plan, history: [dose("h", "leaf", 1, "g", "2026-03-10T09:00:00Z")] });
    const after = run({ plan, history: [dose("h", "leaf", 1, "g", "2026-03-10T14:00:00Z")] });
    const apart = run({ plan, history: [dose("h", "leaf", 1, "g", "2026-03-10T07:00:00Z")] });
    expect(find(before, "plan.too-soon")?.details?.hoursApart).toBe(3);
    expect(codes(after)).toContain("plan.too-soon");
    expect(codes(apart)).not.toContain("plan.too-soon");
  });

  it("never counts an extract as leaf, and never compares it with the leaf plan", () => {
    const ws = run({
      plan,
      history: [dose("h", "extract", 500, "mg", "2026-03-10T11:00:00Z")],
      candidate: dose("c", "leaf", 2, "g", "2026-03-10T12:00:00Z"),
    });
    expect(codes(ws).filter((c) => c.startsWith("plan."))).toEqual([]);
    const extract = run({
      plan,
      candidate: dose("c", "extract", 9000, "mg", "2026-03-10T12:00:00Z"),
    });
    expect(codes(extract).filter((c) => c.startsWith("plan.") || c.startsWith("amount."))).toEqual(
      [],
    );
    expect(find(extract, "substance.extract")?.severity).toBe("unsafe");
  });

  it("says so when a dose cannot be expressed in the plan's unit", () => {
    const ws = run({ plan, candidate: dose("c", "caps", 4, "capsule", "2026-03-10T12:00:00Z") });
    expect(codes(ws)).toContain("plan.unit-unsupported");
  });

  it("counts a product plan by product id in the product's unit", () => {
    const ws = run({
      plan: { productId: "p1", unit: "capsule", maxPerDose: 4 },
      candidate: dose("c", "caps", 5, "capsule", "2026-03-10T12:00:00Z", { productId: "p1" }),
    });
    expect(codes(ws)).toContain("plan.over-max-per-dose");
  });
});

describe("amounts against references and daily limits", () => {
  it("compares a dose with the tier it names, inclusive or strict as the rule says", () => {
    expect(
      codes(run({ candidate: dose("c", "leaf", 2.99, "g", "2026-03-10T12:00:00Z") })),
    ).not.toContain("amount.leaf-dose-strong");
    expect(codes(run({ candidate: dose("c", "leaf", 3, "g", "2026-03-10T12:00:00Z") }))).toContain(
      "amount.leaf-dose-strong",
    );
    expect(
      codes(run({ candidate: dose("c", "leaf", 3000, "mg", "2026-03-10T12:00:00Z") })),
    ).toContain("amount.leaf-dose-strong");
  });

  it("compares the day's total with a day rule", () => {
    const history = [dose("h", "leaf", 4, "g", "2026-03-10T02:00:00Z")];
    expect(
      codes(run({ history, candidate: dose("c", "leaf", 2, "g", "2026-03-10T12:00:00Z") })),
    ).not.toContain("amount.leaf-day-over-strong");
    expect(
      codes(run({ history, candidate: dose("c", "leaf", 2.5, "g", "2026-03-10T12:00:00Z") })),
    ).toContain("amount.leaf-day-over-strong");
  });

  it("adds elemental magnesium from salts and label amounts against the daily limit", () => {
    const history = [dose("h", "mg-oxide", 400, "mg", "2026-03-10T08:00:00Z")]; // 200 mg elemental
    const under = run({
      history,
      candidate: dose("c", "mg-oxide", 1, "tablet", "2026-03-10T12:00:00Z", {
        product: { elementalMgPerUnit: 150 },
      }),
    });
    const over = run({
      history,
      candidate: dose("c", "mg-oxide", 1, "tablet", "2026-03-10T12:00:00Z", {
        product: { elementalMgPerUnit: 151 },
      }),
    });
    expect(codes(under)).not.toContain("limit.mineral-ul");
    expect(find(over, "limit.mineral-ul")?.details?.total).toBe(351);
  });

  it("says an amount was not checked when it cannot be converted", () => {
    const ws = run({ candidate: dose("c", "mg-oxide", 2, "tablet", "2026-03-10T12:00:00Z") });
    expect(codes(ws)).toContain("amount.unchecked");
  });
});

describe("spacing", () => {
  const at = (h: number) => new Date(Date.UTC(2026, 2, 10, h)).toISOString();
  it("needs the antibiotic 2 h before the mineral, or 6 h after it", () => {
    const mineral = (t: string) => dose("c", "mg-oxide", 100, "mg", t);
    const abx = (t: string) => dose("h", "doxy", 100, "mg", t);
    expect(codes(run({ history: [abx(at(10))], candidate: mineral(at(11)) }))).toContain(
      "spacing.mineral-antibiotic",
    );
    expect(codes(run({ history: [abx(at(10))], candidate: mineral(at(12)) }))).not.toContain(
      "spacing.mineral-antibiotic",
    );
    expect(codes(run({ history: [abx(at(17))], candidate: mineral(at(12)) }))).toContain(
      "spacing.mineral-antibiotic",
    );
    expect(codes(run({ history: [abx(at(18))], candidate: mineral(at(12)) }))).not.toContain(
      "spacing.mineral-antibiotic",
    );
    // The same from the antibiotic's side.
    expect(codes(run({ history: [mineral(at(12))], candidate: abx(at(17)) }))).toContain(
      "spacing.mineral-antibiotic",
    );
  });

  it("reminds about spacing from a regular medicine", () => {
    const ws = run({
      profile: { timeZone: "UTC", conditions: [], medicines: ["doxy"] },
      candidate: dose("c", "mg-oxide", 100, "mg", "2026-03-10T12:00:00Z"),
    });
    expect(find(ws, "spacing.mineral-antibiotic")?.details?.with).toEqual([
      { substanceId: "doxy", name: "Doxy", regularMedicine: true },
    ]);
  });
});

describe("conditions, reported signs and the profile", () => {
  it("warns for a condition that makes the substance riskier, and only then", () => {
    const withLiver = run({ profile: { timeZone: "UTC", conditions: ["liver"], medicines: [] } });
    expect(find(withLiver, "condition.liver.kratom")?.severity).toBe("unsafe");
    expect(codes(run({}))).not.toContain("condition.liver.kratom");
  });

  it("uses the latest answer to a reported sign", () => {
    const said = (value: number, takenAt: string) => ({
      instrument: "side-effects",
      takenAt,
      answers: { "skin-darkening": value },
    });
    const yes = run({
      assessments: [said(0, "2026-03-01T00:00:00Z"), said(1, "2026-03-05T00:00:00Z")],
    });
    const noLonger = run({
      assessments: [said(1, "2026-03-01T00:00:00Z"), said(0, "2026-03-05T00:00:00Z")],
    });
    expect(codes(yes)).toContain("sign.skin");
    expect(codes(noLonger)).not.toContain("sign.skin");
  });

  it("counts in UTC and says so when the profile's zone is invalid", () => {
    const ws = run({ profile: { timeZone: "Mars/Olympus", conditions: [], medicines: [] } });
    expect(find(ws, "profile.time-zone-invalid")?.severity).toBe("info");
  });

  it("sorts worst first and cites a source on every warning", () => {
    const ws = run({
      profile: { timeZone: "UTC", conditions: ["liver"], medicines: [] },
      history: [
        dose("h1", "heroin", 1, "mg", "2026-03-10T10:00:00Z"),
        dose("h2", "tea", 1, "cup", "2026-03-10T10:00:00Z"),
      ],
      candidate: dose("c", "leaf", 4, "g", "2026-03-10T12:00:00Z"),
    });
    expect(ws[0]?.severity).toBe("dangerous");
    expect(ws.at(-1)?.severity).toBe("info");
    for (const w of ws) expect(w.sources.length).toBeGreaterThan(0);
  });

  it("gives the same answer with rules compiled beforehand", () => {
    const context = fixtureContext({
      history: [dose("h", "valium", 5, "mg", "2026-03-10T10:00:00Z")],
    });
    expect(evaluate(compileRules(fixtureRules), context)).toEqual(evaluate(fixtureRules, context));
  });
});

describe("interfaces other modules rely on", () => {
  it("accepts the plan module's ActivePlanLimits as the active plan", () => {
    const limits: ActivePlanLimits = {
      kind: "taper",
      substanceId: "leaf",
      unit: "g",
      targetForDay: 4,
      maxPerDay: 4,
      minIntervalHours: 2,
    };
    const plan: ActivePlan = limits;
    const ws = run({ plan, history: [dose("h", "leaf", 3, "g", "2026-03-10T02:00:00Z")] });
    expect(codes(ws)).toContain("plan.over-max-per-day");
  });
});

describe("decided pairs: quiet, ordered and rated", () => {
  it("says nothing for a quiet low-risk decision, and no 'no data' either", () => {
    const ws = run({
      history: [dose("h", "valium", 5, "mg", "2026-03-10T10:00:00Z")],
      candidate: dose("c", "mg-oxide", 400, "mg", "2026-03-10T12:00:00Z"),
    });
    expect(codes(ws).filter((c) => c.includes("valium") || c.startsWith("interaction."))).toEqual(
      [],
    );
  });

  it("applies an ordered rule only in its order, and says how far apart", () => {
    const heroinThenBlocker = run({
      history: [dose("h", "heroin", 10, "mg", "2026-03-09T12:00:00Z")],
      candidate: dose("c", "blocker", 50, "mg", "2026-03-10T12:00:00Z"),
    });
    const w = find(heroinThenBlocker, "interaction.full-then-blocker");
    expect(w?.severity).toBe("unsafe");
    expect(w?.message).toBe("apart 24 hours");
    expect(codes(heroinThenBlocker)).not.toContain("interaction.blocker-then-opioid");

    const blockerThenHeroin = run({
      history: [dose("h", "blocker", 50, "mg", "2026-03-10T02:00:00Z")],
      candidate: dose("c", "heroin", 10, "mg", "2026-03-10T12:00:00Z"),
    });
    expect(find(blockerThenHeroin, "interaction.blocker-then-opioid")?.message).toBe(
      "apart 10 hours",
    );
    expect(codes(blockerThenHeroin)).not.toContain("interaction.full-then-blocker");
  });

  it("reaches back as far as an ordered rule's window, no further", () => {
    const at = (days: number) => new Date(Date.UTC(2026, 2, 10, 12) - days * 86_400_000);
    const blockerAfter = (days: number) =>
      run({
        history: [dose("h", "heroin", 10, "mg", at(days).toISOString())],
        candidate: dose("c", "blocker", 50, "mg", at(0).toISOString()),
        now: at(0),
      });
    expect(codes(blockerAfter(9))).toContain("interaction.full-then-blocker");
    expect(codes(blockerAfter(11))).not.toContain("interaction.full-then-blocker");
  });

  it("counts a regular medicine on both sides of an ordered rule", () => {
    const ws = run({
      profile: { timeZone: "UTC", conditions: [], medicines: ["blocker"] },
      candidate: dose("c", "heroin", 10, "mg", "2026-03-10T12:00:00Z"),
    });
    expect(codes(ws)).toContain("interaction.blocker-then-opioid");
    expect(find(ws, "interaction.blocker-then-opioid")?.message).toContain("regular medicines");
  });

  it("warns at a rated layer's level in Mitra's words, citing the layer", () => {
    const ws = run({
      history: [dose("h", "beer", 1, "drink", "2026-03-10T10:00:00Z")],
      candidate: dose("c", "valium", 5, "mg", "2026-03-10T12:00:00Z"),
    });
    const w = find(ws, "interaction.chart-depressants-benzos");
    expect(w?.severity).toBe("dangerous");
    expect(w?.title).toBe("Depressants+Benzos dangerous");
    expect(w?.sources[0]?.title).toBe("Chart source");
    expect(w?.details?.ratings).toEqual([{ by: "Chart", level: "dangerous" }]);
  });

  it("lets Mitra's own rule speak when it is as bad, showing the layer's rating beside it", () => {
    const ws = run({
      history: [dose("h", "valium", 5, "mg", "2026-03-10T10:00:00Z")],
      candidate: dose("c", "caps", 2, "capsule", "2026-03-10T12:00:00Z"),
    });
    const w = find(ws, "interaction.opioid-benzo");
    expect(w?.severity).toBe("dangerous");
    expect(w?.details?.ratings).toEqual([
      { by: "Chart", level: "dangerous", groups: ["Capsules", "Benzos"] },
    ]);
    expect(codes(ws)).not.toContain("interaction.chart-capsules-benzos");
  });

  it("leaves out a layer's rating where Mitra recorded a disagreement", () => {
    const ws = run({
      history: [dose("h", "valium", 5, "mg", "2026-03-10T10:00:00Z")],
      candidate: dose("c", "mg-oxide", 400, "mg", "2026-03-10T12:00:00Z"),
    });
    expect(codes(ws)).not.toContain("interaction.chart-minerals-benzos");
  });
});
