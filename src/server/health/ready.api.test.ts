import { rmSync } from "node:fs";
import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/schema.ts";
import {
  createTestDatabase,
  engines,
  isPostgresReachable,
  postgresTestUrl,
} from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";

const ready = (server: { baseUrl: string }) => new ApiClient(server.baseUrl).get("/api/ready");

describe.each(engines)("GET /api/ready on %s", (engine) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("answers ready when the database answers, takes writes and is migrated", async (t) => {
    if (engine === "postgres" && !(await isPostgresReachable())) return t.skip();
    server = await startTestServer(engine);
    const res = await ready(server);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ready", database: engine, version: expect.any(String) });
  });

  it("answers 503 naming the migrations when one is not applied", async (t) => {
    if (engine === "postgres" && !(await isPostgresReachable())) return t.skip();
    server = await startTestServer(engine);
    await sql`delete from kysely_migration where name = '0006_redundant_indexes'`.execute(
      server.database.db,
    );
    const res = await ready(server);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({
      code: "not_ready",
      details: { check: "migrations", pending: ["0006_redundant_indexes"], unknown: [] },
    });
    // Health is liveness only: the process and the database still answer.
    expect((await new ApiClient(server.baseUrl).get("/api/health")).status).toBe(200);
  });

  it("answers 503 when the database is gone", async (t) => {
    if (engine === "postgres" && !(await isPostgresReachable())) return t.skip();
    server = await startTestServer(engine);
    const where =
      engine === "sqlite"
        ? server.database.url.replace(/^sqlite:/, "")
        : (new URL(server.database.url).searchParams.get("schema") ?? "");
    if (engine === "sqlite") {
      rmSync(where);
    } else {
      const admin = new pg.Client({ connectionString: postgresTestUrl });
      await admin.connect();
      await admin.query(`DROP SCHEMA "${where}" CASCADE`);
      await admin.end();
    }
    const res = await ready(server);
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ code: "not_ready", details: { check: "database" } });
    // The database's own error (paths, schema names, hosts) goes to the log, not to callers.
    expect(JSON.stringify(res.body)).not.toContain(where);
    expect(JSON.stringify(res.body)).not.toMatch(/relation|no such table|ECONN/i);
  });
});

describe("GET /api/ready on a read-only SQLite file", () => {
  it("answers 503 naming the failed write", async () => {
    // A migrated database, then opened read-only: what SQLite does with a file or a mount
    // the process may not write (and root may write any file, so chmod would prove nothing).
    const migrated = await createTestDatabase("sqlite");
    const file = migrated.url.replace(/^sqlite:/, "");
    await migrated.close();
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true }) }),
    });
    const app = await buildApp({
      config: { ...loadConfig({}), logLevel: "silent" },
      database: { db, engine: "sqlite", location: file, close: () => db.destroy() },
      webRoot: "/nonexistent",
      logger: false,
    });
    try {
      const baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });
      const res = await ready({ baseUrl });
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: "not_ready", details: { check: "writable" } });
      expect((await new ApiClient(baseUrl).get("/api/health")).status).toBe(200);
    } finally {
      await app.close();
      await db.destroy();
      await migrated.destroy();
    }
  });
});
