import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  engines,
  isPostgresReachable,
  type TestDatabase,
} from "../testing/test-databases.ts";
import { preparedQuery } from "./prepared-query.ts";

const reachable = await isPostgresReachable();

const insertEntry = preparedQuery((db, p: { id: string; subject: string; action: string }) =>
  db.insertInto("audit_log").values({
    id: p.id,
    at: "2026-01-01T00:00:00.000Z",
    actor_id: null,
    subject_id: p.subject,
    action: p.action,
    entity: "test",
    entity_id: null,
    address: null,
    details: null,
  }),
);

const entriesOf = preparedQuery((db, p: { subject: string; limit: number }) =>
  db
    .selectFrom("audit_log")
    .select(["action", "entity"])
    .where("subject_id", "=", p.subject)
    .orderBy("action")
    .limit(p.limit),
);

describe.each(engines)("preparedQuery on %s", (engine) => {
  const skip = engine === "postgres" && !reachable;
  let handle: TestDatabase;
  beforeAll(async () => {
    if (!skip) handle = await createTestDatabase(engine);
  });
  afterAll(async () => handle?.destroy());

  it.skipIf(skip)("binds new values on every call, in and out of a transaction", async () => {
    const subject = randomUUID();
    const other = randomUUID();
    const inserted = await insertEntry(handle.db, { id: randomUUID(), subject, action: "b" });
    expect(Number(inserted.numAffectedRows)).toBe(1);
    await handle.db.transaction().execute(async (trx) => {
      await insertEntry(trx, { id: randomUUID(), subject, action: "a" });
      await insertEntry(trx, { id: randomUUID(), subject: other, action: "c" });
    });
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insertEntry(trx, { id: randomUUID(), subject, action: "rolled back" });
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");

    const rows = (await entriesOf(handle.db, { subject, limit: 10 })).rows;
    expect(rows).toEqual([
      { action: "a", entity: "test" },
      { action: "b", entity: "test" },
    ]);
    expect((await entriesOf(handle.db, { subject, limit: 1 })).rows).toHaveLength(1);
    expect((await entriesOf(handle.db, { subject: other, limit: 10 })).rows).toEqual([
      { action: "c", entity: "test" },
    ]);
  });

  it.skipIf(skip)(
    "refuses a placeholder that shapes the query instead of being a value",
    async () => {
      const shaped = preparedQuery((db, p: { column: "action" }) =>
        db.selectFrom("audit_log").select(p.column),
      );
      await expect(shaped(handle.db, { column: "action" })).rejects.toThrow();
    },
  );
});
