import {
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type RawBuilder,
  type SqlBool,
  sql,
} from "kysely";
import type { AnsweredCheckIn, AssessmentPoint as TriagePoint } from "../core/triage/index.ts";
import { scopePattern } from "./care-team.ts";
import type { Database } from "./schema.ts";
import type { CareScope } from "./tables/care-team.ts";

/**
 * The clinician dashboard's queries: four set-based queries over all of the clinician's
 * consenting patients at once (never a query per patient), each restricted in SQL to the patients
 * whose link grants the scope it reads. Indexes (migration 0005): the live-pair index of
 * care_links; `assessments_triage_idx` (user_id, taken_at, instrument, total, red_flag), which
 * covers every assessment read here but the answers of the check-ins the reported-sign rules ask
 * about (last 7 days only); `ingestions_live_idx` for the last dose; and the partial
 * `ingestions_flagged_idx`, which holds only doses whose stored warnings name a plan limit or an
 * interaction. Works alike on SQLite (3.44+, for string_agg) and PostgreSQL.
 */

type Db = Kysely<Database>;
/** What a filter of `packedAssessmentsQuery` may refer to: the assessment row as `a`. */
type AssessmentScope = Database & { a: Database["assessments"] };

/** Patients linked live to the clinician whose link grants `scope`. */
function linkedWith(db: Db, clinicianId: string, scope: CareScope) {
  return db
    .selectFrom("care_links")
    .select("care_links.patient_id")
    .where("care_links.clinician_id", "=", clinicianId)
    .where("care_links.revoked_at", "is", null)
    .where("care_links.scopes", "like", scopePattern(scope));
}

export interface LinkedPatientRow {
  linkId: string;
  patientId: string;
  scopes: string;
  maySetPlans: number;
  displayName: string | null;
  email: string;
  timeZone: string;
  linkedAt: string;
  /** Newest assessment of any instrument; null without the assessments scope or with none. */
  lastCheckInAt: string | null;
  /** Newest dose not deleted; null without the doses scope or with none. */
  lastDoseAt: string | null;
  /** Active plans; null without the doses scope (what a plan is kept to is the doses). */
  activePlans: number | null;
  /** Newest clinician note on the person's record (any clinician), or null. */
  lastNoteAt: string | null;
}

/**
 * The clinician's live links with each person, their last check-in, last dose and last note. The
 * "last" values are correlated sub-queries that each read one index entry (newest first, first
 * row), the first two only when the link grants the scope.
 */
export function linkedPatients(db: Db, clinicianId: string): Promise<LinkedPatientRow[]> {
  return db
    .selectFrom("care_links as cl")
    .innerJoin("users as u", "u.id", "cl.patient_id")
    .select((eb) => [
      "cl.id as linkId",
      "cl.patient_id as patientId",
      "cl.scopes as scopes",
      "cl.may_set_plans as maySetPlans",
      "u.display_name as displayName",
      "u.email as email",
      "u.time_zone as timeZone",
      "cl.created_at as linkedAt",
      eb
        .case()
        .when("cl.scopes", "like", scopePattern("assessments"))
        .then(
          eb
            .selectFrom("assessments as a")
            .select("a.taken_at")
            .whereRef("a.user_id", "=", "cl.patient_id")
            .orderBy("a.taken_at", "desc")
            .limit(1),
        )
        .end()
        .as("lastCheckInAt"),
      eb
        .case()
        .when("cl.scopes", "like", scopePattern("doses"))
        .then(
          eb
            .selectFrom("ingestions as i")
            .select("i.taken_at")
            .whereRef("i.user_id", "=", "cl.patient_id")
            .where("i.deleted_at", "is", null)
            .orderBy("i.taken_at", "desc")
            .limit(1),
        )
        .end()
        .as("lastDoseAt"),
      eb
        .case()
        .when("cl.scopes", "like", scopePattern("doses"))
        .then(
          eb
            .selectFrom("plans as p")
            .select((p) => p.fn.countAll<number>().as("n"))
            .whereRef("p.user_id", "=", "cl.patient_id")
            .where("p.status", "=", "active"),
        )
        .end()
        .as("activePlans"),
      eb
        .selectFrom("clinical_notes as n")
        .select((n) => n.fn.max("n.created_at").as("at"))
        .whereRef("n.patient_id", "=", "cl.patient_id")
        .as("lastNoteAt"),
    ])
    .where("cl.clinician_id", "=", clinicianId)
    .where("cl.revoked_at", "is", null)
    .execute() as Promise<LinkedPatientRow[]>;
}

/** One assessment as the dashboard needs it (core's point with its stored red-flag mark). */
export interface AssessmentPoint extends TriagePoint {
  redFlag: boolean;
}

const FIELD = "|";
const ENTRY = ";";

/**
 * Per live link granting the assessments scope: the patient and, packed into one string
 * (string_agg of `entry`, separated by ENTRY), their assessments taken in [since, now], only
 * those `filter` keeps when given. One correlated sub-query per linked patient reads that
 * patient's slice of `assessments_triage_idx`.
 */
function packedAssessmentsQuery(
  db: Db,
  clinicianId: string,
  entry: RawBuilder<string>,
  since: Date,
  now: Date,
  filter?: (eb: ExpressionBuilder<AssessmentScope, "a">) => Expression<SqlBool>,
) {
  return db
    .selectFrom("care_links as cl")
    .select((eb) => [
      "cl.patient_id as userId",
      eb
        .selectFrom("assessments as a")
        .select(sql<string | null>`string_agg(${entry}, ${ENTRY})`.as("packed"))
        .whereRef("a.user_id", "=", "cl.patient_id")
        .where("a.taken_at", ">=", since.toISOString())
        .where("a.taken_at", "<=", now.toISOString())
        .$if(filter !== undefined, (qb) => qb.where((eb) => (filter ? filter(eb) : eb.lit(true))))
        .as("entries"),
    ])
    .where("cl.clinician_id", "=", clinicianId)
    .where("cl.revoked_at", "is", null)
    .where("cl.scopes", "like", scopePattern("assessments"));
}

/** Unpacks `packedAssessmentsQuery` rows by patient; `parse` skips an entry by returning undefined. */
function unpackByPatient<T>(
  rows: readonly { userId: string; entries: string | null }[],
  parse: (fields: (string | undefined)[]) => T | undefined,
): Map<string, T[]> {
  const byUser = new Map<string, T[]>();
  for (const row of rows) {
    if (row.entries === null) continue;
    const items: T[] = [];
    for (const packed of row.entries.split(ENTRY)) {
      const item = parse(packed.split(FIELD));
      if (item !== undefined) items.push(item);
    }
    byUser.set(row.userId, items);
  }
  return byUser;
}

/** The query behind `assessmentPoints` (exported so tests can check its plan). */
export function assessmentPointsQuery(db: Db, clinicianId: string, since: Date, now: Date) {
  const entry = sql<string>`a.taken_at || ${FIELD} || a.instrument || ${FIELD} || coalesce(cast(a.total as text), '') || ${FIELD} || cast(a.red_flag as text)`;
  return packedAssessmentsQuery(db, clinicianId, entry, since, now);
}

/**
 * Every assessment taken in [since, now] by each patient whose link grants the assessments scope,
 * grouped by patient, in no particular order. One correlated sub-query per linked patient reads
 * that patient's slice of `assessments_triage_idx` (index only) and packs it into one string
 * (string_agg), so 2,000 patients come back as 2,000 rows instead of tens of thousands: moving
 * rows into JavaScript is what costs. (An `in (...)` form led PostgreSQL to scan the whole table.)
 */
export async function assessmentPoints(
  db: Db,
  clinicianId: string,
  since: Date,
  now: Date,
): Promise<Map<string, AssessmentPoint[]>> {
  const rows = await assessmentPointsQuery(db, clinicianId, since, now).execute();
  return unpackByPatient(rows, ([takenAt, instrument, total, redFlag]) =>
    takenAt === undefined || instrument === undefined
      ? undefined
      : {
          takenAt,
          instrument,
          total: total === undefined || total === "" ? null : Number(total),
          redFlag: redFlag === "1",
        },
  );
}

export interface FlaggedDoseRow {
  userId: string;
  takenAt: string;
  /** JSON array of the warnings shown when the dose was logged. */
  warnings: string;
}

/**
 * Doses taken in [since, now] whose stored warnings name a plan limit (`plan.*`) or an
 * interaction (`interaction.*`), for patients whose link grants the doses scope. The condition is
 * written exactly as `ingestions_flagged_idx`'s (literals, not parameters) so both engines read
 * that small partial index; the caller parses the few rows and decides by code and severity.
 */
export function flaggedDoses(
  db: Db,
  clinicianId: string,
  since: Date,
  now: Date,
): Promise<FlaggedDoseRow[]> {
  return flaggedDosesQuery(db, clinicianId, since, now).execute();
}

/** The query behind `flaggedDoses` (exported so tests can check its plan). */
export function flaggedDosesQuery(db: Db, clinicianId: string, since: Date, now: Date) {
  return db
    .selectFrom("ingestions")
    .select(["user_id as userId", "taken_at as takenAt", "warnings"])
    .where("user_id", "in", linkedWith(db, clinicianId, "doses"))
    .where("taken_at", ">=", since.toISOString())
    .where("taken_at", "<=", now.toISOString())
    .where(
      sql<boolean>`deleted_at is null
      and (warnings like '%"code":"plan.%' or warnings like '%"code":"interaction.%')`,
    );
}

/** The query behind `openCheckIns` (exported so tests can check its plan). */
export function openCheckInsQuery(
  db: Db,
  clinicianId: string,
  instruments: readonly string[],
  since: Date,
  now: Date,
) {
  const entry = sql<string>`a.id || ${FIELD} || a.taken_at || ${FIELD} || a.instrument || ${FIELD} || cast(a.red_flag as text) || ${FIELD} || a.answers`;
  return packedAssessmentsQuery(db, clinicianId, entry, since, now, (eb) =>
    eb.and([
      instruments.length > 0
        ? eb.or([eb("a.instrument", "in", [...instruments]), eb("a.red_flag", "=", 1)])
        : eb("a.red_flag", "=", 1),
      eb.not(
        eb.exists(
          eb
            .selectFrom("check_in_acknowledgements as k")
            .select("k.assessment_id")
            .whereRef("k.assessment_id", "=", "a.id")
            .where("k.clinician_id", "=", clinicianId),
        ),
      ),
    ]),
  );
}

/**
 * The check-ins that may need this clinician's attention, taken in [since, now] by each patient
 * whose link grants the assessments scope, with their answers, grouped by patient: those of
 * `instruments` (the ones the reported-sign rules ask about) and those marked with a red flag,
 * less the ones the clinician marked as seen. Built like `assessmentPoints` (one correlated,
 * packed sub-query per linked patient on `assessments_triage_idx`); only these rows are read for
 * their answers, which are validated item ids and numbers, so they hold neither separator.
 */
export async function openCheckIns(
  db: Db,
  clinicianId: string,
  instruments: readonly string[],
  since: Date,
  now: Date,
): Promise<Map<string, AnsweredCheckIn[]>> {
  const rows = await openCheckInsQuery(db, clinicianId, instruments, since, now).execute();
  return unpackByPatient(rows, ([id, takenAt, instrument, redFlag, answers]) =>
    id === undefined || takenAt === undefined || instrument === undefined || answers === undefined
      ? undefined
      : { id, takenAt, instrument, redFlag: redFlag === "1", answers: JSON.parse(answers) },
  );
}
