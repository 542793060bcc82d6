import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRules } from "../core/safety/compile.ts";
import { decisionSubjects, undecidedPairs } from "../core/safety/coverage.ts";
import { evaluate } from "../core/safety/evaluate.ts";
import { INTERACTION_LEVELS, type Ingestion, type InteractionLevel } from "../core/safety/types.ts";
import { severityRank } from "../core/warning.ts";
import { TRIPSIT_STATUS_LEVELS } from "./rated-layer.schema.ts";
import { loadTripsitCombos } from "./rated-layers.ts";
import { loadSafetyRules } from "./safety-rules.ts";

/**
 * The interaction matrix as a whole: every pair the engine can meet is decided, and Mitra is never
 * milder than TripSit's chart on a pair of catalog substances TripSit rates, unless a recorded,
 * sourced disagreement says why.
 */

const rules = loadSafetyRules();
const compiled = compileRules(rules);
const tripsit = loadTripsitCombos();
const T = "2026-05-04T15:00:00Z";
const HOUR_BEFORE = "2026-05-04T14:00:00Z";

const dose = (id: string, substanceId: string, takenAt: string): Ingestion => ({
  id,
  substanceId,
  takenAt,
  amount: 1,
  unit: compiled.substances.get(substanceId)?.units[0] ?? "mg",
});

/** The worst combination warning (rule or no data) for `then` logged an hour after `first`. */
function pairSeverity(first: string, then: string) {
  const ws = evaluate(compiled, {
    profile: { timeZone: "UTC", conditions: [], medicines: [] },
    history: [dose("h", first, HOUR_BEFORE)],
    candidate: dose("c", then, T),
    now: new Date(T),
  }).filter((w) => w.code.startsWith("interaction.") || w.code.startsWith("nodata.pair."));
  return ws[0];
}

/** TripSit's worst rating of a pair of catalog substances, through the mapped groups. */
function tripsitLevel(x: string, y: string): { level: InteractionLevel; groups: string[] } | null {
  const groupsOf = (id: string) => {
    const s = compiled.resolve(id);
    return tripsit.groups.filter(
      (g) =>
        (g.matcher.substanceIds ?? []).includes(id) ||
        (g.matcher.classes ?? []).some((c) => s.classes.has(c)),
    );
  };
  let worst: { level: InteractionLevel; groups: string[] } | null = null;
  for (const gx of groupsOf(x)) {
    for (const gy of groupsOf(y)) {
      const status = tripsit.combos[gx.tripsit]?.[gy.tripsit];
      if (status === undefined) continue;
      const level = TRIPSIT_STATUS_LEVELS[status] as InteractionLevel;
      if (!worst || INTERACTION_LEVELS.indexOf(level) > INTERACTION_LEVELS.indexOf(worst.level)) {
        worst = { level, groups: [gx.id, gy.id] };
      }
    }
  }
  return worst;
}

const disagreed = (groups: string[]) =>
  tripsit.disagreements.some(
    (d) => (d.a === groups[0] && d.b === groups[1]) || (d.a === groups[1] && d.b === groups[0]),
  );

const catalog = rules.substances.map((s) => s.id);
const ratedPairs = catalog.flatMap((x, i) =>
  catalog
    .slice(i + 1)
    .filter((y) => compiled.resolve(x).pool !== compiled.resolve(y).pool)
    .flatMap((y) => {
      const rated = tripsitLevel(x, y);
      return rated ? [{ x, y, ...rated }] : [];
    }),
);

describe("Mitra against TripSit's chart, pair by pair", () => {
  it("covers the pairs TripSit rates among catalog substances", () => {
    expect(ratedPairs.length).toBeGreaterThan(400);
  });

  for (const { x, y, level, groups } of ratedPairs) {
    if (level === "low-risk") continue;
    it(`${x} with ${y}: TripSit ${level}`, () => {
      if (disagreed(groups)) return;
      for (const [first, then] of [
        [x, y],
        [y, x],
      ] as const) {
        const w = pairSeverity(first, then);
        expect(w, `${first} then ${then} is silent`).toBeDefined();
        const severity = rules.interactionPolicy.levelSeverity[level];
        expect(
          severityRank(w?.severity ?? "info"),
          `${first} then ${then}: ${w?.code}`,
        ).toBeGreaterThanOrEqual(severityRank(severity));
      }
    });
  }

  it("records a source and a reason for every disagreement", () => {
    for (const d of tripsit.disagreements) {
      expect(d.reason.length).toBeGreaterThan(20);
      expect(d.sources.length).toBeGreaterThan(0);
    }
  });
});

describe("the TripSit statuses Mitra carries", () => {
  const reference = new URL(
    "../../../shared/reference/tripsit-combos-statuses.json",
    import.meta.url,
  );
  const present = existsSync(reference);
  it.skipIf(!present && process.env.CI !== "true")(
    "match the reference copy of combos.json for every mapped pair",
    () => {
      const ref = JSON.parse(readFileSync(reference, "utf8")) as {
        $comment: string;
        combos: Record<string, Record<string, string>>;
      };
      expect(ref.$comment).toContain(tripsit.commit);
      const keys = tripsit.groups.map((g) => g.tripsit);
      for (const a of keys) {
        for (const b of keys) {
          if (a === b) continue;
          expect(tripsit.combos[a]?.[b], `${a} with ${b}`).toBe(ref.combos[a]?.[b]);
        }
      }
    },
  );
});

describe("a decision for every pair", () => {
  const subjects = decisionSubjects(compiled);

  it("leaves no pair of catalog substances or pickable classes undecided", () => {
    expect(undecidedPairs(compiled)).toEqual([]);
  });

  it("decides any two substances picked at random, in either order", () => {
    fc.assert(
      fc.property(fc.constantFrom(...subjects), fc.constantFrom(...subjects), (x, y) => {
        fc.pre(x.key !== y.key && x.pool !== y.pool);
        for (const [a, b] of [
          [x, y],
          [y, x],
        ] as const) {
          const verdict = compiled.pair(a, b);
          expect(verdict.hits.length + verdict.unrated.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("answers 'no data' for a custom substance with no class, never silence", () => {
    const ws = evaluate(compiled, {
      profile: { timeZone: "UTC", conditions: [], medicines: [] },
      history: [dose("h", "sertraline", HOUR_BEFORE)],
      candidate: { ...dose("c", "my-tea", T), substanceName: "My tea", unit: "mg" },
      now: new Date(T),
    });
    expect(ws.map((w) => w.code)).toContain("nodata.pair.my-tea.sertraline");
  });
});
