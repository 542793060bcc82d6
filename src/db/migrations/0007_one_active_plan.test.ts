import { Migrator, PostgresAdapter, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  engines,
  isPostgresReachable,
  type TestDatabase,
} from "../../testing/test-databases.ts";
import { migrateToLatest } from "../migrate.ts";
import { migrations } from "./index.ts";

const reachable = await isPostgresReachable();

describe.each(engines)("migration 0007 (one active plan) on %s", (engine) => {
  const skip = engine === "postgres" && !reachable;
  let handle: TestDatabase;
  beforeAll(async () => {
    if (skip) return;
    handle = await createTestDatabase(engine);
  });
  afterAll(async () => handle?.destroy());

  it.skipIf(skip)("ends the older of two active plans for one substance", async () => {
    const db = handle.db;
    const schema =
      db.getExecutor().adapter instanceof PostgresAdapter
        ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
        : undefined;
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      ...(schema ? { migrationTableSchema: schema } : {}),
    });
    expect((await migrator.migrateTo("0006_redundant_indexes")).error).toBeUndefined();

    const at = (day: number) => `2026-01-0${day}T00:00:00.000Z`;
    await sql`insert into users (id, email, password_hash, role, time_zone, created_at, updated_at)
              values ('u1', 'a@example.org', 'x', 'patient', 'UTC', ${at(1)}, ${at(1)})`.execute(
      db,
    );
    const plans: [string, number, string][] = [
      ["old", 1, "kratom-leaf"],
      ["new", 2, "kratom-leaf"],
      ["mg", 1, "magnesium-citrate"],
    ];
    for (const [id, day, substanceId] of plans) {
      await sql`insert into plans (id, user_id, created_by, status, created_at)
                values (${id}, 'u1', 'u1', 'active', ${at(day)})`.execute(db);
      await sql`insert into plan_versions
                  (id, plan_id, version, definition, changed_fields, created_by, created_at)
                values (${`${id}-v1`}, ${id}, 1, ${JSON.stringify({ substanceId })}, '[]', 'u1',
                        ${at(day)})`.execute(db);
    }

    expect(await migrateToLatest(db)).toContain("0007_one_active_plan");
    const rows = await db
      .selectFrom("plans")
      .select(["id", "status", "end_reason", "replaced_by", "substance_id"])
      .orderBy("id")
      .execute();
    expect(rows).toEqual([
      {
        id: "mg",
        status: "active",
        end_reason: null,
        replaced_by: null,
        substance_id: "magnesium-citrate",
      },
      {
        id: "new",
        status: "active",
        end_reason: null,
        replaced_by: null,
        substance_id: "kratom-leaf",
      },
      {
        id: "old",
        status: "ended",
        end_reason: "replaced",
        replaced_by: "new",
        substance_id: "kratom-leaf",
      },
    ]);
    // The schema itself now refuses a second active plan for the substance.
    await expect(
      sql`insert into plans (id, user_id, created_by, status, created_at, substance_id)
          values ('third', 'u1', 'u1', 'active', ${at(3)}, 'kratom-leaf')`.execute(db),
    ).rejects.toThrow();
  });
});
