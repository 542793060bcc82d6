import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import Fastify from "fastify";
import pg from "pg";

/**
 * The baselines Mitra's write path is compared with: a bare Fastify server with one route that
 * inserts one row, on the same engine and with the same connection settings Mitra uses
 * (src/db/connection.ts: SQLite in WAL mode with synchronous = NORMAL; a PostgreSQL pool of 10).
 */
export interface BaselineServer {
  port: number;
  close(): Promise<void>;
}

export const baselinePath = "/rows";
export const baselineBody = '{"id":"__ID__","takenAt":"__TAKEN_AT__","amount":2.5,"unit":"g"}';

interface Row {
  id: string;
  takenAt: string;
  amount: number;
  unit: string;
}

async function listen(
  insert: (row: Row) => unknown,
  close: () => Promise<void>,
): Promise<BaselineServer> {
  const app = Fastify({ logger: false });
  app.post<{ Body: Row }>(baselinePath, async (request, reply) => {
    await insert(request.body);
    reply.status(201);
    return { id: request.body.id };
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    port: address.port,
    close: async () => {
      await app.close();
      await close();
    },
  };
}

export async function startSqliteBaseline(): Promise<BaselineServer> {
  const dir = mkdtempSync(join(tmpdir(), "mitra-baseline-"));
  const sqlite = new SQLite(join(dir, "baseline.sqlite"));
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  sqlite.exec(
    "create table rows (id text primary key, taken_at text not null, amount double precision not null, unit text not null)",
  );
  const insert = sqlite.prepare(
    "insert into rows (id, taken_at, amount, unit) values (?, ?, ?, ?)",
  );
  return listen(
    (row) => insert.run(row.id, row.takenAt, row.amount, row.unit),
    async () => {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  );
}

export async function startPostgresBaseline(url: string): Promise<BaselineServer> {
  const schema = `baseline_${randomBytes(4).toString("hex")}`;
  const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
  await pool.query(`create schema ${schema}`);
  await pool.query(
    "create table rows (id text primary key, taken_at text not null, amount double precision not null, unit text not null)",
  );
  return listen(
    (row) =>
      pool.query("insert into rows (id, taken_at, amount, unit) values ($1, $2, $3, $4)", [
        row.id,
        row.takenAt,
        row.amount,
        row.unit,
      ]),
    async () => {
      await pool.query(`drop schema ${schema} cascade`);
      await pool.end();
    },
  );
}
