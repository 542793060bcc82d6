import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  engines,
  isPostgresReachable,
  type TestDatabase,
} from "../testing/test-databases.ts";
import { insertTestUser } from "../testing/test-users.ts";
import {
  findAssessment,
  insertAssessment,
  latestAssessment,
  latestAssessments,
  latestRedFlags,
  listAssessments,
  type NewAssessment,
  totalsHistory,
} from "./assessments.ts";

const reachable = await isPostgresReachable();

describe.each(engines)("assessments repository on %s", (engine) => {
  const skip = engine === "postgres" && !reachable;
  let handle: TestDatabase;

  const newUser = (role: "patient" | "clinician" = "patient") =>
    insertTestUser(handle.db, { role });

  function sows(
    userId: string,
    takenAt: string,
    total: number,
    extra: Partial<NewAssessment> = {},
  ) {
    return {
      id: randomUUID(),
      userId,
      instrument: "sows",
      answers: { anxious: total },
      total,
      band: null,
      redFlag: false,
      takenAt: new Date(takenAt),
      recordedBy: userId,
      now: new Date(takenAt),
      ...extra,
    } satisfies NewAssessment;
  }

  beforeAll(async () => {
    if (skip) return;
    handle = await createTestDatabase(engine);
  });
  afterAll(async () => handle?.destroy());

  it.skipIf(skip)("stores answers as JSON and reads them back typed", async () => {
    const user = await newUser();
    const a = sows(user, "2026-02-01T08:00:00.000Z", 3, {
      answers: { anxious: 3, yawning: 0 },
      band: "mild",
    });
    const { created, record } = await insertAssessment(handle.db, a);
    expect(created).toBe(true);
    expect(record).toEqual({
      id: a.id,
      userId: user,
      instrument: "sows",
      answers: { anxious: 3, yawning: 0 },
      total: 3,
      band: "mild",
      redFlag: false,
      takenAt: "2026-02-01T08:00:00.000Z",
      createdAt: "2026-02-01T08:00:00.000Z",
      recordedBy: user,
    });
    // The record a fresh insert returns is built without reading back: it must equal the row.
    expect(await findAssessment(handle.db, a.id)).toEqual(record);
  });

  it.skipIf(skip)("keeps the first record when the same id comes again", async () => {
    const user = await newUser();
    const first = sows(user, "2026-02-01T08:00:00.000Z", 10);
    await insertAssessment(handle.db, first);
    const again = await insertAssessment(handle.db, { ...first, total: 40 });
    expect(again.created).toBe(false);
    expect(again.record.total).toBe(10);
    expect(await listAssessments(handle.db, user)).toHaveLength(1);
  });

  it.skipIf(skip)("lists newest first, filtered by instrument and time range", async () => {
    const user = await newUser();
    const other = await newUser();
    await insertAssessment(handle.db, sows(user, "2026-03-01T08:00:00.000Z", 20));
    await insertAssessment(handle.db, sows(user, "2026-03-03T08:00:00.000Z", 12));
    await insertAssessment(handle.db, sows(user, "2026-03-02T08:00:00.000Z", 15));
    await insertAssessment(handle.db, {
      ...sows(user, "2026-03-02T09:00:00.000Z", 0),
      instrument: "quick-check",
      total: null,
    });
    await insertAssessment(handle.db, sows(other, "2026-03-02T08:00:00.000Z", 50));

    const all = await listAssessments(handle.db, user);
    expect(all.map((a) => a.takenAt)).toEqual([
      "2026-03-03T08:00:00.000Z",
      "2026-03-02T09:00:00.000Z",
      "2026-03-02T08:00:00.000Z",
      "2026-03-01T08:00:00.000Z",
    ]);
    const sowsOnly = await listAssessments(handle.db, user, { instrument: "sows" });
    expect(sowsOnly.map((a) => a.total)).toEqual([12, 15, 20]);
    const ranged = await listAssessments(handle.db, user, {
      from: new Date("2026-03-02T08:00:00.000Z"),
      to: new Date("2026-03-02T23:59:59.000Z"),
    });
    expect(ranged.map((a) => a.instrument)).toEqual(["quick-check", "sows"]);
    expect(await listAssessments(handle.db, user, { limit: 2 })).toHaveLength(2);
    const latest = await latestAssessment(handle.db, user, { instrument: "sows" });
    expect(latest?.total).toBe(12);
    expect(await totalsHistory(handle.db, user, "sows")).toEqual([
      { takenAt: "2026-03-01T08:00:00.000Z", total: 20 },
      { takenAt: "2026-03-02T08:00:00.000Z", total: 15 },
      { takenAt: "2026-03-03T08:00:00.000Z", total: 12 },
    ]);
  });

  it.skipIf(skip)("finds the latest of each instrument in a range in one query", async () => {
    const user = await newUser();
    const other = await newUser();
    const flags = (takenAt: string, answer: number) => ({
      ...sows(user, takenAt, 0),
      instrument: "red-flags",
      answers: { seizure: answer },
      total: null,
    });
    await insertAssessment(handle.db, sows(user, "2026-05-01T08:00:00.000Z", 20));
    await insertAssessment(handle.db, sows(user, "2026-05-03T08:00:00.000Z", 12));
    await insertAssessment(handle.db, sows(user, "2026-05-09T08:00:00.000Z", 30));
    await insertAssessment(handle.db, flags("2026-05-02T08:00:00.000Z", 1));
    await insertAssessment(handle.db, flags("2026-05-02T09:00:00.000Z", 0));
    // Same time: the one stored later wins, as in `latestAssessment`.
    await insertAssessment(handle.db, {
      ...sows(user, "2026-05-03T08:00:00.000Z", 14),
      now: new Date("2026-05-03T08:00:01.000Z"),
    });
    await insertAssessment(handle.db, {
      ...sows(user, "2026-05-02T08:00:00.000Z", 0),
      instrument: "quick-check",
      total: null,
    });
    await insertAssessment(handle.db, sows(other, "2026-05-04T08:00:00.000Z", 50));

    const range = {
      from: new Date("2026-05-01T00:00:00.000Z"),
      to: new Date("2026-05-05T00:00:00.000Z"),
    };
    const latest = await latestAssessments(handle.db, user, ["sows", "red-flags", "cows"], range);
    expect(latest.map((a) => [a.instrument, a.takenAt, a.total, a.answers])).toEqual([
      ["red-flags", "2026-05-02T09:00:00.000Z", null, { seizure: 0 }],
      ["sows", "2026-05-03T08:00:00.000Z", 14, { anxious: 14 }],
    ]);
    for (const instrument of ["sows", "red-flags"]) {
      const one = await latestAssessment(handle.db, user, { instrument, ...range });
      expect(latest.find((a) => a.instrument === instrument)).toEqual(one);
    }
    expect(await latestAssessments(handle.db, user, [], range)).toEqual([]);
  });

  it.skipIf(skip)("finds red flags of the given people since a time", async () => {
    const a = await newUser();
    const b = await newUser();
    const c = await newUser();
    const flag = (user: string, at: string) => ({
      ...sows(user, at, 0),
      instrument: "red-flags",
      total: null,
      redFlag: true,
    });
    await insertAssessment(handle.db, flag(a, "2026-04-01T08:00:00.000Z"));
    await insertAssessment(handle.db, flag(a, "2026-04-03T08:00:00.000Z"));
    await insertAssessment(handle.db, flag(b, "2026-04-02T08:00:00.000Z"));
    await insertAssessment(handle.db, flag(c, "2026-04-02T08:00:00.000Z"));
    await insertAssessment(handle.db, sows(b, "2026-04-04T08:00:00.000Z", 30));

    const flags = await latestRedFlags(handle.db, [a, b], new Date("2026-04-02T00:00:00.000Z"));
    expect(flags.map((f) => [f.userId, f.takenAt])).toEqual([
      [a, "2026-04-03T08:00:00.000Z"],
      [b, "2026-04-02T08:00:00.000Z"],
    ]);
    expect(await latestRedFlags(handle.db, [], new Date(0))).toEqual([]);
  });

  it.skipIf(skip)(
    "deletes a person's assessments with the account, and keeps a patient's when the recording clinician leaves",
    async () => {
      const patient = await newUser();
      const clinician = await newUser("clinician");
      const byClinician = {
        ...sows(patient, "2026-05-01T08:00:00.000Z", 9),
        instrument: "cows",
        recordedBy: clinician,
      };
      await insertAssessment(handle.db, byClinician);
      await handle.db.deleteFrom("users").where("id", "=", clinician).execute();
      expect((await findAssessment(handle.db, byClinician.id))?.recordedBy).toBeNull();
      await handle.db.deleteFrom("users").where("id", "=", patient).execute();
      expect(await findAssessment(handle.db, byClinician.id)).toBeUndefined();
    },
  );

  it.skipIf(skip)("refuses a red_flag other than 0 or 1", async () => {
    const user = await newUser();
    const row = sows(user, "2026-06-01T08:00:00.000Z", 1);
    await expect(
      handle.db
        .insertInto("assessments")
        .values({
          id: row.id,
          user_id: user,
          instrument: "sows",
          answers: "{}",
          total: 1,
          band: null,
          red_flag: 2,
          taken_at: row.takenAt.toISOString(),
          created_at: row.now.toISOString(),
          recorded_by: user,
        })
        .execute(),
    ).rejects.toThrow();
  });
});
