/**
 * Safety check speed: `npx tsx bench/safety.bench.ts` (or `npm run bench -- safety`).
 *
 * A person with a year of history (6 doses a day for 365 days: leaf, capsules, magnesium,
 * caffeine; a daily check-in and weekly side-effect and red-flag screens), two regular medicines,
 * a condition and an active plan. `evaluate` runs with the real rules, compiled once, for
 * candidates that exercise combinations, plan, tiers, magnesium and spacing. Two cases:
 *   - recent: the history within reach of any rule (14 days, the MAOI washout), as the
 *     database query selects it (the normal call);
 *   - full year: all 2,190 doses passed in (the engine narrows them itself).
 * Prints mean and p99 microseconds per check. Target: under 1 ms (1,000 us) per check; the
 * process exits 1 when the recent case's mean misses it.
 */

import { performance } from "node:perf_hooks";
import { evaluate } from "../src/core/safety/evaluate.ts";
import type {
  ActivePlan,
  AssessmentRecord,
  Ingestion,
  SafetyContext,
} from "../src/core/safety/types.ts";
import { loadCompiledSafetyRules } from "../src/knowledge/safety-rules.ts";
import { historyReachMs } from "../src/server/dose-log/safety-context.ts";

const H = 3_600_000;
const DAY = 24 * H;
const END = Date.UTC(2026, 10, 20, 22);
const START = END - 365 * DAY;

function yearOfHistory(): Ingestion[] {
  const out: Ingestion[] = [];
  for (let d = 0; d < 365; d++) {
    const day = START + d * DAY;
    const at = (h: number) => new Date(day + h * H).toISOString();
    out.push(
      { id: `${d}-1`, substanceId: "kratom-leaf", amount: 2.5, unit: "g", takenAt: at(8) },
      { id: `${d}-2`, substanceId: "kratom-leaf", amount: 2, unit: "g", takenAt: at(13) },
      {
        id: `${d}-3`,
        substanceId: "kratom-capsules",
        productId: "caps-1",
        product: { gramsPerUnit: 0.5 },
        amount: 4,
        unit: "capsule",
        takenAt: at(18),
      },
      { id: `${d}-4`, substanceId: "kratom-leaf", amount: 1.5, unit: "g", takenAt: at(22) },
      { id: `${d}-5`, substanceId: "magnesium-glycinate", amount: 1, unit: "g", takenAt: at(21) },
      { id: `${d}-6`, substanceId: "caffeine", amount: 95, unit: "mg", takenAt: at(7) },
    );
  }
  return out;
}

function assessments(): AssessmentRecord[] {
  const out: AssessmentRecord[] = [];
  for (let d = 0; d < 365; d++) {
    const takenAt = new Date(START + d * DAY + 9 * H).toISOString();
    out.push({ instrument: "sows-gossop", takenAt, answers: { "feeling-sick": 1, insomnia: 2 } });
    if (d % 7 === 0) {
      out.push({
        instrument: "side-effects",
        takenAt,
        answers: { "skin-darkening": d > 300 ? 1 : 0 },
      });
      out.push({
        instrument: "red-flags",
        takenAt,
        answers: { "yellow-skin-eyes": 0, "dark-urine": 0 },
      });
    }
  }
  return out;
}

const plan: ActivePlan = {
  substanceId: "kratom-leaf",
  unit: "g",
  targetForDay: 9,
  maxPerDay: 10,
  maxPerDose: 3,
  minIntervalHours: 3,
};

const candidates: Ingestion[] = [
  {
    id: "c1",
    substanceId: "kratom-leaf",
    amount: 3.5,
    unit: "g",
    takenAt: new Date(END + H).toISOString(),
  },
  {
    id: "c2",
    substanceId: "magnesium-citrate",
    amount: 1,
    unit: "g",
    takenAt: new Date(END + H).toISOString(),
  },
  {
    id: "c3",
    substanceId: "alcohol",
    amount: 2,
    unit: "drink",
    takenAt: new Date(END + H).toISOString(),
  },
  {
    id: "c4",
    substanceId: "doxycycline",
    amount: 100,
    unit: "mg",
    takenAt: new Date(END + H).toISOString(),
  },
];

function measure(label: string, history: Ingestion[], iterations: number) {
  const rules = loadCompiledSafetyRules();
  const all = assessments();
  const contexts: SafetyContext[] = candidates.map((candidate) => ({
    profile: {
      timeZone: "America/New_York",
      conditions: ["liver-disease"],
      medicines: ["sertraline", "gabapentin"],
    },
    history,
    assessments: all,
    plan,
    candidate,
    now: new Date(END + H),
  }));
  let sink = 0;
  for (let i = 0; i < 2_000; i++)
    sink += evaluate(rules, contexts[i % contexts.length] as SafetyContext).length;
  const times = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const context = contexts[i % contexts.length] as SafetyContext;
    const t = performance.now();
    sink += evaluate(rules, context).length;
    times[i] = (performance.now() - t) * 1000;
  }
  times.sort();
  const mean = times.reduce((a, b) => a + b, 0) / iterations;
  const p99 = times[Math.floor(iterations * 0.99)] ?? Number.NaN;
  console.log(
    `${label.padEnd(34)} ${String(history.length).padStart(5)} doses  mean ${mean.toFixed(1).padStart(7)} us  p99 ${p99.toFixed(1).padStart(7)} us  (${iterations} checks, ${sink > 0 ? "ok" : "?"})`,
  );
  return { mean, p99 };
}

const compileStart = performance.now();
loadCompiledSafetyRules();
console.log(
  `load, validate and compile rules once: ${(performance.now() - compileStart).toFixed(1)} ms`,
);

const year = yearOfHistory();
// What the server reads: the doses within reach of any rule (the longest window is the 14-day
// MAOI washout), as historyReachMs works it out.
const reach = historyReachMs(loadCompiledSafetyRules(), [plan]);
const recent = year.filter((i) => Date.parse(i.takenAt) >= END - reach);
const recentResult = measure(
  `safety check, last ${Math.round(reach / H)} h of history`,
  recent,
  20_000,
);
measure("safety check, full year passed in", year, 3_000);

const TARGET_US = 1000;
const verdict = recentResult.mean < TARGET_US ? "within" : "OVER";
console.log(`target: under ${TARGET_US} us per check (recent history) -> ${verdict} target`);
if (verdict === "OVER") process.exitCode = 1;
