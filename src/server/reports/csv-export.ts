import { type Kysely, sql } from "kysely";
import type { Engine } from "../../db/connection.ts";
import type { Database } from "../../db/schema.ts";
import type { CareScope } from "../../db/tables/care-team.ts";

/**
 * CSV export of every table a person owns: one CSV per table, concatenated into one text/csv
 * file. Each table's block starts with a line `# table: <name>` (one cell, so a spreadsheet shows
 * it as a title row), then the header row with every column of the table, then the rows, then an
 * empty line. Values are as stored (times in UTC ISO-8601, JSON as text). Secrets are left out:
 * the password hash, invitation code hashes, and the sessions, sign-in failure and password
 * reset code tables.
 */

/** How rows of a table belong to a person. */
interface OwnedTable {
  table: string;
  /** Columns whose value is the person's id (any of them makes the row theirs). */
  owners: string[];
  /** Read through another table's rows the person owns: `plan_versions` via `plans`. */
  via?: { column: string; table: string; owners: string[] };
  /** Columns never exported. */
  omit?: string[];
  /** The care scope a clinician needs to receive this table for a patient (none = never). */
  scope?: CareScope;
}

/** Every table with a person's data, and how it is theirs. The export test checks nothing is missing. */
export const OWNED_TABLES: readonly OwnedTable[] = [
  { table: "users", owners: ["id"], omit: ["password_hash"] },
  { table: "profiles", owners: ["user_id"] },
  { table: "products", owners: ["user_id"], scope: "products" },
  { table: "custom_substances", owners: ["user_id"], scope: "doses" },
  { table: "ingestions", owners: ["user_id"], scope: "doses" },
  { table: "ingestion_history", owners: ["user_id"] },
  { table: "assessments", owners: ["user_id"], scope: "assessments" },
  { table: "plans", owners: ["user_id"], scope: "doses" },
  {
    table: "plan_versions",
    owners: [],
    via: { column: "plan_id", table: "plans", owners: ["user_id"] },
    scope: "doses",
  },
  { table: "invitations", owners: ["patient_id"], omit: ["code_hash"] },
  { table: "care_links", owners: ["patient_id", "clinician_id"] },
  { table: "clinical_notes", owners: ["patient_id", "author_id"], scope: "notes" },
  // Clinicians' "seen" on the person's check-ins: part of the person's record (the clinician's
  // own export would otherwise carry ids of the patient's check-ins).
  {
    table: "check_in_acknowledgements",
    owners: [],
    via: { column: "assessment_id", table: "assessments", owners: ["user_id"] },
    scope: "assessments",
  },
  // The person's "quiet for today" on warnings: their own, not shared with clinicians.
  { table: "warning_acknowledgements", owners: ["user_id"] },
  { table: "audit_log", owners: ["subject_id"] },
  // Notifications: the person's in-app list and what was sent to them, the events about them,
  // their choices, and their browsers' push subscriptions without the keys and the push address.
  { table: "notifications", owners: ["recipient_id"] },
  { table: "notification_deliveries", owners: ["recipient_id"] },
  { table: "notification_events", owners: ["subject_id"] },
  { table: "notification_preferences", owners: ["user_id"] },
  { table: "push_subscriptions", owners: ["user_id"], omit: ["endpoint", "p256dh", "auth"] },
];

/** Tables that hold no one's record to export: secrets and throttling state. */
export const NOT_EXPORTED_TABLES: readonly string[] = [
  "sessions",
  "login_failures",
  "password_reset_codes",
  // The server's own Web Push (VAPID) key pair.
  "server_settings",
];

/** A cell as CSV: quoted when needed; text a spreadsheet would run as a formula gets a leading '. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "string" ? value : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const csvRow = (values: readonly unknown[]) => values.map(csvCell).join(",");

const columnCache = new WeakMap<Kysely<Database>, Map<string, string[]>>();

/** Column names of every table of the database in use, in table order (read once per database). */
async function tableColumns(db: Kysely<Database>, engine: Engine): Promise<Map<string, string[]>> {
  const cached = columnCache.get(db);
  if (cached) return cached;
  const rows =
    engine === "postgres"
      ? await sql<{ table: string; column: string }>`
          select table_name as "table", column_name as "column" from information_schema.columns
          where table_schema = current_schema() order by table_name, ordinal_position`.execute(db)
      : await sql<{ table: string; column: string }>`
          select m.name as "table", p.name as "column"
          from sqlite_master m join pragma_table_info(m.name) p
          where m.type = 'table' order by m.name, p.cid`.execute(db);
  const columns = new Map<string, string[]>();
  for (const { table, column } of rows.rows) {
    const list = columns.get(table) ?? [];
    list.push(column);
    columns.set(table, list);
  }
  columnCache.set(db, columns);
  return columns;
}

/** Names of every table in the database in use. */
export async function tableNames(db: Kysely<Database>, engine: Engine): Promise<string[]> {
  return [...(await tableColumns(db, engine)).keys()];
}

export interface CsvExportOptions {
  /** Only the tables these scopes open (a clinician's export); omitted = all the person owns. */
  scopes?: readonly CareScope[];
  /** The person's own row only with these columns (a clinician sees name and zone, not more). */
  userColumns?: readonly string[];
}

/** The person's tables as concatenated CSV. */
export async function csvExport(
  db: Kysely<Database>,
  engine: Engine,
  userId: string,
  options: CsvExportOptions = {},
): Promise<string> {
  const columns = await tableColumns(db, engine);
  const blocks: string[] = [];
  for (const spec of OWNED_TABLES) {
    const scopes = options.scopes;
    const isUsers = spec.table === "users";
    if (scopes && !isUsers && (!spec.scope || !scopes.includes(spec.scope))) continue;
    const all = columns.get(spec.table);
    if (!all) continue;
    const picked = all.filter(
      (c) =>
        !(spec.omit ?? []).includes(c) &&
        (!isUsers || !options.userColumns || options.userColumns.includes(c)),
    );
    // When a clinician exports, a patient's notes are those on the patient's record only.
    const owners = scopes ? spec.owners.slice(0, 1) : spec.owners;
    let query = db
      .selectFrom(sql.table(spec.table).as("t"))
      .select(picked.map((c) => sql.ref(`t.${c}`).as(c)));
    if (spec.via) {
      const via = spec.via;
      query = query.where(
        sql.ref(`t.${via.column}`),
        "in",
        db
          .selectFrom(sql.table(via.table).as("v"))
          .select(sql.ref("v.id").as("id"))
          .where((eb) => eb.or(via.owners.map((o) => eb(sql.ref(`v.${o}`), "=", userId)))),
      );
    } else {
      query = query.where((eb) => eb.or(owners.map((o) => eb(sql.ref(`t.${o}`), "=", userId))));
    }
    const orderColumn =
      ["created_at", "at", "taken_at", "id"].find((c) => all.includes(c)) ?? all[0] ?? "id";
    const rows = (await query.orderBy(sql.ref(`t.${orderColumn}`)).execute()) as Record<
      string,
      unknown
    >[];
    blocks.push(
      [
        csvRow([`# table: ${spec.table}`]),
        csvRow(picked),
        ...rows.map((r) => csvRow(picked.map((c) => r[c]))),
        "",
      ].join("\r\n"),
    );
  }
  return blocks.join("\r\n");
}
