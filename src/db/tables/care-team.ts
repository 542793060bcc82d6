/** Consent between a person and their clinicians, and the clinicians' notes. */

export { CARE_SCOPES, type CareScope } from "../../core/care-scope.ts";

export interface InvitationsTable {
  id: string;
  /** SHA-256 of the normalised code; the code itself is shown once to the person and never stored. */
  code_hash: string;
  patient_id: string;
  /** JSON array of `CareScope`. */
  scopes: string;
  /** 1 when the clinician who joins may set plans. */
  may_set_plans: number;
  created_at: string;
  expires_at: string;
  /** When a clinician joined with it (single use); null while unused. */
  used_at: string | null;
  /** The clinician who joined with it. */
  used_by: string | null;
  /** When the person withdrew it before use. */
  cancelled_at: string | null;
}

export interface CareLinksTable {
  id: string;
  patient_id: string;
  clinician_id: string;
  /** JSON array of `CareScope`. */
  scopes: string;
  may_set_plans: number;
  /** The invitation the clinician joined with. */
  invitation_id: string | null;
  created_at: string;
  /** When the person revoked it; null while the clinician has access. */
  revoked_at: string | null;
}

export interface ClinicalNotesTable {
  /** Client-generated uuid. */
  id: string;
  patient_id: string;
  /** The clinician who wrote it; null once that account is deleted. */
  author_id: string | null;
  body: string;
  created_at: string;
}

/** A clinician saw a check-in that raised a red flag or a reported sign. */
export interface CheckInAcknowledgementsTable {
  assessment_id: string;
  clinician_id: string;
  acknowledged_at: string;
}

export interface CareTeamTables {
  invitations: InvitationsTable;
  care_links: CareLinksTable;
  clinical_notes: ClinicalNotesTable;
  check_in_acknowledgements: CheckInAcknowledgementsTable;
}
