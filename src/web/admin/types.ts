/**
 * The administrator's API answers (src/server/admin/schemas.ts, src/server/audit/routes.ts). Types
 * only: nothing of the server (zod, the knowledge loaders) is bundled into the web app.
 */
import type { z } from "zod";
import type { overviewResponse, usersResponse } from "../../server/admin/schemas.ts";

export type Overview = z.infer<typeof overviewResponse>;
export type UserPage = z.infer<typeof usersResponse>;
export type DirectoryUser = UserPage["users"][number];
export type Role = DirectoryUser["role"];

export const ROLE_LABELS: Record<Role, string> = {
  patient: "Patient",
  clinician: "Clinician",
  admin: "Administrator",
};

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
