import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import type { ClinicianApproval } from "../core/accounts/clinician-approval.ts";
import type { Database } from "./schema.ts";
import {
  CARE_SCOPES,
  type CareLinksTable,
  type CareScope,
  type InvitationsTable,
} from "./tables/care-team.ts";
import { inTransaction } from "./transaction.ts";

/**
 * Repository of consent: invitations a person hands to a clinician, and the links that give a
 * clinician access. Every function reads the database afresh, so a revocation is effective on the
 * very next request. Times are UTC ISO-8601.
 */

export interface InvitationRecord {
  id: string;
  patientId: string;
  scopes: CareScope[];
  maySetPlans: boolean;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  usedBy: string | null;
  cancelledAt: string | null;
}

export interface CareLinkRecord {
  id: string;
  patientId: string;
  clinicianId: string;
  scopes: CareScope[];
  maySetPlans: boolean;
  invitationId: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** A link with the other person's name, for lists. */
export interface CareLinkWithPerson extends CareLinkRecord {
  person: { id: string; email: string; displayName: string | null; timeZone: string };
}

/** A person's link with what their clinician entered and whether an administrator approved it. */
export interface CareLinkOfPatient extends CareLinkWithPerson {
  clinician: { licence: string | null; approval: ClinicianApproval | null };
}

/** Scopes as stored: a JSON array in the canonical order of `CARE_SCOPES`, no duplicates. */
export function encodeScopes(scopes: readonly CareScope[]): string {
  return JSON.stringify(CARE_SCOPES.filter((s) => scopes.includes(s)));
}

export function decodeScopes(text: string): CareScope[] {
  const parsed = JSON.parse(text) as unknown;
  if (!Array.isArray(parsed)) return [];
  return CARE_SCOPES.filter((s) => parsed.includes(s));
}

/**
 * A SQL LIKE pattern that matches a stored scopes array holding `scope`. Safe because scopes are
 * written only by `encodeScopes` (JSON strings of known words, each quoted).
 */
export const scopePattern = (scope: CareScope) => `%"${scope}"%`;

function decodeInvitation(row: Selectable<InvitationsTable>): InvitationRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    scopes: decodeScopes(row.scopes),
    maySetPlans: Number(row.may_set_plans) === 1,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    usedBy: row.used_by,
    cancelledAt: row.cancelled_at,
  };
}

function decodeLink(row: Selectable<CareLinksTable>): CareLinkRecord {
  return {
    id: row.id,
    patientId: row.patient_id,
    clinicianId: row.clinician_id,
    scopes: decodeScopes(row.scopes),
    maySetPlans: Number(row.may_set_plans) === 1,
    invitationId: row.invitation_id,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export interface NewInvitation {
  codeHash: string;
  patientId: string;
  scopes: readonly CareScope[];
  maySetPlans: boolean;
  now: Date;
  expiresAt: Date;
}

export async function insertInvitation(
  db: Kysely<Database>,
  invitation: NewInvitation,
): Promise<InvitationRecord> {
  const id = randomUUID();
  await db
    .insertInto("invitations")
    .values({
      id,
      code_hash: invitation.codeHash,
      patient_id: invitation.patientId,
      scopes: encodeScopes(invitation.scopes),
      may_set_plans: invitation.maySetPlans ? 1 : 0,
      created_at: invitation.now.toISOString(),
      expires_at: invitation.expiresAt.toISOString(),
      used_at: null,
      used_by: null,
      cancelled_at: null,
    })
    .execute();
  const row = await db
    .selectFrom("invitations")
    .selectAll()
    .where("id", "=", id)
    .executeTakeFirst();
  if (!row) throw new Error(`invitation ${id} vanished after insert`);
  return decodeInvitation(row);
}

/** The person's invitations that are neither used, cancelled nor expired, newest first. */
export async function listPendingInvitations(
  db: Kysely<Database>,
  patientId: string,
  now: Date,
): Promise<InvitationRecord[]> {
  const rows = await db
    .selectFrom("invitations")
    .selectAll()
    .where("patient_id", "=", patientId)
    .where("used_at", "is", null)
    .where("cancelled_at", "is", null)
    .where("expires_at", ">", now.toISOString())
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map(decodeInvitation);
}

/** Withdraws an unused invitation of the person; false when there is no such pending one. */
export async function cancelInvitation(
  db: Kysely<Database>,
  patientId: string,
  invitationId: string,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable("invitations")
    .set({ cancelled_at: now.toISOString() })
    .where("id", "=", invitationId)
    .where("patient_id", "=", patientId)
    .where("used_at", "is", null)
    .where("cancelled_at", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type Redemption =
  | { outcome: "joined"; link: CareLinkRecord }
  /** This clinician joined with this code before: the same link again (a retry). */
  | { outcome: "already"; link: CareLinkRecord }
  /** Unknown, expired, cancelled, used by someone else, or the person's own code. */
  | { outcome: "invalid" };

/**
 * Uses an invitation code once: marks it used (only if still unused, unexpired and not cancelled,
 * in the same statement, so two clinicians racing for one code cannot both win), ends any live
 * link the pair had, and creates the new link with the invitation's scopes.
 */
export async function redeemInvitation(
  db: Kysely<Database>,
  codeHash: string,
  clinicianId: string,
  now: Date,
): Promise<Redemption> {
  const at = now.toISOString();
  return inTransaction(db, async (trx): Promise<Redemption> => {
    const row = await trx
      .selectFrom("invitations")
      .selectAll()
      .where("code_hash", "=", codeHash)
      .executeTakeFirst();
    if (!row || row.patient_id === clinicianId) return { outcome: "invalid" };
    if (row.used_at !== null) {
      if (row.used_by !== clinicianId) return { outcome: "invalid" };
      const existing = await trx
        .selectFrom("care_links")
        .selectAll()
        .where("invitation_id", "=", row.id)
        .executeTakeFirst();
      return existing ? { outcome: "already", link: decodeLink(existing) } : { outcome: "invalid" };
    }
    const claimed = await trx
      .updateTable("invitations")
      .set({ used_at: at, used_by: clinicianId })
      .where("id", "=", row.id)
      .where("used_at", "is", null)
      .where("cancelled_at", "is", null)
      .where("expires_at", ">", at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { outcome: "invalid" };
    await trx
      .updateTable("care_links")
      .set({ revoked_at: at })
      .where("patient_id", "=", row.patient_id)
      .where("clinician_id", "=", clinicianId)
      .where("revoked_at", "is", null)
      .execute();
    const id = randomUUID();
    await trx
      .insertInto("care_links")
      .values({
        id,
        patient_id: row.patient_id,
        clinician_id: clinicianId,
        scopes: row.scopes,
        may_set_plans: row.may_set_plans,
        invitation_id: row.id,
        created_at: at,
        revoked_at: null,
      })
      .execute();
    const link = await trx
      .selectFrom("care_links")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return { outcome: "joined", link: decodeLink(link) };
  });
}

/** The live link between this clinician and this person, or undefined: no consent. */
export async function findLiveLink(
  db: Kysely<Database>,
  clinicianId: string,
  patientId: string,
): Promise<CareLinkRecord | undefined> {
  const row = await db
    .selectFrom("care_links")
    .selectAll()
    .where("clinician_id", "=", clinicianId)
    .where("patient_id", "=", patientId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  return row ? decodeLink(row) : undefined;
}

const personColumns = [
  "users.id as personId",
  "users.email as personEmail",
  "users.display_name as personDisplayName",
  "users.time_zone as personTimeZone",
] as const;

type LinkRowWithPerson = Selectable<CareLinksTable> & {
  personId: string;
  personEmail: string;
  personDisplayName: string | null;
  personTimeZone: string;
};

function decodeLinkWithPerson(row: LinkRowWithPerson): CareLinkWithPerson {
  return {
    ...decodeLink(row),
    person: {
      id: row.personId,
      email: row.personEmail,
      displayName: row.personDisplayName,
      timeZone: row.personTimeZone,
    },
  };
}

/**
 * The person's links with each clinician's name, newest first: live ones, and revoked ones too
 * when `includeRevoked` (so the person sees who had access and when it ended).
 */
export async function listLinksOfPatient(
  db: Kysely<Database>,
  patientId: string,
  options: { includeRevoked?: boolean } = {},
): Promise<CareLinkOfPatient[]> {
  let query = db
    .selectFrom("care_links")
    .innerJoin("users", "users.id", "care_links.clinician_id")
    .selectAll("care_links")
    .select(personColumns)
    .select(["users.licence as clinicianLicence", "users.approval as clinicianApproval"])
    .where("care_links.patient_id", "=", patientId);
  if (!options.includeRevoked) query = query.where("care_links.revoked_at", "is", null);
  const rows = await query
    .orderBy("care_links.created_at", "desc")
    .orderBy("care_links.id")
    .execute();
  return rows.map((row) => ({
    ...decodeLinkWithPerson(row),
    clinician: { licence: row.clinicianLicence, approval: row.clinicianApproval },
  }));
}

/**
 * Revokes one of the person's live links. `revoked` is true when this call ended it, false when
 * it had been revoked before (a retry); undefined when the person has no such link.
 */
export async function revokeLink(
  db: Kysely<Database>,
  patientId: string,
  linkId: string,
  now: Date,
): Promise<{ revoked: boolean; link: CareLinkRecord } | undefined> {
  const result = await db
    .updateTable("care_links")
    .set({ revoked_at: now.toISOString() })
    .where("id", "=", linkId)
    .where("patient_id", "=", patientId)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  const row = await db
    .selectFrom("care_links")
    .selectAll()
    .where("id", "=", linkId)
    .where("patient_id", "=", patientId)
    .executeTakeFirst();
  return row ? { revoked: Number(result.numUpdatedRows) === 1, link: decodeLink(row) } : undefined;
}
