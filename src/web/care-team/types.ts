/**
 * Shapes of the care-team API as the browser sees them. Types only: nothing of the server (zod,
 * the knowledge loaders) is bundled into the web app.
 */
import type { z } from "zod";
import type {
  acknowledgementView,
  checkInAlertView,
  dashboardResponse,
  timelineResponse,
  triageRowView,
} from "../../server/care-team/clinician-schemas.ts";
import type {
  invitationCreated,
  linkView,
  noteView,
  pendingInvitation,
} from "../../server/care-team/schemas.ts";

export type Dashboard = z.infer<typeof dashboardResponse>;
export type TriageRow = z.infer<typeof triageRowView>;
export type Timeline = z.infer<typeof timelineResponse>;
export type CheckInAlert = z.infer<typeof checkInAlertView>;
export type Acknowledgement = z.infer<typeof acknowledgementView>;
export type InvitationCreated = z.infer<typeof invitationCreated>;
export type PendingInvitation = z.infer<typeof pendingInvitation>;
export type CareLink = z.infer<typeof linkView>;
export type ClinicalNote = z.infer<typeof noteView>;

export type CareScope = "doses" | "assessments" | "notes" | "products";

/** What each scope lets a clinician see, in the person's words. */
export const SCOPE_LABELS: Record<CareScope, string> = {
  doses: "Doses and plans",
  assessments: "Check-ins and scores",
  notes: "Clinician notes",
  products: "Products and lab certificates",
};

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  address: string | null;
}
