/**
 * Builds the clinician dashboard's benchmark data set on one engine:
 *   npx tsx bench/seed-dashboard.ts sqlite|postgres [--patients 2000] [--days 365] [--reseed]
 *
 * One clinician linked (all scopes) to N patients, each with `days` days of history ending at
 * BENCH_NOW: a SOWS-Gossop check-in most days (6 % missed; scores drift, some rise in the last
 * days), a red-flag screen weekly (a few positive), four doses a day (three kratom leaf, one
 * magnesium) of which ~3 % carry a stored plan warning and ~1 % an interaction warning, and a
 * clinician note now and then. Deterministic (seeded PRNG). Rows go in with the raw drivers in
 * large transactions: prepared statements on SQLite, multi-row `unnest` inserts on PostgreSQL.
 * Then ANALYZE (VACUUM ANALYZE on PostgreSQL, as autovacuum would), so both planners know the
 * tables' sizes.
 *
 * SQLite file: bench/.cache/dashboard.sqlite. PostgreSQL: schema `bench_dashboard` in the database
 * `mitra_bench` on the test server (created when missing), or at MITRA_BENCH_POSTGRES_URL. Re-running keeps a complete data
 * set unless --reseed.
 */

import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import SQLite from "better-sqlite3";
import pg from "pg";
import { type DatabaseHandle, type Engine, openDatabase } from "../src/db/connection.ts";
import { migrateToLatest } from "../src/db/migrate.ts";
import { postgresTestUrl } from "../src/testing/test-databases.ts";

export const BENCH_NOW = new Date("2026-06-01T12:00:00.000Z");
export const BENCH_CLINICIAN_EMAIL = "bench-clinician@example.org";
export const sqliteBenchFile = fileURLToPath(new URL("./.cache/dashboard.sqlite", import.meta.url));
/** Its own database, so the test suite's schema checks never see the benchmark's tables. */
export const postgresBenchUrl =
  process.env.MITRA_BENCH_POSTGRES_URL ??
  postgresTestUrl.replace(/\/[^/?]*(\?|$)/, "/mitra_bench$1");
export const postgresBenchSchema = "bench_dashboard";

const DAY = 86_400_000;
const H = 3_600_000;

export interface SeedOptions {
  patients: number;
  days: number;
  reseed?: boolean;
  log?: (line: string) => void;
}

/** Creates the benchmark's PostgreSQL database when the server does not have it yet. */
async function ensurePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unexpected database name ${name}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  admin.search = "";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** Opens (creating and migrating) the benchmark database of an engine. */
export async function openBenchDatabase(engine: Engine, fresh = false): Promise<DatabaseHandle> {
  if (engine === "sqlite") {
    if (fresh) rmSync(sqliteBenchFile, { force: true });
    mkdirSync(fileURLToPath(new URL("./.cache", import.meta.url)), { recursive: true });
    const handle = await openDatabase({ engine, target: sqliteBenchFile });
    await migrateToLatest(handle.db);
    return handle;
  }
  await ensurePostgresDatabase(postgresBenchUrl);
  if (fresh) {
    const client = new pg.Client({ connectionString: postgresBenchUrl });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${postgresBenchSchema}" CASCADE`);
    await client.end();
  }
  const handle = await openDatabase({
    engine,
    target: postgresBenchUrl,
    schema: postgresBenchSchema,
  });
  await migrateToLatest(handle.db);
  return handle;
}

/** A small deterministic PRNG (mulberry32), so every run builds the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A uuid-shaped id from a counter (fast and unique; the format is what matters here). */
function idFrom(prefix: number, n: number): string {
  const hex = n.toString(16).padStart(22, "0");
  const head = prefix.toString(16).padStart(8, "0");
  return `${head}-${hex.slice(0, 4)}-4${hex.slice(4, 7)}-8${hex.slice(7, 10)}-${hex.slice(10, 22)}`;
}

type ColumnType = "text" | "double precision" | "integer";
type Row = (string | number | null)[];

interface TableBatch {
  table: string;
  columns: [name: string, type: ColumnType][];
  rows: Row[];
}

const source = { title: "Mitra benchmark fixture", url: "https://example.org/bench" };
const planWarning = JSON.stringify([
  {
    code: "plan.over-target",
    severity: "unsafe",
    title: "Over today's plan",
    message: "This dose takes today past the plan's target.",
    action: "Stop for today.",
    sources: [source],
  },
]);
const interactionWarning = JSON.stringify([
  {
    code: "interaction.opioid-benzodiazepine",
    severity: "dangerous",
    title: "Dangerous combination",
    message: "Both depress breathing.",
    action: "Do not combine.",
    sources: [source],
  },
]);

const gossopItems = [
  "feeling-sick",
  "stomach-cramps",
  "muscle-spasms",
  "feeling-cold",
  "heart-pounding",
  "muscular-tension",
  "aches-pains",
  "yawning",
  "runny-eyes",
  "insomnia",
];

/** Produces the data set one patient at a time, flushing batches through `sink`. */
async function generate(
  options: SeedOptions,
  clinicianId: string,
  sink: (batches: TableBatch[]) => Promise<void>,
): Promise<void> {
  const random = prng(20260601);
  const nowMs = BENCH_NOW.getTime();
  const start = nowMs - options.days * DAY;
  const at = (ms: number) => new Date(ms).toISOString();
  const created = at(start);
  let counter = 0;
  const next = (kind: number) => idFrom(kind, ++counter);

  const users: TableBatch = {
    table: "users",
    columns: [
      ["id", "text"],
      ["email", "text"],
      ["password_hash", "text"],
      ["role", "text"],
      ["display_name", "text"],
      ["time_zone", "text"],
      ["jurisdiction", "text"],
      ["created_at", "text"],
      ["updated_at", "text"],
    ],
    rows: [],
  };
  const links: TableBatch = {
    table: "care_links",
    columns: [
      ["id", "text"],
      ["patient_id", "text"],
      ["clinician_id", "text"],
      ["scopes", "text"],
      ["may_set_plans", "integer"],
      ["invitation_id", "text"],
      ["created_at", "text"],
      ["revoked_at", "text"],
    ],
    rows: [],
  };
  const assessments: TableBatch = {
    table: "assessments",
    columns: [
      ["id", "text"],
      ["user_id", "text"],
      ["instrument", "text"],
      ["answers", "text"],
      ["total", "double precision"],
      ["band", "text"],
      ["red_flag", "integer"],
      ["taken_at", "text"],
      ["created_at", "text"],
      ["recorded_by", "text"],
    ],
    rows: [],
  };
  const ingestions: TableBatch = {
    table: "ingestions",
    columns: [
      ["id", "text"],
      ["user_id", "text"],
      ["substance_id", "text"],
      ["amount", "double precision"],
      ["unit", "text"],
      ["route", "text"],
      ["taken_at", "text"],
      ["canonical_amount", "double precision"],
      ["canonical_unit", "text"],
      ["pool", "text"],
      ["warnings", "text"],
      ["created_at", "text"],
      ["updated_at", "text"],
    ],
    rows: [],
  };
  const notes: TableBatch = {
    table: "clinical_notes",
    columns: [
      ["id", "text"],
      ["patient_id", "text"],
      ["author_id", "text"],
      ["body", "text"],
      ["created_at", "text"],
    ],
    rows: [],
  };
  const batches = [users, links, assessments, ingestions, notes];
  const flush = async () => {
    await sink(batches);
    for (const b of batches) b.rows = [];
  };

  users.rows.push([
    clinicianId,
    BENCH_CLINICIAN_EMAIL,
    "bench-no-login",
    "clinician",
    "Dr Bench",
    "UTC",
    null,
    created,
    created,
  ]);
  const zones = ["America/New_York", "America/Los_Angeles", "Europe/London", "Asia/Bangkok"];
  for (let p = 0; p < options.patients; p++) {
    const patientId = next(1);
    users.rows.push([
      patientId,
      `bench-patient-${p}@example.org`,
      "bench-no-login",
      "patient",
      `Patient ${String(p).padStart(4, "0")}`,
      zones[p % zones.length] ?? "UTC",
      null,
      created,
      created,
    ]);
    // One in ten shares assessments only, to exercise scope filtering.
    const scopes = p % 10 === 9 ? '["assessments"]' : '["doses","assessments","notes","products"]';
    links.rows.push([next(2), patientId, clinicianId, scopes, 1, null, created, null]);

    let level = 8 + random() * 12;
    const risesAtEnd = random() < 0.08;
    for (let d = 0; d < options.days; d++) {
      const dayStart = start + d * DAY;
      level = Math.min(30, Math.max(0, level + (random() - 0.55) * 2));
      if (risesAtEnd && d >= options.days - 2) level = Math.min(30, level + 6);
      if (random() >= 0.06) {
        const total = Math.round(level);
        const answers: Record<string, number> = {};
        let left = total;
        for (const item of gossopItems) {
          const v = Math.min(3, left);
          answers[item] = v;
          left -= v;
        }
        const takenAt = at(dayStart + 9 * H + random() * 2 * H);
        assessments.rows.push([
          next(3),
          patientId,
          "sows-gossop",
          JSON.stringify(answers),
          total,
          null,
          0,
          takenAt,
          takenAt,
          patientId,
        ]);
      }
      if (d % 7 === p % 7) {
        const positive = random() < 0.01;
        const takenAt = at(dayStart + 10 * H);
        assessments.rows.push([
          next(3),
          patientId,
          "red-flags",
          JSON.stringify({ seizure: 0, fainting: positive ? 1 : 0, "chest-pain": 0 }),
          null,
          null,
          positive ? 1 : 0,
          takenAt,
          takenAt,
          patientId,
        ]);
      }
      for (const hour of [8, 13, 19]) {
        const takenAt = at(dayStart + hour * H + random() * H);
        const r = random();
        const warnings = r < 0.03 ? planWarning : r < 0.04 ? interactionWarning : "[]";
        const amount = Math.round((1.5 + random() * 2) * 10) / 10;
        ingestions.rows.push([
          next(4),
          patientId,
          "kratom-leaf",
          amount,
          "g",
          "oral",
          takenAt,
          amount,
          "g",
          "kratom-leaf",
          warnings,
          takenAt,
          takenAt,
        ]);
      }
      const mgAt = at(dayStart + 21 * H);
      ingestions.rows.push([
        next(4),
        patientId,
        "magnesium-glycinate",
        1,
        "g",
        "oral",
        mgAt,
        1,
        "g",
        "magnesium-glycinate",
        "[]",
        mgAt,
        mgAt,
      ]);
      if (d % 30 === 0 || (d === options.days - 3 && p % 5 === 0)) {
        notes.rows.push([next(5), patientId, clinicianId, "Reviewed.", at(dayStart + 15 * H)]);
      }
    }
    if ((p + 1) % 50 === 0) {
      await flush();
      options.log?.(`  ${p + 1} patients`);
    }
  }
  await flush();
}

function sqliteSink(file: string) {
  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const statements = new Map<string, SQLite.Statement>();
  const insertAll = sqlite.transaction((batches: TableBatch[]) => {
    for (const batch of batches) {
      if (batch.rows.length === 0) continue;
      let statement = statements.get(batch.table);
      if (!statement) {
        const cols = batch.columns.map(([n]) => n);
        statement = sqlite.prepare(
          `INSERT INTO ${batch.table} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`,
        );
        statements.set(batch.table, statement);
      }
      for (const row of batch.rows) statement.run(row);
    }
  });
  return {
    sink: async (batches: TableBatch[]) => insertAll(batches),
    finish: async () => {
      sqlite.exec("ANALYZE");
      sqlite.close();
    },
  };
}

async function postgresSink() {
  const client = new pg.Client({
    connectionString: postgresBenchUrl,
    options: `-c search_path="${postgresBenchSchema}"`,
  });
  await client.connect();
  const CHUNK = 20_000;
  return {
    sink: async (batches: TableBatch[]) => {
      await client.query("BEGIN");
      for (const batch of batches) {
        for (let i = 0; i < batch.rows.length; i += CHUNK) {
          const rows = batch.rows.slice(i, i + CHUNK);
          const arrays = batch.columns.map((_, c) => rows.map((r) => r[c] ?? null));
          const cols = batch.columns.map(([n]) => n).join(", ");
          const unnest = batch.columns.map(([, t], c) => `$${c + 1}::${t}[]`).join(", ");
          await client.query(
            `INSERT INTO ${batch.table} (${cols}) SELECT * FROM unnest(${unnest})`,
            arrays,
          );
        }
      }
      await client.query("COMMIT");
    },
    finish: async () => {
      // What autovacuum does on a live server: statistics, and the visibility map that lets
      // index-only scans skip the table.
      await client.query("VACUUM ANALYZE");
      await client.end();
    },
  };
}

/** The bench clinician's id when the data set is complete, else undefined. */
export async function seededClinician(
  handle: DatabaseHandle,
  patients: number,
): Promise<string | undefined> {
  const clinician = await handle.db
    .selectFrom("users")
    .select("id")
    .where("email", "=", BENCH_CLINICIAN_EMAIL)
    .executeTakeFirst();
  if (!clinician) return undefined;
  const links = await handle.db
    .selectFrom("care_links")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("clinician_id", "=", clinician.id)
    .executeTakeFirstOrThrow();
  return Number(links.n) === patients ? clinician.id : undefined;
}

/** Seeds the engine's benchmark database unless it already holds the data set; returns the clinician id. */
export async function seedDashboard(engine: Engine, options: SeedOptions): Promise<string> {
  const log = options.log ?? (() => {});
  let handle = await openBenchDatabase(engine, options.reseed);
  const existing = await seededClinician(handle, options.patients);
  if (existing && !options.reseed) {
    await handle.close();
    log(`${engine}: data set present (${options.patients} patients), not reseeding`);
    return existing;
  }
  await handle.close();
  handle = await openBenchDatabase(engine, true);
  await handle.close();

  const clinicianId = idFrom(0, 1);
  const started = performance.now();
  log(`${engine}: seeding ${options.patients} patients x ${options.days} days...`);
  const target = engine === "sqlite" ? sqliteSink(sqliteBenchFile) : await postgresSink();
  await generate(options, clinicianId, target.sink);
  await target.finish();
  log(`${engine}: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return clinicianId;
}

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number`);
  return value;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const engine = process.argv[2];
  if (engine !== "sqlite" && engine !== "postgres") {
    console.error(
      "usage: tsx bench/seed-dashboard.ts sqlite|postgres [--patients N] [--days N] [--reseed]",
    );
    process.exit(2);
  }
  await seedDashboard(engine, {
    patients: argValue("--patients", 2000),
    days: argValue("--days", 365),
    reseed: process.argv.includes("--reseed"),
    log: console.log,
  });
}
