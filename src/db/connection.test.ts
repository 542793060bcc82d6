import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  isPostgresReachable,
  type TestDatabase,
} from "../testing/test-databases.ts";

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
