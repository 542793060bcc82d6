/**
 * A helper for finding where the write path's time goes, not a bench of its own (no .bench.ts):
 * `node --import tsx bench/write-path/profile-server.ts [sqlite|postgres]
 * [ingestions|assessments|baseline] [seconds] [count]` (add `--cpu-prof` before `--import` for a
 * CPU profile). Starts the real Mitra server as bench/write-path.bench.ts does (or its bare
 * baseline), drives one route with 10 connections, and prints requests/s and the CPU time the
 * server's thread used per request, read from Linux's /proc: steadier than requests/s when other
 * work shares the CPUs. With `count`: also the SQL statements per request (a Kysely plugin, so
 * BEGIN and COMMIT are not counted) and, on SQLite, the time spent in each statement.
 */
import { readFileSync } from "node:fs";
import SQLite from "better-sqlite3";
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import type { Engine } from "../../src/db/connection.ts";
import { buildApp } from "../../src/server/app.ts";
import { loadConfig } from "../../src/server/config.ts";
import { createTestDatabase, postgresTestUrl } from "../../src/testing/test-databases.ts";
import { ApiClient } from "../../src/testing/test-server.ts";
import {
  baselineBody,
  baselinePath,
  startPostgresBaseline,
  startSqliteBaseline,
} from "./baseline-servers.ts";
import { runLoad } from "./http-load.ts";

const engine = (process.argv[2] ?? "sqlite") as Engine;
const route = process.argv[3] ?? "ingestions";
const seconds = Number(process.argv[4] ?? 6);
const count = process.argv[5] === "count";
const connections = 10;

/** CPU seconds this process's main thread (the server; the load runs in a worker) used so far. */
function mainThreadCpuSeconds(): number {
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const counts = new Map<string, number>();
let counting = false;
const counter: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (counting) {
      const node = args.node as RootOperationNode & { from?: unknown; into?: unknown };
      const table = JSON.stringify(node.from ?? node.into ?? "").match(/"name":"(\w+)"/)?.[1];
      const key = `${args.node.kind} ${table ?? ""}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return args.node;
  },
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  },
};

/** SQLite only: time spent in each statement text (wrapping better-sqlite3's Statement). */
const sqlTimes = new Map<string, { n: number; ms: number }>();
if (count && engine === "sqlite") {
  const probe = new SQLite(":memory:");
  const proto = Object.getPrototypeOf(probe.prepare("select 1")) as Record<string, unknown>;
  probe.close();
  for (const method of ["run", "all", "get"]) {
    const original = proto[method] as (...args: unknown[]) => unknown;
    proto[method] = function (this: { source: string }, ...args: unknown[]) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        if (counting) {
          const t = sqlTimes.get(this.source) ?? { n: 0, ms: 0 };
          t.n++;
          t.ms += performance.now() - started;
          sqlTimes.set(this.source, t);
        }
      }
    };
  }
}

async function startMitra() {
  const database = await createTestDatabase(engine);
  const app = await buildApp({
    config: { ...loadConfig({}), logLevel: "silent" },
    database: count ? { ...database, db: database.db.withPlugin(counter) } : database,
    logger: false,
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const headers: Record<string, string>[] = [];
  const answers: Record<string, number> = {};
  for (let i = 0; i < connections; i++) {
    const client = new ApiClient(baseUrl);
    await client.register("patient");
    if (i === 0) {
      const res = await client.get("/api/instruments");
      const sows = res.body.instruments.find((x: { id: string }) => x.id === "sows");
      for (const item of sows.items) {
        answers[item.id] = item.kind === "numeric" ? item.min : (item.answers[1]?.value ?? 0);
      }
    }
    headers.push({ cookie: client.cookie ?? "", "x-csrf-token": client.csrfToken ?? "" });
  }
  const body =
    route === "ingestions"
      ? JSON.stringify({
          id: "__ID__",
          substance: "kratom-leaf",
          amount: 2.5,
          unit: "g",
          takenAt: "__TAKEN_AT__",
        })
      : JSON.stringify({ id: "__ID__", instrument: "sows", answers, takenAt: "__TAKEN_AT__" });
  return {
    port: address.port,
    path: `/api/${route}`,
    headers,
    body,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}

async function startBaseline() {
  const server =
    engine === "sqlite"
      ? await startSqliteBaseline()
      : await startPostgresBaseline(postgresTestUrl);
  return {
    port: server.port,
    path: baselinePath,
    headers: Array.from({ length: connections }, () => ({})),
    body: baselineBody,
    close: () => server.close(),
  };
}

const target = route === "baseline" ? await startBaseline() : await startMitra();
counting = true;
const cpuBefore = mainThreadCpuSeconds();
const figures = await runLoad({
  port: target.port,
  path: target.path,
  connections: target.headers,
  bodyTemplate: target.body,
  takenAtSpreadDays: 90,
  warmupMs: 0,
  durationMs: seconds * 1000,
});
counting = false;
const cpuUs = ((mainThreadCpuSeconds() - cpuBefore) * 1e6) / figures.requests;
console.log(
  `${engine} POST ${target.path}: ${figures.requestsPerSecond.toFixed(0)} req/s, ` +
    `p50 ${figures.p50Ms.toFixed(2)} ms, server thread CPU ${cpuUs.toFixed(0)} us/request, ` +
    `${figures.errors} errors ${figures.firstError ?? ""}`,
);
if (count) {
  const perRequest = (n: number) => (n / figures.requests).toFixed(2);
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${perRequest(n)} x ${key} (a subquery counts again)`);
  }
  for (const [source, t] of [...sqlTimes].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(
      `  ${((t.ms * 1000) / figures.requests).toFixed(0).padStart(5)} us/request ` +
        `${((t.ms * 1000) / t.n).toFixed(0).padStart(5)} us/call  ${source.slice(0, 110)}`,
    );
  }
}
await target.close();
