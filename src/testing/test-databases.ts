import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type DatabaseHandle, type Engine, openDatabase } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";

/**
 * The database engines every database test runs against: a real SQLite file and a real
 * PostgreSQL server. PostgreSQL is required in CI (CI=true) or when MITRA_REQUIRE_POSTGRES=1;
 * elsewhere its suite is skipped with a message when no server answers.
 */
export const postgresTestUrl =
  process.env.MITRA_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";

export function postgresRequired(): boolean {
  return process.env.CI === "true" || process.env.MITRA_REQUIRE_POSTGRES === "1";
}

let postgresReachable: Promise<boolean> | undefined;

export function isPostgresReachable(): Promise<boolean> {
  postgresReachable ??= (async () => {
    const client = new pg.Client({
      connectionString: postgresTestUrl,
      connectionTimeoutMillis: 3000,
    });
    try {
      await client.connect();
      await client.query("select 1");
      return true;
    } catch (error) {
      if (postgresRequired()) {
        throw new Error(`PostgreSQL is required but not reachable at ${postgresTestUrl}`, {
          cause: error,
        });
      }
      console.warn(`PostgreSQL not reachable at ${postgresTestUrl}: its tests are skipped here`);
      return false;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return postgresReachable;
}

export const engines: Engine[] = ["sqlite", "postgres"];

export interface TestDatabase extends DatabaseHandle {
  /** The MITRA_DATABASE_URL that opens this same database (for starting a server process). */
  url: string;
  /** Closes the connection and deletes the file or schema. */
  destroy(): Promise<void>;
}

/** A fresh, migrated database of one engine, private to the caller. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "mitra-test-"));
    const file = join(dir, "mitra.sqlite");
    const handle = await openDatabase({ engine, target: file });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      url: `sqlite:${file}`,
      destroy: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const handle = await openDatabase({ engine, target: postgresTestUrl, schema });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: `${postgresTestUrl}?schema=${schema}`,
    destroy: async () => {
      await handle.close();
      const client = new pg.Client({ connectionString: postgresTestUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      // The notification engine's jobs (src/server/notifications/pg-boss-queue.ts).
      await client.query(`DROP SCHEMA IF EXISTS "${schema}_jobs" CASCADE`);
      await client.end();
    },
  };
}
