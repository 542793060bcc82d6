import type { ClinicianApproval } from "../../core/accounts/clinician-approval.ts";
/** Tables of accounts, sessions, sign-in throttling and the audit log. */
export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  role: "patient" | "clinician" | "admin";
  display_name: string | null;
  time_zone: string;
  jurisdiction: string | null;
  created_at: string;
  updated_at: string;
  /** When an administrator disabled the account; null while it may sign in. */
  disabled_at: string | null;
  /** A clinician's licence or role as they entered it; null for other accounts. */
  licence: string | null;
  /** A clinician's standing (core/accounts/clinician-approval.ts); null for other accounts. */
  approval: ClinicianApproval | null;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself lives only in the person's cookie. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface LoginFailuresTable {
  id: string;
  /** `account:<email>` or `address:<ip>`. */
  key: string;
  failed_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  /** Whose data was read or changed. */
  subject_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  address: string | null;
  details: string | null;
}

/** One-time password reset codes an administrator issued; only a SHA-256 of each is kept. */
export interface PasswordResetCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  /** When the code was used; a code works once. */
  used_at: string | null;
}

export interface AccountTables {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  password_reset_codes: PasswordResetCodesTable;
}
