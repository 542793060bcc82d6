import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  isPostgresReachable,
  postgresTestUrl,
  type TestDatabase,
} from "../testing/test-databases.ts";
import { openDatabase } from "./connection.ts";

const pgReachable = await isPostgresReachable();

describe("PostgreSQL sessions Mitra opens", () => {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (pgReachable) database = await createTestDatabase("postgres");
  });
  afterAll(async () => database?.destroy());

  it.skipIf(!pgReachable)("carry a name and statement and idle-transaction timeouts", async () => {
    if (!database) throw new Error("no database");
    const { rows } = await sql<{
      name: string;
      statement: string;
      idle: string;
    }>`select current_setting('application_name') as name,
              current_setting('statement_timeout') as statement,
              current_setting('idle_in_transaction_session_timeout') as idle`.execute(database.db);
    expect(rows[0]).toEqual({ name: "mitra", statement: "30s", idle: "30s" });
  });
});

describe("A new PostgreSQL schema opened by several instances at once", () => {
  it.skipIf(!pgReachable)("is created once, and every instance opens it", async () => {
    const schema = `race_${randomBytes(4).toString("hex")}`;
    const target = { engine: "postgres" as const, target: postgresTestUrl, schema };
    const opened = await Promise.allSettled(Array.from({ length: 12 }, () => openDatabase(target)));
    try {
      expect(opened.filter((result) => result.status === "rejected")).toEqual([]);
      const admin = new pg.Client({ connectionString: postgresTestUrl });
      await admin.connect();
      const { rows } = await admin.query(
        "select count(*)::int as n from pg_namespace where nspname = $1",
        [schema],
      );
      await admin.end();
      expect(rows[0]?.n).toBe(1);
    } finally {
      for (const result of opened) if (result.status === "fulfilled") await result.value.close();
      const admin = new pg.Client({ connectionString: postgresTestUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    }
  });
});
