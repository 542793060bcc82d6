import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  engines,
  isPostgresReachable,
  type TestDatabase,
} from "../testing/test-databases.ts";
import { migrateToLatest } from "./migrate.ts";
import { migrations } from "./migrations/index.ts";

const reachable = await isPostgresReachable();

async function columnsOf(handle: TestDatabase): Promise<string[]> {
  const tables = await handle.db.introspection.getTables();
  // On PostgreSQL the server holds other schemas too (other test runs): look only at ours.
  const own = new URL(handle.url, "sqlite://local").searchParams.get("schema");
  return tables
    .filter((t) => !own || t.schema === own)
    .filter((t) => !t.name.startsWith("kysely_"))
    .flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`))
    .sort();
}

const schemas: Record<string, string[]> = {};

describe.each(engines)("migrations on %s", (engine) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    if (engine === "postgres" && !reachable) return;
    handle = await createTestDatabase(engine);
  });
  afterAll(async () => handle?.destroy());

  it.skipIf(engine === "postgres" && !reachable)(
    "runs every migration and records it",
    async (ctx) => {
      const applied = await handle.db
        .selectFrom("kysely_migration" as never)
        .select(sql<string>`name`.as("name"))
        .execute();
      expect(applied.map((r) => r.name)).toEqual(Object.keys(migrations));
      schemas[engine] = await columnsOf(handle);
      expect(schemas[engine]).toContain("users.email");
      ctx.annotate?.(`${schemas[engine].length} columns`);
    },
  );

  it.skipIf(engine === "postgres" && !reachable)(
    "is idempotent: a second run applies nothing",
    async () => {
      expect(await migrateToLatest(handle.db)).toEqual([]);
    },
  );

  it.skipIf(engine === "postgres" && !reachable)(
    "enforces the role check and unique email",
    async () => {
      const row = {
        id: "u1",
        email: "a@example.org",
        password_hash: "x",
        role: "patient" as const,
        display_name: null,
        time_zone: "UTC",
        jurisdiction: null,
        created_at: "2026-01-01T00:00:00.000Z",
        updated_at: "2026-01-01T00:00:00.000Z",
      };
      await handle.db.insertInto("users").values(row).execute();
      await expect(
        handle.db
          .insertInto("users")
          .values({ ...row, id: "u2" })
          .execute(),
      ).rejects.toThrow();
      await expect(
        handle.db
          .insertInto("users")
          .values({ ...row, id: "u3", email: "b@example.org", role: "root" as never })
          .execute(),
      ).rejects.toThrow();
    },
  );
});

describe.skipIf(!reachable)("both engines", () => {
  it("end with the same tables and columns", () => {
    expect(schemas.sqlite).toBeDefined();
    expect(schemas.postgres).toEqual(schemas.sqlite);
  });
});
