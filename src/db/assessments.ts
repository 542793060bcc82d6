import type { Kysely, Selectable } from "kysely";
import type { AuditEntry } from "./audit.ts";
import { auditedInsert } from "./audited-insert.ts";
import { preparedQuery } from "./prepared-query.ts";
import type { Database } from "./schema.ts";
import type { AssessmentsTable } from "./tables/assessments.ts";

/**
 * Repository of withdrawal assessments. Functions take a user id (not a request) so the
 * person's own routes and the care team's consented views share them. Times are UTC ISO-8601.
 */

/** An assessment as stored, decoded. */
export interface AssessmentRecord {
  id: string;
  userId: string;
  instrument: string;
  answers: Record<string, number>;
  total: number | null;
  band: string | null;
  redFlag: boolean;
  takenAt: string;
  createdAt: string;
  recordedBy: string | null;
}

export interface NewAssessment {
  id: string;
  userId: string;
  instrument: string;
  answers: Record<string, number>;
  total: number | null;
  band: string | null;
  redFlag: boolean;
  takenAt: Date;
  recordedBy: string;
  now: Date;
}

export interface AssessmentFilter {
  /** Only this instrument (an id like `sows`). */
  instrument?: string;
  /** Taken at or after this instant. */
  from?: Date;
  /** Taken at or before this instant. */
  to?: Date;
  /** At most this many, newest first. */
  limit?: number;
}

function decode(row: Selectable<AssessmentsTable>): AssessmentRecord {
  return {
    id: row.id,
    userId: row.user_id,
    instrument: row.instrument,
    answers: JSON.parse(row.answers) as Record<string, number>,
    total: row.total === null ? null : Number(row.total),
    band: row.band,
    redFlag: Number(row.red_flag) === 1,
    takenAt: row.taken_at,
    createdAt: row.created_at,
    recordedBy: row.recorded_by,
  };
}

// Prepared: every check-in runs it.
const insertAssessmentRow = auditedInsert<Selectable<AssessmentsTable>>("assessments", [
  "id",
  "user_id",
  "instrument",
  "answers",
  "total",
  "band",
  "red_flag",
  "taken_at",
  "created_at",
  "recorded_by",
]);

/**
 * Stores an assessment unless its id exists already. When stored now, the record is the row just
 * written (no read-back); otherwise it is whatever is stored under that id: `created` is false
 * for a retry of the same id — or for an id someone else used: the caller compares
 * `record.userId` and refuses a conflict. `audit`: the entry appended when, and only when, the
 * record is stored now, atomically with it (src/db/audited-insert.ts).
 */
export async function insertAssessment(
  db: Kysely<Database>,
  a: NewAssessment,
  audit?: AuditEntry,
): Promise<{ created: boolean; record: AssessmentRecord }> {
  const row: Selectable<AssessmentsTable> = {
    id: a.id,
    user_id: a.userId,
    instrument: a.instrument,
    answers: JSON.stringify(a.answers),
    total: a.total,
    band: a.band,
    red_flag: a.redFlag ? 1 : 0,
    taken_at: a.takenAt.toISOString(),
    created_at: a.now.toISOString(),
    recorded_by: a.recordedBy,
  };
  if (await insertAssessmentRow(db, row, audit)) return { created: true, record: decode(row) };
  const record = await findAssessment(db, a.id);
  if (!record) throw new Error(`assessment ${a.id} vanished after insert`);
  return { created: false, record };
}

/** The assessment with this id, whoever it belongs to; undefined when there is none. */
export async function findAssessment(
  db: Kysely<Database>,
  id: string,
): Promise<AssessmentRecord | undefined> {
  const row = await db
    .selectFrom("assessments")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? decode(row) : undefined;
}

/** A person's assessments, newest first, optionally of one instrument and within a time range. */
export async function listAssessments(
  db: Kysely<Database>,
  userId: string,
  filter: AssessmentFilter = {},
): Promise<AssessmentRecord[]> {
  let query = db.selectFrom("assessments").selectAll().where("user_id", "=", userId);
  if (filter.instrument !== undefined) query = query.where("instrument", "=", filter.instrument);
  if (filter.from !== undefined) query = query.where("taken_at", ">=", filter.from.toISOString());
  if (filter.to !== undefined) query = query.where("taken_at", "<=", filter.to.toISOString());
  query = query.orderBy("taken_at", "desc").orderBy("created_at", "desc").orderBy("id");
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(decode);
}

/** The newest assessment a person took, optionally of one instrument and within a range. */
export async function latestAssessment(
  db: Kysely<Database>,
  userId: string,
  filter: Omit<AssessmentFilter, "limit"> = {},
): Promise<AssessmentRecord | undefined> {
  const [latest] = await listAssessments(db, userId, { ...filter, limit: 1 });
  return latest;
}

type LatestParams = { userId: string; from: string; to: string } & {
  [instrument: `instrument${number}`]: string;
};

/** The query for `latestAssessments`, prepared once per number of instruments. */
const latestOfInstruments = new Map<number, ReturnType<typeof prepareLatest>>();

function prepareLatest(count: number) {
  return preparedQuery((db, p: LatestParams) => {
    const instruments = Array.from({ length: count }, (_, i) => p[`instrument${i}`] as string);
    const ranked = db
      .selectFrom("assessments")
      .selectAll()
      .select((eb) =>
        eb.fn
          .agg<number>("row_number", [])
          .over((ob) =>
            ob
              .partitionBy("instrument")
              .orderBy("taken_at", "desc")
              .orderBy("created_at", "desc")
              .orderBy("id"),
          )
          .as("rank"),
      )
      .where("user_id", "=", p.userId)
      .where("instrument", "in", instruments)
      .where("taken_at", ">=", p.from)
      .where("taken_at", "<=", p.to);
    return db
      .selectFrom(ranked.as("ranked"))
      .selectAll()
      .where("rank", "=", 1)
      .orderBy("instrument");
  });
}

/**
 * The newest assessment of each of these instruments a person took within [from, to], in one
 * query (newest by taken_at, then created_at, then id, as `latestAssessment` orders them). An
 * instrument never taken in the range has no entry. Empty for an empty list of instruments.
 * Prepared: every dose checked runs it.
 */
export async function latestAssessments(
  db: Kysely<Database>,
  userId: string,
  instruments: readonly string[],
  range: { from: Date; to: Date },
): Promise<AssessmentRecord[]> {
  if (instruments.length === 0) return [];
  let query = latestOfInstruments.get(instruments.length);
  if (!query) {
    query = prepareLatest(instruments.length);
    latestOfInstruments.set(instruments.length, query);
  }
  const params: LatestParams = {
    userId,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
  };
  instruments.forEach((instrument, i) => {
    params[`instrument${i}`] = instrument;
  });
  const { rows } = await query(db, params);
  return rows.map(decode);
}

/**
 * Red-flagged assessments of these people taken at or after `since`, newest first: what a
 * clinician's dashboard shows at the top. Empty for an empty list of people.
 */
export async function latestRedFlags(
  db: Kysely<Database>,
  userIds: readonly string[],
  since: Date,
): Promise<AssessmentRecord[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom("assessments")
    .selectAll()
    .where("user_id", "in", [...userIds])
    .where("red_flag", "=", 1)
    .where("taken_at", ">=", since.toISOString())
    .orderBy("taken_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map(decode);
}

/**
 * A person's totals of one instrument, oldest first (those taken at or after `since`, when
 * given), for trends and charts. Assessments without a total are left out.
 */
export async function totalsHistory(
  db: Kysely<Database>,
  userId: string,
  instrument: string,
  since?: Date,
): Promise<{ takenAt: string; total: number }[]> {
  let query = db
    .selectFrom("assessments")
    .select(["taken_at", "total"])
    .where("user_id", "=", userId)
    .where("instrument", "=", instrument)
    .where("total", "is not", null);
  if (since) query = query.where("taken_at", ">=", since.toISOString());
  const rows = await query.orderBy("taken_at", "asc").execute();
  return rows.map((r) => ({ takenAt: r.taken_at, total: Number(r.total) }));
}

/** How many assessments of the person were taken in [from, to). */
export async function countAssessmentsBetween(
  db: Kysely<Database>,
  userId: string,
  from: Date,
  to: Date,
): Promise<number> {
  const row = await db
    .selectFrom("assessments")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("taken_at", ">=", from.toISOString())
    .where("taken_at", "<", to.toISOString())
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
