/** The administrator's API answers, as the contract (src/api/admin.ts) declares them. */
import type { contract } from "../../api/contract.ts";
import type { RouteOutput } from "../../api/define.ts";

export type Overview = RouteOutput<typeof contract.getAdminOverview>;
export type UserPage = RouteOutput<typeof contract.listUsers>;
export type DirectoryUser = UserPage["users"][number];
export type Role = DirectoryUser["role"];

export const ROLE_LABELS: Record<Role, string> = {
  patient: "Patient",
  clinician: "Clinician",
  admin: "Administrator",
};
