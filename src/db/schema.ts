/**
 * Table types for Kysely. Times are UTC ISO-8601 text on both engines; booleans are 0/1
 * integers; JSON is text. Each feature adds its tables here and a migration beside it.
 */
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

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
}
