import { randomUUID } from "node:crypto";
import { type CompiledQuery, type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertKratomDose } from "../testing/db-rows.ts";
import {
  createTestDatabase,
  engines,
  isPostgresReachable,
  type TestDatabase,
} from "../testing/test-databases.ts";
import { encodeScopes } from "./care-team.ts";
import type { Database } from "./schema.ts";
import {
  assessmentPoints,
  assessmentPointsQuery,
  flaggedDoses,
  flaggedDosesQuery,
  linkedPatients,
  openCheckIns,
  openCheckInsQuery,
} from "./triage-signals.ts";

const pgReachable = await isPostgresReachable();
const NOW = new Date("2026-06-01T12:00:00.000Z");
const H = 3_600_000;

async function user(db: Kysely<Database>, role: "patient" | "clinician") {
  const id = randomUUID();
  const at = NOW.toISOString();
  await db
    .insertInto("users")
    .values({
      id,
      email: `${id}@example.org`,
      password_hash: "x",
      role,
      display_name: null,
      time_zone: "UTC",
      jurisdiction: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

async function link(db: Kysely<Database>, patient: string, clinician: string, scopes: string[]) {
  await db
    .insertInto("care_links")
    .values({
      id: randomUUID(),
      patient_id: patient,
      clinician_id: clinician,
      scopes: encodeScopes(scopes as never),
      may_set_plans: 0,
      invitation_id: null,
      created_at: NOW.toISOString(),
      revoked_at: null,
    })
    .execute();
}

async function dose(db: Kysely<Database>, userId: string, hoursAgo: number, warnings: string) {
  await insertKratomDose(
    db,
    userId,
    new Date(NOW.getTime() - hoursAgo * H).toISOString(),
    warnings,
  );
}

async function assessment(
  db: Kysely<Database>,
  userId: string,
  hoursAgo: number,
  total: number | null,
): Promise<string> {
  const at = new Date(NOW.getTime() - hoursAgo * H).toISOString();
  const id = randomUUID();
  await db
    .insertInto("assessments")
    .values({
      id,
      user_id: userId,
      instrument: total === null ? "red-flags" : "sows-gossop",
      answers: "{}",
      total,
      band: null,
      red_flag: total === null ? 1 : 0,
      taken_at: at,
      created_at: at,
      recorded_by: userId,
    })
    .execute();
  return id;
}

/** The plan the engine would use for a query, as text. */
async function plan(db: TestDatabase, query: CompiledQuery): Promise<string> {
  if (db.engine === "sqlite") {
    const compiled = { ...query, sql: `explain query plan ${query.sql}` } as CompiledQuery;
    const result = await db.db.executeQuery<{ detail: string }>(compiled);
    return result.rows.map((r) => r.detail).join(" | ");
  }
  // The tables are tiny here: forbid sequential scans so the planner shows the index it can use.
  return db.db.connection().execute(async (conn) => {
    await sql`set enable_seqscan = off`.execute(conn);
    const compiled = { ...query, sql: `explain ${query.sql}` } as CompiledQuery;
    const result = await conn.executeQuery<{ "QUERY PLAN": string }>(compiled);
    await sql`reset enable_seqscan`.execute(conn);
    return result.rows.map((r) => r["QUERY PLAN"]).join(" | ");
  });
}

describe.each(engines)("triage signals on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let db: TestDatabase;
  let clinician: string;
  let shared: string;
  let narrow: string;
  let stranger: string;
  let redFlagId: string;
  let seenRedFlagId: string;
  const flagged = JSON.stringify([{ code: "plan.over-target", severity: "unsafe" }]);

  beforeAll(async () => {
    if (skip) return;
    db = await createTestDatabase(engine);
    clinician = await user(db.db, "clinician");
    shared = await user(db.db, "patient");
    narrow = await user(db.db, "patient");
    stranger = await user(db.db, "patient");
    await link(db.db, shared, clinician, ["doses", "assessments"]);
    await link(db.db, narrow, clinician, ["notes"]);
    for (const p of [shared, narrow, stranger]) {
      await dose(db.db, p, 2, flagged);
      await dose(db.db, p, 3, "[]");
      await dose(db.db, p, 100, flagged);
      await assessment(db.db, p, 5, 12);
      const id = await assessment(db.db, p, 6, null);
      if (p === shared) redFlagId = id;
      await assessment(db.db, p, 20 * 24, 3);
    }
    // A red flag this clinician marked as seen, and one another clinician marked as seen.
    seenRedFlagId = await assessment(db.db, shared, 7, null);
    const other = await user(db.db, "clinician");
    await db.db
      .insertInto("check_in_acknowledgements")
      .values([
        {
          assessment_id: seenRedFlagId,
          clinician_id: clinician,
          acknowledged_at: NOW.toISOString(),
        },
        { assessment_id: redFlagId, clinician_id: other, acknowledged_at: NOW.toISOString() },
      ])
      .execute();
  });
  afterAll(async () => db?.destroy());

  it.skipIf(skip)("reads only consenting patients, by the scope each signal needs", async () => {
    const links = await linkedPatients(db.db, clinician);
    const byId = new Map(links.map((l) => [l.patientId, l]));
    expect([...byId.keys()].sort()).toEqual([shared, narrow].sort());
    expect(byId.get(shared)?.lastDoseAt).toBe(new Date(NOW.getTime() - 2 * H).toISOString());
    expect(byId.get(narrow)?.lastDoseAt).toBeNull();
    expect(byId.get(narrow)?.lastCheckInAt).toBeNull();

    const points = await assessmentPoints(
      db.db,
      clinician,
      new Date(NOW.getTime() - 14 * 24 * H),
      NOW,
    );
    expect([...points.keys()]).toEqual([shared]);
    expect(points.get(shared)?.sort((a, b) => a.takenAt.localeCompare(b.takenAt))).toEqual([
      {
        takenAt: new Date(NOW.getTime() - 7 * H).toISOString(),
        instrument: "red-flags",
        total: null,
        redFlag: true,
      },
      {
        takenAt: new Date(NOW.getTime() - 6 * H).toISOString(),
        instrument: "red-flags",
        total: null,
        redFlag: true,
      },
      {
        takenAt: new Date(NOW.getTime() - 5 * H).toISOString(),
        instrument: "sows-gossop",
        total: 12,
        redFlag: false,
      },
    ]);

    // Answers of the instruments asked for and of red-flagged check-ins, only of patients
    // sharing assessments, less those this clinician marked as seen (another's "seen" is theirs).
    const open = await openCheckIns(
      db.db,
      clinician,
      ["side-effects"],
      new Date(NOW.getTime() - 7 * 24 * H),
      NOW,
    );
    expect([...open.keys()]).toEqual([shared]);
    expect(open.get(shared)).toEqual([
      {
        id: redFlagId,
        takenAt: new Date(NOW.getTime() - 6 * H).toISOString(),
        instrument: "red-flags",
        redFlag: true,
        answers: {},
      },
    ]);
    expect(
      (await openCheckIns(db.db, clinician, [], new Date(0), NOW)).get(shared)?.map((c) => c.id),
    ).toEqual([redFlagId]);

    const doses = await flaggedDoses(db.db, clinician, new Date(NOW.getTime() - 72 * H), NOW);
    expect(doses.map((d) => d.userId)).toEqual([shared]);
    expect(doses[0]?.warnings).toBe(flagged);
  });

  it.skipIf(skip)("reads the dashboard's indexes, not the tables' rows", async () => {
    const since = new Date(NOW.getTime() - 72 * H);
    expect(await plan(db, flaggedDosesQuery(db.db, clinician, since, NOW).compile())).toContain(
      "ingestions_flagged_idx",
    );
    expect(await plan(db, assessmentPointsQuery(db.db, clinician, since, NOW).compile())).toContain(
      "assessments_triage_idx",
    );
    expect(
      await plan(db, openCheckInsQuery(db.db, clinician, ["side-effects"], since, NOW).compile()),
    ).toContain("assessments_triage_idx");
  });
});
