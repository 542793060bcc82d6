import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  engines,
  isPostgresReachable,
  type TestDatabase,
} from "../testing/test-databases.ts";
import { insertTestUser } from "../testing/test-users.ts";
import { type AuditEntry, listAuditForSubject, withAuditEntry } from "./audit.ts";
import { findUserById } from "./users.ts";

const reachable = await isPostgresReachable();

describe.each(engines)("a change with its audit entry on %s", (engine) => {
  const skip = engine === "postgres" && !reachable;
  let handle: TestDatabase;
  beforeAll(async () => {
    if (!skip) handle = await createTestDatabase(engine);
  });
  afterAll(async () => handle?.destroy());

  const at = new Date("2026-01-01T00:00:00Z");
  const entry = (subjectId: string): AuditEntry => ({
    actorId: subjectId,
    subjectId,
    action: "create",
    entity: "user",
    entityId: subjectId,
    at,
  });
  const addUser = (db: TestDatabase["db"], id: string) => insertTestUser(db, { id });

  it.skipIf(skip)("stores the change and its entry together", async () => {
    const id = randomUUID();
    await withAuditEntry(
      handle.db,
      (trx) => addUser(trx, id),
      () => entry(id),
    );
    expect(await findUserById(handle.db, id)).toBeDefined();
    expect(await listAuditForSubject(handle.db, id)).toHaveLength(1);
  });

  it.skipIf(skip)("writes no entry when the change says nothing changed", async () => {
    const id = randomUUID();
    const result = await withAuditEntry(
      handle.db,
      async () => false,
      (changed) => (changed ? entry(id) : null),
    );
    expect(result).toBe(false);
    expect(await listAuditForSubject(handle.db, id)).toHaveLength(0);
  });

  it.skipIf(skip)("keeps neither when the entry cannot be written", async () => {
    const id = randomUUID();
    // An entry without an entity breaks the log's NOT NULL rule: the user must not stay behind.
    const broken = { ...entry(id), entity: null } as unknown as AuditEntry;
    await expect(
      withAuditEntry(
        handle.db,
        (trx) => addUser(trx, id),
        () => broken,
      ),
    ).rejects.toThrow();
    expect(await findUserById(handle.db, id)).toBeUndefined();
    expect(await listAuditForSubject(handle.db, id)).toHaveLength(0);
  });
});
