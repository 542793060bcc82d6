import { describe, expect, it } from "vitest";
import { buildExposureModel } from "../core/exposure/estimate.ts";
import { compileRules, type ResolvedSubstance } from "../core/safety/compile.ts";
import { decisionSubjects } from "../core/safety/coverage.ts";
import { evaluate } from "../core/safety/evaluate.ts";
import type { Ingestion, SafetyContext, SubstanceMatcher } from "../core/safety/types.ts";
import type { Severity, Warning } from "../core/warning.ts";
import conditionsData from "./data/conditions.json" with { type: "json" };
import interactionsData from "./data/interactions.json" with { type: "json" };
import substancesData from "./data/substances.json" with { type: "json" };
import { interactionsFileSchema } from "./interactions.schema.ts";
import { loadSafetyRules, mitragynineExposureSets, safetyRuleProblems } from "./safety-rules.ts";
import { substancesFileSchema } from "./substances.schema.ts";

const rules = loadSafetyRules();
const compiled = compileRules(rules);
const T = "2026-05-04T15:00:00Z";
const HOUR_BEFORE = "2026-05-04T14:00:00Z";

function amountFor(substanceId: string): Pick<Ingestion, "amount" | "unit"> {
  const s = compiled.substances.get(substanceId);
  return { amount: 1, unit: s?.units[0] ?? "mg" };
}
function ingestion(
  id: string,
  substanceId: string,
  takenAt: string,
  extra: Partial<Ingestion> = {},
) {
  return { id, substanceId, takenAt, ...amountFor(substanceId), ...extra };
}
function context(overrides: Partial<SafetyContext>): SafetyContext {
  return {
    profile: { timeZone: "UTC", conditions: [], medicines: [] },
    history: [],
    candidate: ingestion("c", "kratom-leaf", T),
    now: new Date(T),
    ...overrides,
  };
}
const pairWarnings = (candidate: string, partner: string) =>
  evaluate(
    compiled,
    context({
      candidate: ingestion("c", candidate, T),
      history: [ingestion("h", partner, HOUR_BEFORE)],
    }),
  );
const find = (ws: Warning[], code: string) => ws.find((w) => w.code === code);
const codes = (ws: Warning[]) => ws.map((w) => w.code);

function substancesMatching(m: SubstanceMatcher): string[] {
  return rules.substances
    .map((s) => compiled.resolve(s.id))
    .filter(
      (s) =>
        (m.substanceIds ?? []).includes(s.id) || (m.classes ?? []).some((c) => s.classes.has(c)),
    )
    .map((s) => s.id);
}

describe("safety knowledge files", () => {
  it("load, validate and cross-check with no problems", () => {
    expect(safetyRuleProblems(rules)).toEqual([]);
    expect(compiled.problems).toEqual([]);
  });

  it("refuse a rule whose level is not the worst of its ratings", () => {
    const copy = structuredClone(interactionsData);
    const alcohol = copy.rules.find((r) => r.id === "opioid-alcohol");
    if (!alcohol) throw new Error("opioid-alcohol rule missing");
    alcohol.level = "caution";
    expect(interactionsFileSchema.safeParse(copy).success).toBe(false);
  });

  it("refuse a no-data text that sounds reassuring or a milder severity", () => {
    const copy = structuredClone(interactionsData);
    copy.policy.noData.title = "Probably fine";
    expect(interactionsFileSchema.safeParse(copy).success).toBe(false);
    const mild = structuredClone(interactionsData);
    mild.policy.noData.severity = "info";
    expect(interactionsFileSchema.safeParse(mild).success).toBe(false);
  });

  it("refuse a substance in a class that does not exist and a pickable class without units", () => {
    const copy = structuredClone(substancesData);
    copy.substances[0]?.classes.push("made-up");
    expect(substancesFileSchema.safeParse(copy).success).toBe(false);
    const noUnits = structuredClone(substancesData) as {
      classes: { pickable: boolean; units?: unknown }[];
    };
    const pickable = noUnits.classes.find((c) => c.pickable);
    if (pickable) delete pickable.units;
    expect(substancesFileSchema.safeParse(noUnits).success).toBe(false);
  });

  it("keep TripSit and PsychonautWiki kratom tiers apart, each with its source", () => {
    const leaf = compiled.substances.get("kratom-leaf");
    const by = (name: string) => leaf?.doseReferences?.find((r) => r.by === name);
    expect(by("TripSit")?.tiers.find((t) => t.name === "strong")).toEqual({
      name: "strong",
      from: 3,
      to: 6,
    });
    expect(by("PsychonautWiki")?.tiers.find((t) => t.name === "heavy")).toEqual({
      name: "heavy",
      from: 8,
    });
    expect(by("TripSit")?.sources[0]?.url).toMatch(/tripsit/);
    expect(by("PsychonautWiki")?.sources[0]?.url).toMatch(/psychonautwiki/);
  });

  it("keep every mitragynine study with its own half-life for the exposure band", () => {
    const sets = mitragynineExposureSets();
    expect(sets.map((s) => s.halfLifeHours).sort((a, b) => a - b)).toEqual([23, 43.4, 45.3, 67.9]);
    const model = buildExposureModel(sets);
    expect(model.central.set.halfLifeHours).toBeGreaterThan(23);
    expect(model.central.set.halfLifeHours).toBeLessThan(67.9);
  });

  it("define which classes a custom substance may pick, each with units", () => {
    const pickable = rules.classes.filter((c) => c.pickable);
    expect(pickable.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "opioid-full-agonist",
        "benzodiazepine",
        "gabapentinoid",
        "stimulant",
        "kratom-concentrate",
      ]),
    );
    for (const c of pickable) expect(c.units?.length).toBeGreaterThan(0);
  });
});

describe("every interaction rule in the data", () => {
  const subjects = decisionSubjects(compiled);
  const matching = (m: SubstanceMatcher) =>
    subjects.filter(
      (s) =>
        (m.substanceIds ?? []).includes(s.id) || (m.classes ?? []).some((c) => s.classes.has(c)),
    );
  /** Pairs [first taken, then the candidate] (catalog or custom) for which the rule speaks. */
  function decidedBy(rule: (typeof rules.interactions)[number]) {
    const pairs = matching(rule.a).flatMap((x) => matching(rule.b).map((y) => [x, y] as const));
    return pairs.find(([first, then]) => {
      if (first.key === then.key || first.pool === then.pool) return false;
      const hits = compiled.pair(then, first).hits.filter((h) => h.partnerBefore);
      return hits[0]?.interaction.rule.id === rule.id;
    });
  }
  const dose = (id: string, s: ResolvedSubstance, takenAt: string): Ingestion =>
    s.custom
      ? {
          id,
          substanceId: s.id,
          classes: [...(s.definition?.classes ?? [])],
          amount: 1,
          unit: "mg",
          takenAt,
        }
      : ingestion(id, s.id, takenAt);
  const subjectPair = (candidate: ResolvedSubstance, partner: ResolvedSubstance) =>
    evaluate(
      compiled,
      context({ candidate: dose("c", candidate, T), history: [dose("h", partner, HOUR_BEFORE)] }),
    );

  for (const rule of rules.interactions) {
    it(`${rule.id} speaks for a pair it decides${rule.order ? " in its order only" : ", in both orders"}`, () => {
      const decided = decidedBy(rule);
      expect(decided, `no catalog pair is decided by ${rule.id}: it is shadowed`).toBeDefined();
      const [first, then] = decided as readonly [ResolvedSubstance, ResolvedSubstance];
      const severity = rules.interactionPolicy.levelSeverity[rule.level];
      const forward = subjectPair(then, first);
      const backward = subjectPair(first, then);
      const code = `interaction.${rule.id}`;
      if (rule.quiet) {
        for (const ws of [forward, backward]) {
          expect(
            codes(ws).filter((c) => c.startsWith("interaction.") || c.startsWith("nodata.pair")),
          ).toEqual([]);
        }
        return;
      }
      expect(find(forward, code)?.severity).toBe(severity);
      expect(find(forward, code)?.sources.length).toBeGreaterThan(0);
      if (rule.order) expect(find(backward, code)).toBeUndefined();
      else expect(find(backward, code)?.severity).toBe(severity);
    });
  }
});

describe("the combinations issues 4 and 11 name (fail if a rule is removed)", () => {
  // [first taken, then taken an hour later, severity, code]; unordered rules are checked both ways.
  const expected: [string, string, Severity, string][] = [
    ["kratom-leaf", "heroin", "dangerous", "interaction.kratom-full-opioid"],
    ["kratom-leaf", "fentanyl", "dangerous", "interaction.kratom-full-opioid"],
    ["kratom-leaf", "oxycodone", "dangerous", "interaction.kratom-full-opioid"],
    ["kratom-leaf", "morphine", "dangerous", "interaction.kratom-full-opioid"],
    ["kratom-leaf", "hydrocodone", "dangerous", "interaction.kratom-full-opioid"],
    ["kratom-leaf", "methadone", "dangerous", "interaction.kratom-full-opioid"],
    ["kratom-leaf", "tramadol", "dangerous", "interaction.kratom-full-opioid"],
    ["kratom-capsules", "7-oh-product", "dangerous", "interaction.kratom-full-opioid"],
    ["kratom-leaf", "kratom-extract", "unsafe", "interaction.kratom-concentrate-stacking"],
    ["heroin", "fentanyl", "dangerous", "interaction.full-opioid-stacking"],
    ["oxycodone", "methadone", "dangerous", "interaction.full-opioid-stacking"],
    ["kratom-leaf", "alcohol", "dangerous", "interaction.opioid-alcohol"],
    ["kratom-leaf", "alprazolam", "dangerous", "interaction.opioid-benzodiazepine"],
    ["kratom-leaf", "midazolam", "dangerous", "interaction.opioid-benzodiazepine"],
    ["kratom-leaf", "gabapentin", "dangerous", "interaction.opioid-gabapentinoid"],
    ["kratom-leaf", "pregabalin", "dangerous", "interaction.opioid-gabapentinoid"],
    ["kratom-leaf", "ghb", "dangerous", "interaction.opioid-ghb"],
    ["kratom-leaf", "ketamine", "dangerous", "interaction.opioid-ketamine"],
    ["kratom-leaf", "dextromethorphan", "dangerous", "interaction.opioid-dxm"],
    ["kratom-leaf", "diphenhydramine", "unsafe", "interaction.opioid-sedating-antihistamine"],
    ["kratom-leaf", "cocaine", "dangerous", "interaction.opioid-cocaine"],
    ["kratom-leaf", "amphetamine", "caution", "interaction.opioid-stimulant"],
    ["kratom-leaf", "phenelzine", "caution", "interaction.opioid-maoi"],
    ["alcohol", "alprazolam", "dangerous", "interaction.alcohol-benzodiazepine"],
    ["alcohol", "ghb", "dangerous", "interaction.ghb-depressant"],
    ["alprazolam", "ghb", "dangerous", "interaction.ghb-depressant"],
    ["alprazolam", "gabapentin", "unsafe", "interaction.depressant-stacking"],
    ["alcohol", "diphenhydramine", "dangerous", "interaction.tripsit-alcohol-diphenhydramine"],
    ["quetiapine", "alcohol", "caution", "interaction.antipsychotic-depressant"],
    ["sertraline", "tranylcypromine", "dangerous", "interaction.maoi-serotonergic"],
    ["venlafaxine", "phenelzine", "dangerous", "interaction.maoi-serotonergic"],
    ["dextromethorphan", "phenelzine", "dangerous", "interaction.maoi-serotonergic"],
    ["dextromethorphan", "sertraline", "dangerous", "interaction.tripsit-dextromethorphan-ssris"],
    ["amphetamine", "tranylcypromine", "dangerous", "interaction.maoi-stimulant"],
    ["cocaine", "phenelzine", "dangerous", "interaction.maoi-stimulant"],
    ["tramadol", "sertraline", "dangerous", "interaction.tramadol-serotonergic"],
    ["tramadol", "phenelzine", "dangerous", "interaction.tramadol-serotonergic"],
    ["tramadol", "amphetamine", "dangerous", "interaction.tripsit-tramadol-amphetamines"],
    ["fentanyl", "sertraline", "caution", "interaction.opioid-serotonergic"],
    ["sertraline", "venlafaxine", "caution", "interaction.serotonergic-stacking"],
    ["heroin", "venlafaxine", "caution", "interaction.opioid-serotonergic"],
    ["heroin", "naltrexone", "unsafe", "interaction.opioid-then-naltrexone"],
    ["kratom-leaf", "naltrexone", "unsafe", "interaction.opioid-then-naltrexone"],
    ["naltrexone", "heroin", "dangerous", "interaction.naltrexone-then-opioid"],
    ["naltrexone", "kratom-leaf", "dangerous", "interaction.naltrexone-then-opioid"],
    ["kratom-leaf", "buprenorphine", "caution", "interaction.opioid-then-buprenorphine"],
    ["buprenorphine", "kratom-leaf", "caution", "interaction.buprenorphine-then-opioid"],
    ["kratom-leaf", "citalopram", "caution", "interaction.kratom-qt"],
    ["methadone", "citalopram", "unsafe", "interaction.qt-stacking"],
    ["kratom-leaf", "loperamide", "unsafe", "interaction.kratom-loperamide"],
    ["loperamide", "ondansetron", "caution", "interaction.loperamide-qt"],
    ["kratom-leaf", "quetiapine", "caution", "interaction.kratom-qt"],
    ["kratom-leaf", "simvastatin", "caution", "interaction.kratom-cyp3a4-substrate"],
    ["kratom-leaf", "metoprolol", "caution", "interaction.kratom-cyp2d6-substrate"],
    ["kratom-leaf", "grapefruit", "caution", "interaction.kratom-grapefruit"],
    ["kratom-leaf", "clonidine", "caution", "interaction.kratom-alpha2-agonist"],
    ["kratom-leaf", "lofexidine", "caution", "interaction.kratom-alpha2-agonist"],
    ["kratom-leaf", "magnesium-glycinate", "info", "interaction.kratom-magnesium"],
    ["kratom-leaf", "caffeine", "info", "interaction.tripsit-opioids-caffeine"],
    ["kratom-leaf", "sertraline", "info", "interaction.tripsit-opioids-ssris"],
    ["kratom-leaf", "fluoxetine", "caution", "interaction.kratom-cyp2d6-substrate"],
    ["kratom-extract", "alcohol", "dangerous", "interaction.opioid-alcohol"],
  ];
  const ordered = new Set(rules.interactions.filter((r) => r.order).map((r) => r.id));
  for (const [first, then, severity, code] of expected) {
    it(`${first} then ${then}: ${severity}`, () => {
      const orders = ordered.has(code.replace("interaction.", ""))
        ? [[then, first] as const]
        : [[then, first] as const, [first, then] as const];
      for (const [candidate, partner] of orders) {
        const ws = pairWarnings(candidate, partner);
        const worstPair = ws.find(
          (w) => w.code.startsWith("interaction.") || w.code.startsWith("nodata.pair"),
        );
        expect(worstPair?.code).toBe(code);
        expect(worstPair?.severity).toBe(severity);
      }
    });
  }

  it("rates kratom with grapefruit from the evidence, below kratom with fentanyl", () => {
    const w = find(pairWarnings("grapefruit", "kratom-leaf"), "interaction.kratom-grapefruit");
    expect(w?.severity).toBe("caution");
    expect(w?.details?.evidence).toBe("mechanism");
    expect(w?.sources.map((s) => s.url)).toContain("https://pubmed.ncbi.nlm.nih.gov/36924284/");
  });

  it("says how long ago the other dose was in time-sensitive warnings", () => {
    const ws = evaluate(
      compiled,
      context({
        candidate: ingestion("c", "naltrexone", T),
        history: [ingestion("h", "heroin", "2026-05-03T15:00:00Z")],
      }),
    );
    expect(find(ws, "interaction.opioid-then-naltrexone")?.message).toContain(
      "Time between the two: 24 hours.",
    );
  });

  it("does not steer people away from buprenorphine", () => {
    const w = find(
      pairWarnings("buprenorphine", "kratom-leaf"),
      "interaction.opioid-then-buprenorphine",
    );
    expect(w?.message).toMatch(/first-line treatment/);
    expect(w?.sources.some((s) => s.doi === "10.1093/fampra/cmad081")).toBe(true);
  });

  it("checks regular medicines against a new kratom dose", () => {
    const ws = evaluate(
      compiled,
      context({
        profile: { timeZone: "UTC", conditions: [], medicines: ["quetiapine", "gabapentin"] },
      }),
    );
    expect(codes(ws)).toEqual(
      expect.arrayContaining(["interaction.opioid-gabapentinoid", "interaction.kratom-qt"]),
    );
  });

  it("answers 'no data: not known to be safe' with the reason for a pair decided as unrated", () => {
    const doxy = find(
      pairWarnings("kratom-leaf", "doxycycline"),
      "nodata.pair.doxycycline.kratom-leaf",
    );
    expect(doxy?.title).toBe("No data: not known to be safe");
    expect(doxy?.severity).toBe("caution");
    expect(doxy?.details?.decisions).toEqual(
      expect.arrayContaining(["unrated-opioid", "unrated-antibiotic-bisphosphonate"]),
    );
    const unknown = evaluate(
      compiled,
      context({ candidate: ingestion("c", "st-johns-wort", T, { unit: "mg" }) }),
    );
    expect(find(unknown, "nodata.substance.st-johns-wort")?.title).toBe(
      "No data: not known to be safe",
    );
  });

  it("lets a custom substance inherit its class's rules", () => {
    const ws = evaluate(
      compiled,
      context({
        history: [
          ingestion("h", "my-sleeping-pill", HOUR_BEFORE, {
            classes: ["benzodiazepine"],
            unit: "mg",
          }),
        ],
      }),
    );
    expect(find(ws, "interaction.opioid-benzodiazepine")?.severity).toBe("dangerous");
  });
});

describe("every condition rule in the data", () => {
  for (const rule of rules.conditionRules) {
    it(`${rule.conditionId}: ${rule.id} warns only with the condition`, () => {
      const [substance] = substancesMatching(rule.matcher);
      expect(substance).toBeDefined();
      const base = { candidate: ingestion("c", substance as string, T) };
      const withIt = evaluate(
        compiled,
        context({
          ...base,
          profile: { timeZone: "UTC", conditions: [rule.conditionId], medicines: [] },
        }),
      );
      const without = evaluate(compiled, context(base));
      const code = `condition.${rule.conditionId}.${rule.id}`;
      expect(find(withIt, code)?.severity).toBe(rule.severity);
      expect(codes(without)).not.toContain(code);
    });
  }

  it("covers the conditions issue 4 names", () => {
    const expected: [string, string][] = [
      ["liver-disease", "kratom-leaf"],
      ["kidney-disease", "magnesium-citrate"],
      ["heart-rhythm", "loperamide"],
      ["seizure-disorder", "tramadol"],
      ["pregnancy-or-breastfeeding", "kratom-capsules"],
      ["overdose-history", "heroin"],
    ];
    for (const [condition, substance] of expected) {
      const ws = evaluate(
        compiled,
        context({
          candidate: ingestion(
            "c",
            substance,
            T,
            substance === "kratom-capsules" ? { unit: "g" } : {},
          ),
          profile: { timeZone: "UTC", conditions: [condition], medicines: [] },
        }),
      );
      expect(
        codes(ws).some((c) => c.startsWith(`condition.${condition}.`)),
        condition,
      ).toBe(true);
    }
    expect(conditionsData.conditions.map((c) => c.id)).toHaveLength(6);
  });
});

describe("amount limits, spacing and substance warnings in the data", () => {
  it("warns over 350 mg of supplemental elemental magnesium a day, not at 350", () => {
    const history = [
      ingestion("h", "magnesium", "2026-05-04T08:00:00Z", { amount: 200, unit: "mg" }),
    ];
    const at = (mg: number) =>
      evaluate(
        compiled,
        context({ history, candidate: ingestion("c", "magnesium", T, { amount: mg, unit: "mg" }) }),
      );
    expect(codes(at(150))).not.toContain("limit.magnesium-supplemental-ul");
    expect(find(at(151), "limit.magnesium-supplemental-ul")?.details?.total).toBe(351);
  });

  it("counts magnesium salts by their elemental share toward the limit", () => {
    // 600 mg of oxide is about 362 mg elemental.
    const ws = evaluate(
      compiled,
      context({ candidate: ingestion("c", "magnesium-oxide", T, { amount: 600, unit: "mg" }) }),
    );
    expect(codes(ws)).toContain("limit.magnesium-supplemental-ul");
  });

  it("warns strongly about magnesium with kidney disease", () => {
    const ws = evaluate(
      compiled,
      context({
        candidate: ingestion("c", "magnesium", T, { amount: 100, unit: "mg" }),
        profile: { timeZone: "UTC", conditions: ["kidney-disease"], medicines: [] },
      }),
    );
    expect(find(ws, "condition.kidney-disease.magnesium")?.severity).toBe("unsafe");
  });

  it("spaces magnesium from antibiotics (2 h before, 4-6 h after) and bisphosphonates (2 h)", () => {
    const mg = (t: string) => ingestion("c", "magnesium", t, { amount: 100, unit: "mg" });
    const with_ = (partner: string, t: string, candidateAt: string) =>
      codes(
        evaluate(
          compiled,
          context({ candidate: mg(candidateAt), history: [ingestion("h", partner, t)] }),
        ),
      );
    expect(with_("doxycycline", "2026-05-04T14:00:00Z", T)).toContain(
      "spacing.magnesium-antibiotic",
    );
    expect(with_("ciprofloxacin", "2026-05-04T12:30:00Z", T)).not.toContain(
      "spacing.magnesium-antibiotic",
    );
    expect(with_("ciprofloxacin", "2026-05-04T20:00:00Z", T)).toContain(
      "spacing.magnesium-antibiotic",
    );
    expect(with_("ciprofloxacin", "2026-05-04T21:30:00Z", T)).not.toContain(
      "spacing.magnesium-antibiotic",
    );
    expect(with_("alendronate", "2026-05-04T16:00:00Z", T)).toContain(
      "spacing.magnesium-bisphosphonate",
    );
    expect(with_("alendronate", "2026-05-04T17:30:00Z", T)).not.toContain(
      "spacing.magnesium-bisphosphonate",
    );
  });

  it("compares a leaf dose with the TripSit and PsychonautWiki tiers the rules name", () => {
    const leaf = (g: number) =>
      codes(
        evaluate(
          compiled,
          context({ candidate: ingestion("c", "kratom-leaf", T, { amount: g, unit: "g" }) }),
        ),
      );
    expect(leaf(6)).not.toContain("amount.kratom-leaf-dose-over-tripsit-strong");
    expect(leaf(6.5)).toContain("amount.kratom-leaf-dose-over-tripsit-strong");
    expect(leaf(7.9)).not.toContain("amount.kratom-leaf-dose-psychonautwiki-heavy");
    expect(leaf(8)).toContain("amount.kratom-leaf-dose-psychonautwiki-heavy");
  });

  it("adds the day's leaf in the person's zone against the heavy tier", () => {
    const profile = { timeZone: "Asia/Bangkok", conditions: [], medicines: [] };
    // 18:00 UTC on 3 May is 01:00 on 4 May in Bangkok: same day as the candidate there.
    const history = [
      ingestion("h", "kratom-leaf", "2026-05-03T18:00:00Z", { amount: 5, unit: "g" }),
    ];
    const ws = evaluate(
      compiled,
      context({
        profile,
        history,
        candidate: ingestion("c", "kratom-leaf", "2026-05-04T05:00:00Z", { amount: 3, unit: "g" }),
      }),
    );
    expect(find(ws, "amount.kratom-leaf-day-over-psychonautwiki-heavy")?.details?.value).toBe(8);
  });

  it("never converts extracts or 7-OH to leaf grams and warns about each on its own", () => {
    const plan = { substanceId: "kratom-leaf", unit: "g", maxPerDose: 1, maxPerDay: 1 };
    const seven = evaluate(
      compiled,
      context({ plan, candidate: ingestion("c", "7-oh-product", T, { amount: 30, unit: "mg" }) }),
    );
    expect(find(seven, "substance.7-oh-product")?.severity).toBe("dangerous");
    expect(codes(seven).filter((c) => c.startsWith("plan.") || c.startsWith("amount."))).toEqual(
      [],
    );
    const extract = evaluate(
      compiled,
      context({
        plan,
        candidate: ingestion("c", "kratom-extract", T, { amount: 5000, unit: "mg" }),
      }),
    );
    expect(find(extract, "substance.kratom-extract")?.severity).toBe("unsafe");
    expect(codes(extract).filter((c) => c.startsWith("plan.") || c.startsWith("amount."))).toEqual(
      [],
    );
    const leaf = evaluate(
      compiled,
      context({ candidate: ingestion("c", "kratom-leaf", T, { amount: 2, unit: "g" }) }),
    );
    expect(codes(leaf).filter((c) => c.startsWith("substance."))).toEqual([]);
  });

  it("treats reported skin darkening as a side effect to report, never a treatment", () => {
    const ws = evaluate(
      compiled,
      context({
        assessments: [
          {
            instrument: "side-effects",
            takenAt: "2026-05-01T09:00:00Z",
            answers: { "skin-darkening": 1 },
          },
        ],
      }),
    );
    const w = find(ws, "sign.skin-darkening-kratom");
    expect(w?.severity).toBe("caution");
    expect(w?.action).toMatch(/clinician/);
    expect(w?.message).toMatch(/does not treat/);
  });

  it("escalates kratom after a reported yellow skin or dark urine to urgent", () => {
    const ws = evaluate(
      compiled,
      context({
        assessments: [
          {
            instrument: "red-flags",
            takenAt: "2026-05-04T09:00:00Z",
            answers: { "yellow-skin-eyes": 1, "dark-urine": 0 },
          },
        ],
      }),
    );
    expect(find(ws, "sign.yellow-skin-kratom")?.severity).toBe("urgent");
    expect(codes(ws)).not.toContain("sign.dark-urine-kratom");
  });
});
