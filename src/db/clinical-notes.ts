import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

/** Notes clinicians write on a person's record. They belong to the person's record. */

export interface ClinicalNoteRecord {
  id: string;
  patientId: string;
  /** The clinician who wrote it; null once that account is deleted. */
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface NewClinicalNote {
  id: string;
  patientId: string;
  authorId: string;
  body: string;
  now: Date;
}

const noteColumns = [
  "clinical_notes.id as id",
  "clinical_notes.patient_id as patientId",
  "clinical_notes.author_id as authorId",
  "clinical_notes.body as body",
  "clinical_notes.created_at as createdAt",
] as const;

export async function findClinicalNote(
  db: Kysely<Database>,
  id: string,
): Promise<ClinicalNoteRecord | undefined> {
  return db
    .selectFrom("clinical_notes")
    .leftJoin("users", "users.id", "clinical_notes.author_id")
    .select(noteColumns)
    .select(["users.display_name as authorName"])
    .where("clinical_notes.id", "=", id)
    .executeTakeFirst();
}

/**
 * Stores a note unless its id exists already, then reads back what is stored under that id.
 * `created` is false for a retry or an id used by another record (the caller compares ids).
 */
export async function insertClinicalNote(
  db: Kysely<Database>,
  note: NewClinicalNote,
): Promise<{ created: boolean; record: ClinicalNoteRecord }> {
  const result = await db
    .insertInto("clinical_notes")
    .values({
      id: note.id,
      patient_id: note.patientId,
      author_id: note.authorId,
      body: note.body,
      created_at: note.now.toISOString(),
    })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  const record = await findClinicalNote(db, note.id);
  if (!record) throw new Error(`note ${note.id} vanished after insert`);
  return { created: Number(result.numInsertedOrUpdatedRows ?? 0) > 0, record };
}

/** Notes on the person's record, newest first, within [from, to] when given. */
export async function listClinicalNotes(
  db: Kysely<Database>,
  patientId: string,
  range: { from?: Date; to?: Date; limit?: number } = {},
): Promise<ClinicalNoteRecord[]> {
  let query = db
    .selectFrom("clinical_notes")
    .leftJoin("users", "users.id", "clinical_notes.author_id")
    .select(noteColumns)
    .select(["users.display_name as authorName"])
    .where("clinical_notes.patient_id", "=", patientId);
  if (range.from) query = query.where("clinical_notes.created_at", ">=", range.from.toISOString());
  if (range.to) query = query.where("clinical_notes.created_at", "<=", range.to.toISOString());
  query = query.orderBy("clinical_notes.created_at", "desc").orderBy("clinical_notes.id");
  if (range.limit !== undefined) query = query.limit(range.limit);
  return query.execute();
}
