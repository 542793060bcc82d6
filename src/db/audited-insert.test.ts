import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  engines,
  isPostgresReachable,
  type TestDatabase,
} from "../testing/test-databases.ts";
import { insertTestUser } from "../testing/test-users.ts";
import { findAssessment, insertAssessment, type NewAssessment } from "./assessments.ts";
import { listAuditForSubject } from "./audit.ts";

const reachable = await isPostgresReachable();

describe.each(engines)("an insert with its audit entry on %s", (engine) => {
  const skip = engine === "postgres" && !reachable;
  let handle: TestDatabase;
  beforeAll(async () => {
    if (!skip) handle = await createTestDatabase(engine);
  });
  afterAll(async () => handle?.destroy());

  const newUser = () => insertTestUser(handle.db);

  const checkIn = (userId: string): NewAssessment => ({
    id: randomUUID(),
    userId,
    instrument: "sows",
    answers: { anxious: 2 },
    total: 2,
    band: null,
    redFlag: false,
    takenAt: new Date("2026-02-01T08:00:00.000Z"),
    recordedBy: userId,
    now: new Date("2026-02-01T08:00:00.000Z"),
  });

  const entry = (userId: string, id: string) => ({
    actorId: userId,
    subjectId: userId,
    action: "create",
    entity: "assessment",
    entityId: id,
    address: "127.0.0.1",
    at: new Date("2026-02-01T08:00:01.000Z"),
    details: { instrument: "sows" },
  });

  it.skipIf(skip)("writes the entry only when the row is stored now", async () => {
    const user = await newUser();
    const other = await newUser();
    const a = checkIn(user);
    const first = await insertAssessment(handle.db, a, entry(user, a.id));
    expect(first.created).toBe(true);
    expect(await findAssessment(handle.db, a.id)).toEqual(first.record);
    const again = await insertAssessment(handle.db, { ...a, total: 9 }, entry(user, a.id));
    expect(again).toEqual({ created: false, record: first.record });
    const taken = await insertAssessment(handle.db, { ...a, userId: other }, entry(other, a.id));
    expect(taken.created).toBe(false);
    expect(taken.record.userId).toBe(user);

    const entries = await listAuditForSubject(handle.db, user);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor_id: user,
      subject_id: user,
      action: "create",
      entity: "assessment",
      entity_id: a.id,
      address: "127.0.0.1",
      at: "2026-02-01T08:00:01.000Z",
    });
    expect(JSON.parse(entries[0]?.details ?? "null")).toEqual({ instrument: "sows" });
    expect(await listAuditForSubject(handle.db, other)).toEqual([]);
  });

  it.skipIf(skip)("joins the caller's transaction and rolls back with it", async () => {
    const user = await newUser();
    const a = checkIn(user);
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await insertAssessment(trx, a, entry(user, a.id));
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(await findAssessment(handle.db, a.id)).toBeUndefined();
    expect(await listAuditForSubject(handle.db, user)).toEqual([]);
  });
});
