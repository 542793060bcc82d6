import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.ts";
import { insertKratomDose } from "./db-rows.ts";

/**
 * A made-up practice for the patient table's browser test: `patients` consenting patients of one
 * clinician, written straight into the database (registering each through the API would take
 * minutes). Patient i is "<first> <last>" from two short lists, linked 10 days before `now` with
 * every scope. Every third has no check-in since the link (quiet); the others a SOWS-Gossop
 * check-in on each of the last 3 days (the newest i % 20 + 1 hours ago) and a kratom dose with
 * it; every 25th a red-flag screen with fainting 2 hours ago. Names are unique up to 120.
 */
const FIRST = [
  "Ada",
  "Bo",
  "Cleo",
  "Dev",
  "Eli",
  "Fern",
  "Gus",
  "Hana",
  "Ivo",
  "Juno",
  "Kai",
  "Lux",
];
const LAST = [
  "Moss",
  "Reyes",
  "Okafor",
  "Lind",
  "Tanaka",
  "Vidal",
  "Quinn",
  "Sato",
  "Novak",
  "Ortiz",
];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const practiceName = (i: number) =>
  `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${
    i >= FIRST.length * LAST.length ? ` ${Math.floor(i / (FIRST.length * LAST.length)) + 1}` : ""
  }`;

export async function seedPractice(
  db: Kysely<Database>,
  clinicianId: string,
  patients: number,
  now: Date,
): Promise<void> {
  const at = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const linked = at(10 * DAY);
  const sows = JSON.stringify({ "feeling-sick": 1, yawning: 1, insomnia: 2 });
  for (let i = 0; i < patients; i++) {
    const id = randomUUID();
    await db
      .insertInto("users")
      .values({
        id,
        email: `practice-${i}@example.org`,
        password_hash: "practice-no-login",
        role: "patient",
        display_name: practiceName(i),
        time_zone: "UTC",
        jurisdiction: null,
        created_at: linked,
        updated_at: linked,
        disabled_at: null,
      })
      .execute();
    await db
      .insertInto("care_links")
      .values({
        id: randomUUID(),
        patient_id: id,
        clinician_id: clinicianId,
        scopes: '["doses","assessments","notes","products"]',
        may_set_plans: 0,
        invitation_id: null,
        created_at: linked,
        revoked_at: null,
      })
      .execute();
    for (let day = 0; day < 3 && i % 3 !== 2; day++) {
      const takenAt = at(((i % 20) + 1) * HOUR + day * DAY);
      await db
        .insertInto("assessments")
        .values({
          id: randomUUID(),
          user_id: id,
          instrument: "sows-gossop",
          answers: sows,
          total: 4,
          band: null,
          red_flag: 0,
          taken_at: takenAt,
          created_at: takenAt,
          recorded_by: id,
        })
        .execute();
      await insertKratomDose(db, id, takenAt);
    }
    if (i % 25 === 0) {
      const takenAt = at(2 * HOUR);
      await db
        .insertInto("assessments")
        .values({
          id: randomUUID(),
          user_id: id,
          instrument: "red-flags",
          answers: JSON.stringify({ seizure: 0, fainting: 1, "chest-pain": 0 }),
          total: null,
          band: null,
          red_flag: 1,
          taken_at: takenAt,
          created_at: takenAt,
          recorded_by: id,
        })
        .execute();
    }
  }
}
