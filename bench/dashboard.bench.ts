/**
 * Clinician dashboard speed: `npx tsx bench/dashboard.bench.ts [--patients 2000] [--days 365]`
 * (or `npm run bench -- dashboard`).
 *
 * Seeds (once; see seed-dashboard.ts) one clinician with 2,000 consenting patients, each with a
 * year of check-ins and doses, on SQLite and on PostgreSQL, then times `triageDashboard` — the
 * data behind GET /api/clinician/patients — for that clinician: 5 warm-up calls, then 50 timed.
 * Each call triages every patient and answers the first page (50, worst first), as the route
 * does without a query. Prints p50 and p99 milliseconds per engine, and the time the route adds
 * to record one audit entry per patient shown (the page). Target: p50 under 200 ms on each engine; the
 * process exits 1 when an engine misses it. PostgreSQL is skipped with a message when no server
 * answers.
 */

import { performance } from "node:perf_hooks";
import pg from "pg";
import { appendAuditBatch } from "../src/db/audit-batch.ts";
import type { Engine } from "../src/db/connection.ts";
import { triageDashboard } from "../src/server/care-team/triage.ts";
import { postgresTestUrl } from "../src/testing/test-databases.ts";
import { BENCH_NOW, openBenchDatabase, seedDashboard } from "./seed-dashboard.ts";

const TARGET_MS = 200;
const WARMUP = 5;
const RUNS = 50;

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: postgresTestUrl,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

const patients = argValue("--patients", 2000);
const days = argValue("--days", 365);
let missed = 0;

for (const engine of ["sqlite", "postgres"] as Engine[]) {
  if (engine === "postgres" && !(await postgresAnswers())) {
    console.log(`postgres: no server at ${postgresTestUrl}, skipped`);
    continue;
  }
  const clinicianId = await seedDashboard(engine, { patients, days, log: console.log });
  const handle = await openBenchDatabase(engine);
  try {
    let rows = 0;
    let flagged = 0;
    for (let i = 0; i < WARMUP; i++) await triageDashboard(handle.db, clinicianId, BENCH_NOW);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const dashboard = await triageDashboard(handle.db, clinicianId, BENCH_NOW);
      times.push(performance.now() - started);
      rows = dashboard.total;
      flagged = dashboard.total - dashboard.levels.ok;
    }
    times.sort((a, b) => a - b);
    const p50 = percentile(times, 50);
    const p99 = percentile(times, 99);
    console.log(
      `${engine.padEnd(8)} ${rows} patients (${flagged} needing attention): ` +
        `p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, min ${times[0]?.toFixed(1)} ms ` +
        `over ${RUNS} runs (target p50 < ${TARGET_MS} ms)`,
    );
    if (p50 >= TARGET_MS) missed++;

    // The route also records one audit entry per patient shown (appendAuditBatch): time it too.
    const audit: number[] = [];
    const dashboard = await triageDashboard(handle.db, clinicianId, BENCH_NOW);
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await appendAuditBatch(
        handle.db,
        dashboard.patients.map((row) => ({
          actorId: clinicianId,
          subjectId: row.patient.id,
          action: "read",
          entity: "triage_summary",
          address: "127.0.0.1",
          at: BENCH_NOW,
        })),
      );
      audit.push(performance.now() - started);
    }
    audit.sort((a, b) => a - b);
    console.log(
      `${"".padEnd(8)} + audit entries for the route (${dashboard.patients.length} rows shown): ` +
        `p50 ${percentile(audit, 50).toFixed(1)} ms over ${audit.length} runs`,
    );
  } finally {
    await handle.close();
  }
}
process.exit(missed > 0 ? 1 : 0);
