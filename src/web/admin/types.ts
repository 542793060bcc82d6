/** The administrator's API answers (src/server/admin/schemas.ts, src/server/audit/routes.ts). */

export type Role = "patient" | "clinician" | "admin";

export const ROLE_LABELS: Record<Role, string> = {
  patient: "Patient",
  clinician: "Clinician",
  admin: "Administrator",
};

export interface Overview {
  version: string;
  database: { engine: "sqlite" | "postgres" };
  users: Record<Role, number> & { total: number };
  knowledge: { files: { file: string; version: string; as_of: string }[] };
  backup: { command: string; advice: string };
}

export interface DirectoryUser {
  id: string;
  email: string;
  displayName: string | null;
  role: Role;
  createdAt: string;
  lastSignInAt: string | null;
}

export interface UserPage {
  users: DirectoryUser[];
  total: number;
  limit: number;
  offset: number;
}

export interface AdminAuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  subjectId: string | null;
  subjectName: string | null;
  subjectEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  address: string | null;
}
