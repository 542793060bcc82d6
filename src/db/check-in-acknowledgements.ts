import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Clinicians' "seen" on check-ins that raised a red flag or a reported sign. */

export interface CheckInAcknowledgement {
  assessmentId: string;
  clinicianId: string;
  /** The clinician's display name; null when they gave none. */
  clinicianName: string | null;
  acknowledgedAt: string;
}

/**
 * Records that `clinicianId` saw the check-in, unless they already did; returns what is stored
 * (the first acknowledgement's time when repeated) and whether this call created it.
 */
export async function acknowledgeCheckIn(
  db: Kysely<Database>,
  assessmentId: string,
  clinicianId: string,
  now: Date,
): Promise<{ created: boolean; acknowledgedAt: string }> {
  const result = await db
    .insertInto("check_in_acknowledgements")
    .values({
      assessment_id: assessmentId,
      clinician_id: clinicianId,
      acknowledged_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(["assessment_id", "clinician_id"]).doNothing())
    .executeTakeFirst();
  const row = await db
    .selectFrom("check_in_acknowledgements")
    .select("acknowledged_at")
    .where("assessment_id", "=", assessmentId)
    .where("clinician_id", "=", clinicianId)
    .executeTakeFirstOrThrow();
  return {
    created: Number(result.numInsertedOrUpdatedRows ?? 0) > 0,
    acknowledgedAt: row.acknowledged_at,
  };
}

/** Every acknowledgement of the person's check-ins taken in [from, to], oldest first. */
export function listCheckInAcknowledgements(
  db: Kysely<Database>,
  patientId: string,
  range: { from: Date; to: Date },
): Promise<CheckInAcknowledgement[]> {
  return db
    .selectFrom("check_in_acknowledgements as k")
    .innerJoin("assessments as a", "a.id", "k.assessment_id")
    .leftJoin("users as u", "u.id", "k.clinician_id")
    .select([
      "k.assessment_id as assessmentId",
      "k.clinician_id as clinicianId",
      "u.display_name as clinicianName",
      "k.acknowledged_at as acknowledgedAt",
    ])
    .where("a.user_id", "=", patientId)
    .where("a.taken_at", ">=", range.from.toISOString())
    .where("a.taken_at", "<=", range.to.toISOString())
    .orderBy("k.acknowledged_at")
    .execute();
}
