import { existsSync } from "node:fs";
import { type Kysely, sql } from "kysely";
import type { Engine } from "../../db/connection.ts";
import { migrations } from "../../db/migrations/index.ts";
import type { Database } from "../../db/schema.ts";

/** Why an instance should not take traffic, or null when it may. */
export interface NotReady {
  check: "database" | "writable" | "migrations";
  message: string;
  /** Safe to show anyone: names of migrations, never the database's own error text. */
  details: Record<string, unknown>;
  /** The database's error, for the log. */
  cause?: unknown;
}

/**
 * What a load balancer asks before sending traffic: the database answers, takes a write, and has
 * exactly the migrations this version of Mitra knows (none pending, none newer).
 */
export async function readiness(db: Kysely<Database>, engine: Engine): Promise<NotReady | null> {
  let applied: string[];
  try {
    if (engine === "sqlite") {
      // A deleted or replaced SQLite file still answers through the open handle, but whatever
      // is written there is lost: not ready.
      const main = await sql<{ file: string }>`
        select file from pragma_database_list where name = 'main'`.execute(db);
      const file = main.rows[0]?.file;
      if (file && !existsSync(file)) {
        return { check: "database", message: "The SQLite file is gone", details: {} };
      }
    }
    const rows = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    applied = rows.rows.map((r) => r.name);
  } catch (error) {
    return {
      check: "database",
      message: "The database does not answer",
      details: {},
      cause: error,
    };
  }
  try {
    // Writes nothing, but needs write access: fails on a read-only file, a read-only
    // transaction or a standby.
    await sql`update kysely_migration set name = name where 1 = 0`.execute(db);
  } catch (error) {
    return {
      check: "writable",
      message: "The database does not take writes",
      details: {},
      cause: error,
    };
  }
  const known = Object.keys(migrations);
  const pending = known.filter((name) => !applied.includes(name));
  const unknown = applied.filter((name) => !known.includes(name));
  if (pending.length > 0 || unknown.length > 0) {
    return {
      check: "migrations",
      message:
        pending.length > 0
          ? "The database schema is behind this version (run mitra migrate)"
          : "The database schema is newer than this version of Mitra",
      details: { pending, unknown },
    };
  }
  return null;
}
