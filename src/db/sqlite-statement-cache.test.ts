import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { describe, expect, it } from "vitest";
import { withStatementCache } from "./sqlite-statement-cache.ts";

describe("withStatementCache", () => {
  it("reuses a prepared statement for the same SQL and evicts the least recently used", () => {
    const sqlite = new SQLite(":memory:");
    let prepared = 0;
    const counting = Object.assign(Object.create(sqlite), {
      prepare: (text: string) => {
        prepared++;
        return sqlite.prepare(text);
      },
    });
    const cached = withStatementCache(counting, 2);
    const a = cached.prepare("select 1");
    expect(cached.prepare("select 1")).toBe(a);
    cached.prepare("select 2");
    cached.prepare("select 1");
    cached.prepare("select 3");
    expect(prepared).toBe(3);
    cached.prepare("select 2");
    expect(prepared).toBe(4);
    cached.prepare("select 3");
    expect(prepared).toBe(4);
    expect(cached.prepare("select 1")).not.toBe(a);
    expect(prepared).toBe(5);
    sqlite.close();
  });

  it("gives Kysely the same answers, also after the schema changed", async () => {
    const db = new Kysely<any>({
      dialect: new SqliteDialect({ database: withStatementCache(new SQLite(":memory:")) }),
    });
    await sql`create table t (a integer)`.execute(db);
    await db.insertInto("t").values({ a: 1 }).execute();
    await db.insertInto("t").values({ a: 2 }).execute();
    expect(await db.selectFrom("t").selectAll().orderBy("a").execute()).toEqual([
      { a: 1 },
      { a: 2 },
    ]);
    await sql`alter table t add column b text`.execute(db);
    await db.insertInto("t").values({ a: 3, b: "x" }).execute();
    expect(await db.selectFrom("t").selectAll().orderBy("a").execute()).toEqual([
      { a: 1, b: null },
      { a: 2, b: null },
      { a: 3, b: "x" },
    ]);
    await db.destroy();
  });
});
