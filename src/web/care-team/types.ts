/** Shapes of the care-team API as the browser sees them: the contract's (src/api/care-team.ts). */
import type { z } from "zod";
import type { acknowledgementView, checkInAlertView } from "../../api/care-team-schemas.ts";
import type { contract } from "../../api/contract.ts";
import type { RouteOutput } from "../../api/define.ts";
import type { CareScope } from "../../core/care-scope.ts";

export type Dashboard = RouteOutput<typeof contract.getTriageDashboard>;
export type TriageRow = Dashboard["patients"][number];
export type Timeline = RouteOutput<typeof contract.getPatientTimeline>;
export type CheckInAlert = z.output<typeof checkInAlertView>;
export type Acknowledgement = z.output<typeof acknowledgementView>;
export type InvitationCreated = RouteOutput<typeof contract.createInvitation>;
export type PendingInvitation = RouteOutput<typeof contract.listInvitations>["invitations"][number];
export type CareLink = RouteOutput<typeof contract.listCareLinks>["links"][number];
export type ClinicalNote = RouteOutput<typeof contract.listOwnNotes>["notes"][number];

/** What each scope lets a clinician see, in the person's words. */
export const SCOPE_LABELS: Record<CareScope, string> = {
  doses: "Doses and plans",
  assessments: "Check-ins and scores",
  notes: "Clinician notes",
  products: "Products and lab certificates",
};

export type { AuditEntry } from "../../api/audit.ts";
