import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { Ingestion } from "../core/safety/types.ts";
import type { ProductInfo } from "../core/units.ts";
import type { Warning } from "../core/warning.ts";
import type { AuditEntry } from "./audit.ts";
import { auditedInsert } from "./audited-insert.ts";
import { preparedQuery } from "./prepared-query.ts";
import type { Database } from "./schema.ts";
import type { IngestionHistoryTable, IngestionsTable } from "./tables/dose-log.ts";
import { inTransaction } from "./transaction.ts";
import type { VersionedUpdate } from "./versioned-update.ts";

/**
 * Repository of logged doses. Functions take a user id (never a request) so the person's own
 * routes and the care team's consented dashboards and reports share them. Deleted entries stay in
 * the table (deleted_at) and every change keeps the previous version in ingestion_history.
 */

export interface CanonicalRecord {
  amount: number;
  unit: string;
  pool: string;
}

/** A dose as stored, decoded. */
export interface IngestionRecord {
  id: string;
  userId: string;
  substanceId: string;
  /** Kept for custom substances; null for catalog ones (the catalog names them). */
  substanceName: string | null;
  /** The classes a custom substance was logged with; null for catalog substances. */
  customClasses: string[] | null;
  productId: string | null;
  productInfo: ProductInfo | null;
  amount: number;
  unit: string;
  route: string | null;
  takenAt: string;
  notes: string | null;
  /** The amount in the substance's canonical unit when logged; null when it could not convert. */
  canonical: CanonicalRecord | null;
  /** The warnings shown when this version was saved. */
  warnings: Warning[];
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** 1 when logged, raised by every change. */
  version: number;
}

/** What a write stores: everything but the bookkeeping. */
export interface IngestionFields {
  substanceId: string;
  substanceName: string | null;
  customClasses: string[] | null;
  productId: string | null;
  productInfo: ProductInfo | null;
  amount: number;
  unit: string;
  route: string | null;
  takenAt: Date;
  notes: string | null;
  canonical: CanonicalRecord | null;
  warnings: Warning[];
}

export interface NewIngestion extends IngestionFields {
  id: string;
  userId: string;
  now: Date;
}

export interface IngestionFilter {
  /** Taken at or after this instant. */
  from?: Date;
  /** Taken before this instant (exclusive, so day bounds chain). */
  to?: Date;
  /** Only doses of these pools (e.g. `kratom-leaf`). */
  pools?: readonly string[];
  includeDeleted?: boolean;
  /** At most this many, newest first. */
  limit?: number;
}

/** A previous version of a dose, for the audit. */
export interface IngestionVersion {
  id: string;
  ingestionId: string;
  /** 1 for the version first logged, then one more per change. */
  version: number;
  change: "update" | "delete";
  changedBy: string | null;
  changedAt: string;
  previous: IngestionRecord;
}

const parseJson = <T>(text: string | null): T | null => (text === null ? null : JSON.parse(text));

function decode(row: Selectable<IngestionsTable>): IngestionRecord {
  const canonical =
    row.canonical_amount === null || row.canonical_unit === null || row.pool === null
      ? null
      : { amount: Number(row.canonical_amount), unit: row.canonical_unit, pool: row.pool };
  return {
    id: row.id,
    userId: row.user_id,
    substanceId: row.substance_id,
    substanceName: row.substance_name,
    customClasses: parseJson<string[]>(row.custom_classes),
    productId: row.product_id,
    productInfo: parseJson<ProductInfo>(row.product_info),
    amount: Number(row.amount),
    unit: row.unit,
    route: row.route,
    takenAt: row.taken_at,
    notes: row.notes,
    canonical,
    warnings: JSON.parse(row.warnings) as Warning[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    version: Number(row.version),
  };
}

function encodeFields(f: IngestionFields) {
  return {
    substance_id: f.substanceId,
    substance_name: f.substanceName,
    custom_classes: f.customClasses === null ? null : JSON.stringify(f.customClasses),
    product_id: f.productId,
    product_info: f.productInfo === null ? null : JSON.stringify(f.productInfo),
    amount: f.amount,
    unit: f.unit,
    route: f.route,
    taken_at: f.takenAt.toISOString(),
    notes: f.notes,
    canonical_amount: f.canonical?.amount ?? null,
    canonical_unit: f.canonical?.unit ?? null,
    pool: f.canonical?.pool ?? null,
    warnings: JSON.stringify(f.warnings),
  };
}

/** The safety engine's view of a stored dose. */
export function toSafetyIngestion(r: IngestionRecord): Ingestion {
  const i: Ingestion = {
    id: r.id,
    substanceId: r.substanceId,
    amount: r.amount,
    unit: r.unit,
    takenAt: r.takenAt,
  };
  if (r.customClasses) i.classes = r.customClasses;
  if (r.substanceName !== null) i.substanceName = r.substanceName;
  if (r.productId !== null) i.productId = r.productId;
  if (r.productInfo !== null) i.product = r.productInfo;
  if (r.route !== null) i.route = r.route;
  return i;
}

// Prepared: every logged dose runs it.
const insertIngestionRow = auditedInsert<Selectable<IngestionsTable>>("ingestions", [
  "id",
  "user_id",
  "substance_id",
  "substance_name",
  "custom_classes",
  "product_id",
  "product_info",
  "amount",
  "unit",
  "route",
  "taken_at",
  "notes",
  "canonical_amount",
  "canonical_unit",
  "pool",
  "warnings",
  "created_at",
  "updated_at",
  "deleted_at",
  "version",
]);

/**
 * Stores a dose unless its id exists already. When stored now, the record is the row just written
 * (no read-back); otherwise it is whatever is stored under that id: `created` is false for a
 * retry of the same id — or for an id someone else used: the caller compares `record.userId` and
 * refuses a conflict. `audit`: the entry appended when, and only when, the dose is stored now,
 * atomically with it (src/db/audited-insert.ts).
 */
export async function insertIngestion(
  db: Kysely<Database>,
  n: NewIngestion,
  audit?: AuditEntry,
): Promise<{ created: boolean; record: IngestionRecord }> {
  const at = n.now.toISOString();
  const row: Selectable<IngestionsTable> = {
    id: n.id,
    user_id: n.userId,
    ...encodeFields(n),
    created_at: at,
    updated_at: at,
    deleted_at: null,
    version: 1,
  };
  if (await insertIngestionRow(db, row, audit)) return { created: true, record: decode(row) };
  const record = await findIngestion(db, n.id);
  if (!record) throw new Error(`ingestion ${n.id} vanished after insert`);
  return { created: false, record };
}

/** The dose with this id, whoever it belongs to and even when deleted; undefined if none. */
export async function findIngestion(
  db: Kysely<Database>,
  id: string,
): Promise<IngestionRecord | undefined> {
  const row = await db.selectFrom("ingestions").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? decode(row) : undefined;
}

/** The dose if it belongs to `userId` and is not deleted. */
export async function findOwnIngestion(
  db: Kysely<Database>,
  userId: string,
  id: string,
): Promise<IngestionRecord | undefined> {
  const row = await findOwnLiveRow(db, id, userId);
  return row ? decode(row) : undefined;
}

/** A type, not an interface: `preparedQuery` takes a record of values. */
type LiveRange = { userId: string; from: string; to: string };

/** A person's doses taken in [from, to), not deleted, newest first; the caller picks columns. */
const liveBetween = (db: Kysely<Database>, p: LiveRange) =>
  db
    .selectFrom("ingestions")
    .where("user_id", "=", p.userId)
    .where("taken_at", ">=", p.from)
    .where("taken_at", "<", p.to)
    .where("deleted_at", "is", null)
    .orderBy("taken_at", "desc")
    .orderBy("created_at", "desc")
    .orderBy("id");

const liveIngestionsBetween = preparedQuery((db, p: LiveRange) => liveBetween(db, p).selectAll());

/** A person's doses, newest first, within [from, to) when given. Uses (user_id, taken_at). */
export async function listIngestions(
  db: Kysely<Database>,
  userId: string,
  filter: IngestionFilter = {},
): Promise<IngestionRecord[]> {
  const { from, to, pools, includeDeleted, limit } = filter;
  if (from && to && !pools && !includeDeleted && limit === undefined) {
    // The shape loadSafetyData asks for (Today): prepared. A logged dose reads safetyHistory.
    const params = { userId, from: from.toISOString(), to: to.toISOString() };
    return (await liveIngestionsBetween(db, params)).rows.map(decode);
  }
  let query = db.selectFrom("ingestions").selectAll().where("user_id", "=", userId);
  if (filter.from) query = query.where("taken_at", ">=", filter.from.toISOString());
  if (filter.to) query = query.where("taken_at", "<", filter.to.toISOString());
  if (!filter.includeDeleted) query = query.where("deleted_at", "is", null);
  if (filter.pools) {
    if (filter.pools.length === 0) return [];
    query = query.where("pool", "in", [...filter.pools]);
  }
  query = query.orderBy("taken_at", "desc").orderBy("created_at", "desc").orderBy("id");
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  return (await query.execute()).map(decode);
}

const safetyHistoryBetween = preparedQuery((db, p: LiveRange) =>
  liveBetween(db, p).select([
    "id",
    "substance_id",
    "substance_name",
    "custom_classes",
    "product_id",
    "product_info",
    "amount",
    "unit",
    "route",
    "taken_at",
  ]),
);

/**
 * A person's doses taken in [from, to) (not deleted) as the safety engine sees them, newest
 * first: `listIngestions(...).map(toSafetyIngestion)` without reading or decoding the columns the
 * engine ignores (warnings, notes...). Prepared: every logged dose runs it.
 */
export async function safetyHistory(
  db: Kysely<Database>,
  userId: string,
  range: { from: Date; to: Date },
): Promise<Ingestion[]> {
  const params = { userId, from: range.from.toISOString(), to: range.to.toISOString() };
  return (await safetyHistoryBetween(db, params)).rows.map((r) => {
    const i: Ingestion = {
      id: r.id,
      substanceId: r.substance_id,
      amount: Number(r.amount),
      unit: r.unit,
      takenAt: r.taken_at,
    };
    const classes = parseJson<string[]>(r.custom_classes);
    const product = parseJson<ProductInfo>(r.product_info);
    if (classes) i.classes = classes;
    if (r.substance_name !== null) i.substanceName = r.substance_name;
    if (r.product_id !== null) i.productId = r.product_id;
    if (product !== null) i.product = product;
    if (r.route !== null) i.route = r.route;
    return i;
  });
}

export interface RecentSubject {
  substanceId: string;
  /** Kept for a custom substance. */
  substanceName: string | null;
  productId: string | null;
  /** The unit and amount of the latest dose of it. */
  unit: string;
  amount: number;
}

/**
 * The substances and products a person logged most recently (distinct, most recent first), looked
 * for among their last 200 doses: what the log form offers first.
 */
export async function recentSubjects(
  db: Kysely<Database>,
  userId: string,
  limit: number,
): Promise<RecentSubject[]> {
  const rows = await db
    .selectFrom("ingestions")
    .select(["substance_id", "substance_name", "product_id", "unit", "amount"])
    .where("user_id", "=", userId)
    .where("deleted_at", "is", null)
    .orderBy("taken_at", "desc")
    .orderBy("created_at", "desc")
    .limit(200)
    .execute();
  const seen = new Set<string>();
  const out: RecentSubject[] = [];
  for (const r of rows) {
    const key = `${r.substance_id}|${r.product_id ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      substanceId: r.substance_id,
      substanceName: r.substance_name,
      productId: r.product_id,
      unit: r.unit,
      amount: Number(r.amount),
    });
    if (out.length >= limit) break;
  }
  return out;
}

async function keepVersion(
  trx: Kysely<Database>,
  row: Selectable<IngestionsTable>,
  change: IngestionHistoryTable["change"],
  changedBy: string,
  at: string,
) {
  const { count } = await trx
    .selectFrom("ingestion_history")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .where("ingestion_id", "=", row.id)
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("ingestion_history")
    .values({
      id: randomUUID(),
      ingestion_id: row.id,
      user_id: row.user_id,
      version: Number(count) + 1,
      change,
      changed_by: changedBy,
      changed_at: at,
      previous: JSON.stringify(row),
    })
    .execute();
}

/** The stored row of a person's own dose that is not deleted, for a change to it. */
function findOwnLiveRow(db: Kysely<Database>, id: string, userId: string) {
  return db
    .selectFrom("ingestions")
    .selectAll()
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
}

/**
 * Replaces a person's own (not deleted) dose with `fields`, keeping the previous version in the
 * history, if it is still at `expectedVersion` (else `stale`, with the dose as it is now).
 */
export async function updateIngestion(
  db: Kysely<Database>,
  u: {
    id: string;
    userId: string;
    fields: IngestionFields;
    changedBy: string;
    now: Date;
    expectedVersion: number;
  },
): Promise<VersionedUpdate<IngestionRecord>> {
  const at = u.now.toISOString();
  return inTransaction(db, async (trx): Promise<VersionedUpdate<IngestionRecord>> => {
    const row = await findOwnLiveRow(trx, u.id, u.userId);
    if (!row) return { outcome: "not_found" };
    if (Number(row.version) !== u.expectedVersion)
      return { outcome: "stale", current: decode(row) };
    // Written only onto the expected version: a change committed meanwhile makes it match nothing.
    const written = await trx
      .updateTable("ingestions")
      .set({ ...encodeFields(u.fields), updated_at: at, version: u.expectedVersion + 1 })
      .where("id", "=", u.id)
      .where("version", "=", u.expectedVersion)
      .executeTakeFirst();
    if (Number(written.numUpdatedRows) === 0) {
      const now = await findOwnLiveRow(trx, u.id, u.userId);
      return now ? { outcome: "stale", current: decode(now) } : { outcome: "not_found" };
    }
    await keepVersion(trx, row, "update", u.changedBy, at);
    const updated = await trx
      .selectFrom("ingestions")
      .selectAll()
      .where("id", "=", u.id)
      .executeTakeFirstOrThrow();
    return { outcome: "updated", record: decode(updated) };
  });
}

/** Marks a person's own dose deleted, keeping it in the history. False when there is none. */
export async function deleteIngestion(
  db: Kysely<Database>,
  d: { id: string; userId: string; changedBy: string; now: Date },
): Promise<boolean> {
  const at = d.now.toISOString();
  return inTransaction(db, async (trx) => {
    const row = await findOwnLiveRow(trx, d.id, d.userId);
    if (!row) return false;
    await keepVersion(trx, row, "delete", d.changedBy, at);
    await trx
      .updateTable("ingestions")
      .set((eb) => ({ deleted_at: at, updated_at: at, version: eb("version", "+", 1) }))
      .where("id", "=", d.id)
      .execute();
    return true;
  });
}

/** Every previous version of a dose, oldest first. */
export async function ingestionHistory(
  db: Kysely<Database>,
  ingestionId: string,
): Promise<IngestionVersion[]> {
  const rows = await db
    .selectFrom("ingestion_history")
    .selectAll()
    .where("ingestion_id", "=", ingestionId)
    .orderBy("version")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ingestionId: r.ingestion_id,
    version: Number(r.version),
    change: r.change,
    changedBy: r.changed_by,
    changedAt: r.changed_at,
    // Versions kept before the version column existed do not carry it.
    previous: { ...decode(JSON.parse(r.previous)), version: Number(r.version) },
  }));
}
