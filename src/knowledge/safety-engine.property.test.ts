import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRules } from "../core/safety/compile.ts";
import { evaluate } from "../core/safety/evaluate.ts";
import type {
  ActivePlan,
  AssessmentRecord,
  Ingestion,
  SafetyContext,
} from "../core/safety/types.ts";
import { UNITS } from "../core/units.ts";
import { SEVERITIES, severityRank, type Warning } from "../core/warning.ts";
import { loadSafetyRules } from "./safety-rules.ts";

/** Properties of the engine with the real rules: any valid input, any order, any dose. */

const rules = loadSafetyRules();
const compiled = compileRules(rules);
const ids = rules.substances.map((s) => s.id);
const BASE = Date.UTC(2026, 4, 4, 15);
const H = 3_600_000;
const ZONES = [
  "UTC",
  "America/New_York",
  "Europe/Berlin",
  "Asia/Bangkok",
  "Australia/Adelaide",
  "Pacific/Kiritimati",
];

const substanceId = fc.oneof(
  { weight: 9, arbitrary: fc.constantFrom(...ids) },
  { weight: 1, arbitrary: fc.constantFrom("st-johns-wort", "custom-thing") },
);
const offsetHours = fc.double({ min: -72, max: 72, noNaN: true });
const amount = fc.double({ min: 0.001, max: 10_000, noNaN: true });

const ingestionArb = (id: string): fc.Arbitrary<Ingestion> =>
  fc
    .record({
      substanceId,
      amount,
      offset: offsetHours,
      unitPick: fc.nat(),
      anyUnit: fc.constantFrom(...UNITS),
      useAnyUnit: fc.boolean(),
      classes: fc.option(
        fc.subarray(
          rules.classes.map((c) => c.id),
          { maxLength: 2 },
        ),
        { nil: undefined },
      ),
      product: fc.option(
        fc.record({
          gramsPerUnit: fc.option(fc.double({ min: 0.01, max: 5, noNaN: true }), {
            nil: undefined,
          }),
          elementalMgPerUnit: fc.option(fc.double({ min: 1, max: 500, noNaN: true }), {
            nil: undefined,
          }),
        }),
        { nil: undefined },
      ),
    })
    .map((r) => {
      const units = compiled.substances.get(r.substanceId)?.units ?? ["mg"];
      const unit = r.useAnyUnit ? r.anyUnit : (units[r.unitPick % units.length] as string);
      const i: Ingestion = {
        id,
        substanceId: r.substanceId,
        amount: r.amount,
        unit,
        takenAt: new Date(BASE + r.offset * H).toISOString(),
      };
      if (r.classes && !compiled.substances.has(r.substanceId)) i.classes = r.classes;
      if (r.product) i.product = r.product;
      return i;
    });

const planArb: fc.Arbitrary<ActivePlan | undefined> = fc.option(
  fc.record({
    substanceId: fc.constantFrom("kratom-leaf", "kratom-capsules", "magnesium"),
    unit: fc.constantFrom("g", "mg", "capsule"),
    maxPerDose: fc.option(fc.double({ min: 0.1, max: 20, noNaN: true }), { nil: undefined }),
    maxPerDay: fc.option(fc.double({ min: 0.1, max: 50, noNaN: true }), { nil: undefined }),
    targetForDay: fc.option(fc.double({ min: 0.1, max: 50, noNaN: true }), { nil: undefined }),
    minIntervalHours: fc.option(fc.double({ min: 0.5, max: 12, noNaN: true }), { nil: undefined }),
  }),
  { nil: undefined },
);

const assessmentArb: fc.Arbitrary<AssessmentRecord> = fc.record({
  instrument: fc.constantFrom("side-effects", "red-flags", "sows"),
  takenAt: offsetHours.map((o) => new Date(BASE + o * H).toISOString()),
  answers: fc.dictionary(
    fc.constantFrom("skin-darkening", "yellow-skin-eyes", "dark-urine", "anxious"),
    fc.integer({ min: 0, max: 4 }),
  ),
});

const contextArb: fc.Arbitrary<SafetyContext> = fc
  .record({
    profile: fc.record({
      timeZone: fc.constantFrom(...ZONES),
      conditions: fc.subarray([...rules.conditions.map((c) => c.id), "gout"]),
      medicines: fc.subarray(ids, { maxLength: 3 }),
    }),
    history: fc.array(
      fc.nat({ max: 1000 }).chain((n) => ingestionArb(`h${n}`)),
      { maxLength: 12 },
    ),
    assessments: fc.array(assessmentArb, { maxLength: 4 }),
    plan: planArb,
    candidate: ingestionArb("candidate"),
    now: fc.constant(new Date(BASE + 72 * H)),
  })
  .map((c) => {
    const context: SafetyContext = { ...c };
    if (c.plan === undefined) delete context.plan;
    return context;
  });

const worst = (ws: Warning[]) => Math.max(-1, ...ws.map((w) => severityRank(w.severity)));
const pairPart = (ws: Warning[]) =>
  ws
    .filter((w) => w.code.startsWith("interaction.") || w.code.startsWith("nodata.pair."))
    .map((w) => `${w.code}:${w.severity}`)
    .sort();

describe("safety engine properties (real rules)", () => {
  it("never throws on valid input and answers well-formed warnings, worst first", () => {
    fc.assert(
      fc.property(contextArb, (context) => {
        const ws = evaluate(compiled, context);
        for (const w of ws) {
          expect(SEVERITIES).toContain(w.severity);
          expect(w.title.length && w.message.length && w.action.length).toBeGreaterThan(0);
          if (!w.code.startsWith("profile.")) expect(w.sources.length).toBeGreaterThan(0);
        }
        for (let i = 1; i < ws.length; i++) {
          expect(severityRank((ws[i - 1] as Warning).severity)).toBeGreaterThanOrEqual(
            severityRank((ws[i] as Warning).severity),
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  it("is symmetric in the order of a pair", () => {
    fc.assert(
      fc.property(
        ingestionArb("x"),
        ingestionArb("y"),
        fc.constantFrom(...ZONES),
        fc.subarray(rules.conditions.map((c) => c.id)),
        (x, y, timeZone, conditions) => {
          const profile = { timeZone, conditions, medicines: [] };
          const now = new Date(BASE + 72 * H);
          const xy = evaluate(compiled, { profile, history: [y], candidate: x, now });
          const yx = evaluate(compiled, { profile, history: [x], candidate: y, now });
          expect(pairPart(xy)).toEqual(pairPart(yx));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("never lowers a warning when the dose grows", () => {
    fc.assert(
      fc.property(contextArb, fc.double({ min: 1, max: 100, noNaN: true }), (context, factor) => {
        const bigger = {
          ...context,
          candidate: { ...context.candidate, amount: context.candidate.amount * factor },
        };
        const small = evaluate(compiled, context);
        const large = evaluate(compiled, bigger);
        expect(worst(large)).toBeGreaterThanOrEqual(worst(small));
        const largeCodes = new Set(large.map((w) => w.code));
        for (const w of small) expect(largeCodes.has(w.code), w.code).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("does not depend on the order of the history", () => {
    fc.assert(
      fc.property(contextArb, (context) => {
        const reversed = { ...context, history: [...context.history].reverse() };
        const strip = (ws: Warning[]) => ws.map((w) => `${w.code}:${w.severity}`).sort();
        expect(strip(evaluate(compiled, reversed))).toEqual(strip(evaluate(compiled, context)));
      }),
      { numRuns: 200 },
    );
  });
});
