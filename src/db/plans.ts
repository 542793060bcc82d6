import { randomUUID } from "node:crypto";
import { type Kysely, PostgresAdapter, type Selectable, type Transaction } from "kysely";
import {
  type ActivePlanLimits,
  activePlanLimits,
  decideRevision,
  FIRST_PLAN_VERSION,
  InvalidPlanError,
  type PlanDefinition,
  type PlanEnding,
  planEnding,
  plansInForceOn,
  plansReplacedBy,
} from "../core/plan/index.ts";
import { isValidTimeZone, nextDay, startOfZonedDay } from "../core/zoned-time.ts";
import { preparedQuery } from "./prepared-query.ts";
import type { Database } from "./schema.ts";
import type { PlansTable, PlanVersionsTable } from "./tables/plans.ts";
import { inTransaction } from "./transaction.ts";

/**
 * Repository of titration and taper plans. Functions take user ids (not a request), so the
 * person's own routes and a consenting clinician's routes share them. A plan's content lives in
 * versions: a change adds a version, never overwrites one. What a change does (one active plan
 * per substance or product, version numbers, what an end records) is core's
 * `plan-lifecycle.ts`; these functions load, ask it and store. Callers validate definitions (core
 * `validatePlan`) and check who may act before storing them. Nothing
 * here refuses a start date in the past: which plan governs which day (an ended plan up to the
 * day before it was ended; an earlier plan for the same substance keeping its days from a
 * back-dated replacement) is decided when reading, by core `plan-governance.ts`, in one place.
 */

type Db = Kysely<Database> | Transaction<Database>;

export interface PlanVersionRecord {
  id: string;
  planId: string;
  version: number;
  definition: PlanDefinition;
  /** Fields that differ from the previous version (`[]` for version 1). */
  changedFields: string[];
  createdBy: string | null;
  createdAt: string;
}

export interface PlanRecord {
  id: string;
  /** The person the plan is for. */
  userId: string;
  createdBy: string | null;
  status: "active" | "ended";
  createdAt: string;
  endedAt: string | null;
  endedBy: string | null;
  endReason: "ended" | "replaced" | null;
  replacedBy: string | null;
  /** The latest version. */
  current: PlanVersionRecord;
}

export interface PlanWithVersions extends PlanRecord {
  /** Every version, oldest first. */
  versions: PlanVersionRecord[];
}

function decodeVersion(row: Selectable<PlanVersionsTable>): PlanVersionRecord {
  return {
    id: row.id,
    planId: row.plan_id,
    version: Number(row.version),
    definition: JSON.parse(row.definition) as PlanDefinition,
    changedFields: JSON.parse(row.changed_fields) as string[],
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function decodePlan(row: Selectable<PlansTable>, current: PlanVersionRecord): PlanRecord {
  return {
    id: row.id,
    userId: row.user_id,
    createdBy: row.created_by,
    status: row.status,
    createdAt: row.created_at,
    endedAt: row.ended_at,
    endedBy: row.ended_by,
    endReason: row.end_reason,
    replacedBy: row.replaced_by,
    current,
  };
}

/** Versions of the given plans, oldest first, grouped by plan id. */
async function versionsOf(db: Db, planIds: string[]): Promise<Map<string, PlanVersionRecord[]>> {
  const byPlan = new Map<string, PlanVersionRecord[]>();
  if (planIds.length === 0) return byPlan;
  const rows = await db
    .selectFrom("plan_versions")
    .selectAll()
    .where("plan_id", "in", planIds)
    .orderBy("plan_id")
    .orderBy("version")
    .execute();
  for (const row of rows) {
    const list = byPlan.get(row.plan_id) ?? [];
    list.push(decodeVersion(row));
    byPlan.set(row.plan_id, list);
  }
  return byPlan;
}

async function withVersions(db: Db, rows: Selectable<PlansTable>[]): Promise<PlanWithVersions[]> {
  const versions = await versionsOf(
    db,
    rows.map((r) => r.id),
  );
  const plans: PlanWithVersions[] = [];
  for (const row of rows) {
    const list = versions.get(row.id) ?? [];
    const current = list.at(-1);
    // A plan is written with its first version in one transaction; none means a broken row.
    if (current) plans.push({ ...decodePlan(row, current), versions: list });
  }
  return plans;
}

async function withCurrent(db: Db, rows: Selectable<PlansTable>[]): Promise<PlanRecord[]> {
  return (await withVersions(db, rows)).map(({ versions: _, ...plan }) => plan);
}

export interface PlanListFilter {
  status?: "active" | "ended";
}

const plansWithStatus = preparedQuery((db, p: { userId: string; status: "active" | "ended" }) =>
  db
    .selectFrom("plans")
    .selectAll()
    .where("user_id", "=", p.userId)
    .where("status", "=", p.status)
    .orderBy("created_at", "desc")
    .orderBy("id"),
);

/** The person's plans with their current versions, newest first. */
export async function listPlans(
  db: Db,
  userId: string,
  filter: PlanListFilter = {},
): Promise<PlanRecord[]> {
  if (filter.status) {
    // Every safety check reads the active plans: prepared.
    const { rows } = await plansWithStatus(db, { userId, status: filter.status });
    return withCurrent(db, rows);
  }
  const rows = await db
    .selectFrom("plans")
    .selectAll()
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return withCurrent(db, rows);
}

/** One plan with every version, or null. The caller checks `userId` against who may see it. */
export async function getPlan(db: Db, planId: string): Promise<PlanWithVersions | null> {
  const row = await db.selectFrom("plans").selectAll().where("id", "=", planId).executeTakeFirst();
  if (!row) return null;
  const versions = (await versionsOf(db, [row.id])).get(row.id) ?? [];
  const current = versions.at(-1);
  if (!current) return null;
  return { ...decodePlan(row, current), versions };
}

/**
 * One plan with every version, and every plan of the same person with theirs (that one
 * included), or null: what core `planDays` needs to tell which days the plan governs (an earlier
 * plan for the same substance or product keeps its days). Two reads, as `getPlan`. The caller
 * checks `plan.userId` against who may see it.
 */
export async function getPlanAmongOwnPlans(
  db: Db,
  planId: string,
): Promise<{ plan: PlanWithVersions; plans: PlanWithVersions[] } | null> {
  const rows = await db
    .selectFrom("plans")
    .selectAll()
    .where("user_id", "=", (eb) =>
      eb.selectFrom("plans as owner").select("owner.user_id").where("owner.id", "=", planId),
    )
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  const plans = await withVersions(db, rows);
  const plan = plans.find((p) => p.id === planId);
  return plan ? { plan, plans } : null;
}

/** The person's plans still active, or ended at or after `endedSince` (an ISO instant). */
const plansNotEndedBefore = preparedQuery((db, p: { userId: string; endedSince: string }) =>
  db
    .selectFrom("plans")
    .selectAll()
    .where("user_id", "=", p.userId)
    .where((eb) => eb.or([eb("status", "=", "active"), eb("ended_at", ">=", p.endedSince)]))
    .orderBy("created_at")
    .orderBy("id"),
);

/**
 * Limits of every plan of the person in force on `day` (YYYY-MM-DD in their time zone), for the
 * safety engine; `[]` when none. Which plan and which version govern the day is core's
 * `plansInForceOn` (a version from the start of the day it was saved; a plan until the start of
 * the day it was ended, so a dose dated before the end of a plan ended or replaced since is
 * still checked against it; among plans for the same substance or product the earlier keeps its
 * days). Two reads: the plans not ended before the end of that day (prepared; an earlier one
 * cannot govern it) and all their versions. An unknown zone is read as UTC, as the caller's day
 * is. A stored definition that today's core no longer accepts (a rule added after it was saved)
 * cannot be scheduled, so it sets no limits; the plan page shows it for correction.
 */
export async function activePlanForDay(
  db: Db,
  userId: string,
  day: string,
  timeZone: string,
): Promise<ActivePlanLimits[]> {
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  const endedSince = startOfZonedDay(nextDay(day), zone).toISOString();
  const { rows } = await plansNotEndedBefore(db, { userId, endedSince });
  const plans = await withVersions(db, rows);
  const limits: ActivePlanLimits[] = [];
  // Newest first, as the safety engine has always been given them.
  for (const { version } of plansInForceOn(plans, day, zone).reverse()) {
    try {
      const onDay = activePlanLimits(version.definition, day);
      if (onDay) limits.push(onDay);
    } catch (error) {
      if (!(error instanceof InvalidPlanError)) throw error;
    }
  }
  return limits;
}

/**
 * Makes the person's plan changes wait for one another: on PostgreSQL, two transactions would
 * otherwise each see no other active plan for the substance and both insert one (the unique
 * indexes of migration 0007 would refuse the second). SQLite runs one write transaction at a time.
 */
async function lockPersonsPlans(trx: Kysely<Database>, userId: string): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await trx.selectFrom("users").select("id").where("id", "=", userId).forNoKeyUpdate().execute();
}

/** The plan's subject columns (see PlansTable). */
const subjectColumns = (definition: PlanDefinition) => ({
  substance_id: definition.substanceId ?? null,
  product_id: definition.productId ?? null,
});

/** The columns of a plan's end (see PlansTable). */
const endingColumns = (ending: PlanEnding) => ({
  status: ending.status,
  ended_at: ending.endedAt,
  ended_by: ending.endedBy,
  end_reason: ending.endReason,
  replaced_by: ending.replacedBy,
});

/** Ends the person's other active plans that plan `planId` with `definition` replaces (core). */
async function replaceOverlapping(
  trx: Kysely<Database>,
  userId: string,
  planId: string,
  definition: PlanDefinition,
  actorId: string,
  now: Date,
): Promise<string[]> {
  const active = await listPlans(trx, userId, { status: "active" });
  const ids = plansReplacedBy(planId, definition, active);
  if (ids.length === 0) return [];
  await trx
    .updateTable("plans")
    .set(endingColumns(planEnding(actorId, now, planId)))
    .where("id", "in", ids)
    .where("status", "=", "active")
    .execute();
  return ids;
}

export interface NewPlan {
  id: string;
  /** The person the plan is for. */
  userId: string;
  /** Who sets it (the person, or a consenting clinician). */
  createdBy: string;
  /** A valid definition (core `validatePlan` returned no issues). */
  definition: PlanDefinition;
  now: Date;
}

export interface PlanInsertResult {
  /** False when the id existed already: a retry, or an id someone else used (compare `plan.userId`). */
  created: boolean;
  plan: PlanWithVersions;
  /** Ids of active plans for the same substance or product that this one ended. */
  replaced: string[];
}

/**
 * Stores a new active plan with its first version, unless the id exists already; then reads back
 * what is stored under that id. A new plan ends the person's other active plans for the same
 * substance or product.
 */
export async function insertPlan(db: Kysely<Database>, p: NewPlan): Promise<PlanInsertResult> {
  const at = p.now.toISOString();
  const outcome = await inTransaction(db, async (trx) => {
    await lockPersonsPlans(trx, p.userId);
    const existing = await trx
      .selectFrom("plans")
      .select("id")
      .where("id", "=", p.id)
      .executeTakeFirst();
    if (existing) return { created: false, replaced: [] as string[] };
    // The plans it replaces end first: the unique indexes allow one active plan per subject.
    const replaced = await replaceOverlapping(
      trx,
      p.userId,
      p.id,
      p.definition,
      p.createdBy,
      p.now,
    );
    await trx
      .insertInto("plans")
      .values({
        id: p.id,
        user_id: p.userId,
        created_by: p.createdBy,
        status: "active",
        created_at: at,
        ended_at: null,
        ended_by: null,
        end_reason: null,
        replaced_by: null,
        ...subjectColumns(p.definition),
      })
      .execute();
    await trx
      .insertInto("plan_versions")
      .values({
        id: randomUUID(),
        plan_id: p.id,
        version: FIRST_PLAN_VERSION.version,
        definition: JSON.stringify(p.definition),
        changed_fields: JSON.stringify(FIRST_PLAN_VERSION.changedFields),
        created_by: p.createdBy,
        created_at: at,
      })
      .execute();
    return { created: true, replaced };
  });
  const plan = await getPlan(db, p.id);
  if (!plan) throw new Error(`plan ${p.id} vanished after insert`);
  return { ...outcome, plan };
}

export interface PlanRevision {
  planId: string;
  createdBy: string;
  /** A valid definition. */
  definition: PlanDefinition;
  now: Date;
}

export type PlanRevisionResult =
  | { outcome: "not_found" }
  | { outcome: "ended"; plan: PlanWithVersions }
  | { outcome: "unchanged"; plan: PlanWithVersions }
  | { outcome: "revised"; plan: PlanWithVersions; replaced: string[] };

/**
 * Adds a version to an active plan as core `decideRevision` says: with the fields that changed;
 * nothing for the same definition again (`unchanged`); nothing to an ended plan. If the new
 * version moves the plan to a substance or product another active plan covers, that plan is
 * replaced.
 */
export async function revisePlan(
  db: Kysely<Database>,
  r: PlanRevision,
): Promise<PlanRevisionResult> {
  const at = r.now.toISOString();
  const result = await inTransaction(db, async (trx): Promise<PlanRevisionResult> => {
    const owner = await trx
      .selectFrom("plans")
      .select("user_id")
      .where("id", "=", r.planId)
      .executeTakeFirst();
    if (!owner) return { outcome: "not_found" };
    await lockPersonsPlans(trx, owner.user_id);
    const plan = await getPlan(trx, r.planId);
    if (!plan) return { outcome: "not_found" };
    const decision = decideRevision(plan, r.definition);
    if (decision.outcome !== "revised") return { outcome: decision.outcome, plan };
    await trx
      .insertInto("plan_versions")
      .values({
        id: randomUUID(),
        plan_id: plan.id,
        version: decision.version,
        definition: JSON.stringify(r.definition),
        changed_fields: JSON.stringify(decision.changedFields),
        created_by: r.createdBy,
        created_at: at,
      })
      .execute();
    const replaced = await replaceOverlapping(
      trx,
      plan.userId,
      plan.id,
      r.definition,
      r.createdBy,
      r.now,
    );
    await trx
      .updateTable("plans")
      .set(subjectColumns(r.definition))
      .where("id", "=", plan.id)
      .execute();
    return { outcome: "revised", plan, replaced };
  });
  if (result.outcome !== "revised") return result;
  const plan = await getPlan(db, r.planId);
  if (!plan) throw new Error(`plan ${r.planId} vanished after revision`);
  return { ...result, plan };
}

/**
 * Ends an active plan (core `planEnding`). Ending an ended plan changes nothing and returns it as
 * it is (a retry is harmless). Null when there is no such plan.
 */
export async function endPlan(
  db: Kysely<Database>,
  planId: string,
  endedBy: string,
  now: Date,
): Promise<PlanWithVersions | null> {
  await db
    .updateTable("plans")
    .set(endingColumns(planEnding(endedBy, now)))
    .where("id", "=", planId)
    .where("status", "=", "active")
    .execute();
  return getPlan(db, planId);
}
