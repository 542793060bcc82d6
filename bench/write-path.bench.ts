/**
 * Write-path speed and server memory: `npx tsx bench/write-path.bench.ts`
 * (or `npm run bench -- write-path`). Options: --connections 10 --seconds 4 --warmup 1.
 *
 * For each engine (SQLite, then PostgreSQL when a server answers at MITRA_TEST_POSTGRES_URL):
 * starts the real Mitra server in this process (buildApp over a fresh migrated database, port 0),
 * registers one patient per connection, and drives it over real HTTP from a worker thread with
 * N keep-alive connections for a fixed time: POST /api/ingestions (a kratom-leaf dose, a fresh
 * client id each time, taken within the past 90 days) and POST /api/assessments (a SOWS check-in).
 * Then the baseline: a bare Fastify route inserting one row (better-sqlite3 in WAL mode, or a pg
 * pool). Prints requests/s, p50 and p99 latency, the Mitra/baseline cost ratio (target: at most
 * 2), and the server's memory at rest and under load (bench/web.bench.ts measures the web app).
 * Figures only: nothing here fails on time.
 */
import type { Engine } from "../src/db/connection.ts";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import {
  createTestDatabase,
  isPostgresReachable,
  postgresTestUrl,
} from "../src/testing/test-databases.ts";
import { ApiClient } from "../src/testing/test-server.ts";
import {
  type BaselineServer,
  baselineBody,
  baselinePath,
  startPostgresBaseline,
  startSqliteBaseline,
} from "./write-path/baseline-servers.ts";
import { type LoadFigures, type LoadJob, runLoad } from "./write-path/http-load.ts";

const TARGET_RATIO = 2;

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const connections = argValue("--connections", 10);
const durationMs = argValue("--seconds", 4) * 1000;
const warmupMs = argValue("--warmup", 1) * 1000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

interface Memory {
  rss: number;
  heapUsed: number;
}

function memoryNow(): Memory {
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
}

function line(name: string, f: LoadFigures): string {
  const errors = f.errors > 0 ? `, ${f.errors} errors (first: ${f.firstError?.slice(0, 200)})` : "";
  return (
    `${name.padEnd(34)} ${f.requestsPerSecond.toFixed(0).padStart(6)} req/s  ` +
    `p50 ${f.p50Ms.toFixed(2).padStart(6)} ms  p99 ${f.p99Ms.toFixed(2).padStart(6)} ms  ` +
    `(${f.requests} requests${errors})`
  );
}

function ratioLine(name: string, mitra: LoadFigures, baseline: LoadFigures): string {
  const cost = baseline.requestsPerSecond / mitra.requestsPerSecond;
  const p50 = mitra.p50Ms / baseline.p50Ms;
  const verdict = cost <= TARGET_RATIO ? "meets" : "MISSES";
  return (
    `${name.padEnd(34)} cost ${cost.toFixed(2)}x baseline (p50 ${p50.toFixed(2)}x): ` +
    `${verdict} the ${TARGET_RATIO}x target`
  );
}

const sowsAnswers = async (client: ApiClient): Promise<Record<string, number>> => {
  const res = await client.get("/api/instruments");
  const sows = res.body.instruments.find((i: { id: string }) => i.id === "sows");
  if (!sows) throw new Error("no SOWS in /api/instruments");
  const answers: Record<string, number> = {};
  for (const item of sows.items) {
    answers[item.id] = item.kind === "numeric" ? item.min : (item.answers[1]?.value ?? 0);
  }
  return answers;
};

async function benchEngine(engine: Engine) {
  const database = await createTestDatabase(engine);
  const app = await buildApp({
    // One address registers every connection's patient.
    config: { ...loadConfig({}), logLevel: "silent", registrationsPerAddress: 100_000 },
    database,
    webRoot: "/nonexistent",
    logger: false,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  const port = address.port;
  const baseUrl = `http://127.0.0.1:${port}`;

  const headers: Record<string, string>[] = [];
  let answers: Record<string, number> = {};
  for (let i = 0; i < connections; i++) {
    const client = new ApiClient(baseUrl);
    await client.register("patient");
    if (i === 0) answers = await sowsAnswers(client);
    headers.push({ cookie: client.cookie ?? "", "x-csrf-token": client.csrfToken ?? "" });
  }
  await new Promise((r) => setTimeout(r, 500));
  const atRest = memoryNow();
  const peak: Memory = { ...atRest };
  const sample = () => {
    const m = memoryNow();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  const job = (path: string, bodyTemplate: string, port: number): LoadJob => ({
    port,
    path,
    connections: headers,
    bodyTemplate,
    takenAtSpreadDays: 90,
    warmupMs,
    durationMs,
  });

  const dose = await runLoad(
    job(
      "/api/ingestions",
      JSON.stringify({
        id: "__ID__",
        substance: "kratom-leaf",
        amount: 2.5,
        unit: "g",
        takenAt: "__TAKEN_AT__",
      }),
      port,
    ),
    sample,
  );
  const checkIn = await runLoad(
    job(
      "/api/assessments",
      JSON.stringify({ id: "__ID__", instrument: "sows", answers, takenAt: "__TAKEN_AT__" }),
      port,
    ),
    sample,
  );
  await app.close();
  await database.destroy();

  let baselineServer: BaselineServer | undefined;
  let baseline: LoadFigures;
  try {
    baselineServer =
      engine === "sqlite"
        ? await startSqliteBaseline()
        : await startPostgresBaseline(postgresTestUrl);
    baseline = await runLoad({
      ...job(baselinePath, baselineBody, baselineServer.port),
      connections: headers.map(() => ({})),
    });
  } finally {
    await baselineServer?.close();
  }

  console.log(
    `\n${engine}: ${connections} connections, ${warmupMs / 1000} s warm-up + ${durationMs / 1000} s measured per phase`,
  );
  console.log(line("baseline (bare Fastify insert)", baseline));
  console.log(line("Mitra POST /api/ingestions", dose));
  console.log(line("Mitra POST /api/assessments (SOWS)", checkIn));
  console.log(ratioLine("ratio dose log / baseline", dose, baseline));
  console.log(ratioLine("ratio check-in / baseline", checkIn, baseline));
  console.log(
    `memory: at rest rss ${mb(atRest.rss)}, heapUsed ${mb(atRest.heapUsed)}; ` +
      `under load (peak) rss ${mb(peak.rss)}, heapUsed ${mb(peak.heapUsed)} ` +
      "(rss includes the load generator's thread)",
  );
}

await benchEngine("sqlite");

if (await isPostgresReachable()) await benchEngine("postgres");
else console.log(`\npostgres: no server at ${postgresTestUrl}, skipped`);
