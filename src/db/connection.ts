import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.ts";
import { withStatementCache } from "./sqlite-statement-cache.ts";

export type Engine = "sqlite" | "postgres";

/** A connection pool's counts, for metrics (PostgreSQL; SQLite has one connection). */
export interface PoolStatistics {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
}

export interface DatabaseHandle {
  db: Kysely<Database>;
  engine: Engine;
  pool?: PoolStatistics;
  /** Where the data lives: the SQLite file path, or the PostgreSQL URL without its password. */
  location: string;
  close(): Promise<void>;
}

export interface DatabaseTarget {
  engine: Engine;
  /** SQLite: absolute file path. PostgreSQL: connection string. */
  target: string;
  /** PostgreSQL schema to use (search_path); created when missing. */
  schema?: string;
}

/**
 * Reads MITRA_DATABASE_URL: `sqlite:path/to/file.sqlite` (or `file:`), a bare path, or
 * `postgres://user@host:port/db` (optionally `?schema=name`).
 */
export function parseDatabaseUrl(url: string, cwd = process.cwd()): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") ?? undefined;
    parsed.searchParams.delete("schema");
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
      throw new Error(`schema "${schema}" must be lower-case letters, digits and underscores`);
    }
    return { engine: "postgres", target: parsed.toString(), ...(schema ? { schema } : {}) };
  }
  const path = url.replace(/^(sqlite|file):(\/\/)?/, "");
  if (path.length === 0) throw new Error("the SQLite database path is empty");
  return { engine: "sqlite", target: resolve(cwd, path) };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url;
  }
}

// PostgreSQL returns 64-bit integers (count(*)) as strings; Mitra's counts fit in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** Limits on PostgreSQL, so that a database that stops answering cannot hold requests forever. */
export const postgresTimeouts = {
  /** Opening a connection (TCP and start-up); a server that accepts and never answers fails here. */
  connectionMs: 5_000,
  /** One statement, enforced by the server. */
  statementMs: 30_000,
  /** A transaction left open and idle: the server ends its session and frees its locks. */
  idleInTransactionMs: 30_000,
};

export interface OpenOptions {
  /**
   * Told when a PostgreSQL connection fails outside a query (ended by the server, a failover, an
   * idle-connection reaper). The connection is dropped and the pool opens a new one when needed.
   */
  onConnectionError?: (error: Error) => void;
}

const logConnectionError = (error: Error) =>
  console.error(`PostgreSQL connection lost (${error.message}); continuing with new connections.`);

export async function openDatabase(
  target: DatabaseTarget,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  if (target.engine === "sqlite") {
    mkdirSync(dirname(target.target), { recursive: true });
    const sqlite = new SQLite(target.target);
    sqlite.pragma("journal_mode = WAL");
    // Explicit, so a new database behaves like a reopened one (better-sqlite3 builds SQLite with
    // SQLITE_DEFAULT_WAL_SYNCHRONOUS=1: a file already in WAL mode opens with NORMAL, a new one
    // kept FULL until the next start). In WAL mode NORMAL syncs at checkpoints rather than at
    // every commit: a commit survives the process being killed (e2e/crash-safety.test.ts), but the
    // last commits before a power loss or OS crash may be rolled back.
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma("busy_timeout = 5000");
    // Deleted rows are overwritten with zeros, not only unlinked: a deleted account's data cannot
    // be read back from the file (the WAL is checkpointed after a deletion: account-deletion.ts).
    sqlite.pragma("secure_delete = ON");
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    });
    return {
      db,
      engine: "sqlite",
      location: target.target,
      close: () => db.destroy(),
    };
  }
  if (target.schema) {
    const admin = new pg.Client({ connectionString: target.target });
    await admin.connect();
    try {
      // Two instances starting together on a new schema would both try to create it, and
      // PostgreSQL's IF NOT EXISTS is not safe against that (a unique-constraint error on
      // pg_namespace): a transaction-level advisory lock on the schema's name lets one at a time.
      await admin.query("BEGIN");
      await admin.query("SELECT pg_advisory_xact_lock(hashtext($1))", [
        `mitra.schema.${target.schema}`,
      ]);
      await admin.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
      await admin.query("COMMIT");
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: target.target,
    max: 10,
    // Names Mitra's sessions in pg_stat_activity; `?application_name=` in the URL wins.
    application_name: "mitra",
    connectionTimeoutMillis: postgresTimeouts.connectionMs,
    statement_timeout: postgresTimeouts.statementMs,
    idle_in_transaction_session_timeout: postgresTimeouts.idleInTransactionMs,
    keepAlive: true,
    ...(target.schema ? { options: `-c search_path="${target.schema}"` } : {}),
  });
  // Without listeners, a connection that ends (idle in the pool, or checked out by a request)
  // raises an unhandled 'error' event, which stops the process. The query in flight fails on its
  // own (the route answers 503); the pool discards the broken client.
  const onConnectionError = options.onConnectionError ?? logConnectionError;
  pool.on("connect", (client) => client.on("error", onConnectionError));
  pool.on("error", () => {
    // Already told by the client's own listener above.
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: "postgres",
    pool,
    location: redactUrl(target.target) + (target.schema ? ` (schema ${target.schema})` : ""),
    close: () => db.destroy(),
  };
}
