import { assessmentBody, recordResponse } from "./assessments.ts";
import {
  acknowledgeResponse,
  checkInParams,
  dashboardQuery,
  dashboardResponse,
  idParams,
  invitationBody,
  invitationCreated,
  joinBody,
  joinResponse,
  linksQuery,
  linksResponse,
  noteBody,
  noteResponse,
  notesResponse,
  patientPlanParams,
  pendingInvitations,
  timelineResponse,
} from "./care-team-schemas.ts";
import { route } from "./define.ts";
import { patientParams } from "./patient-params.ts";
import {
  ADHERENCE_DESCRIPTION,
  adherenceQuery,
  adherenceResponse,
  createPlanBody,
  PLAN_GOVERNANCE_RULE,
  planListResponse,
  planResponse,
  revisePlanBody,
} from "./plan-schemas.ts";
import { rangeQuery } from "./report-schemas.ts";

const TIMELINE_DESCRIPTION =
  "Each section is present only when the patient's consent includes its scope: doses and plans " +
  "(`doses`; plans with every version), assessments and trends (`assessments`), products " +
  "(`products`), notes (`notes`). With assessments come `alerts` (each check-in in the range " +
  "that raised a red flag or a reported sign, named by item) and `acknowledgements` (every " +
  'clinician\'s "seen" on them). Without `from`, the range starts at the beginning of the ' +
  "patient's day (in their time zone) 30 days before `to`, so every day in it is whole.";

const DASHBOARD_DESCRIPTION =
  "One page of the patients (`pageSize`, 50 by default; a page past the last answers the last). " +
  "`q` searches names and e-mail addresses; `level` keeps one level, or `attention` every level " +
  "but ok; `quiet=N` keeps people who share check-ins and sent none in N days (days before the " +
  "link do not count). `sort` is `urgency` (worst first), `name` (A-Z), `last-entry` (newest " +
  "first) or `plan` (most doses over plan first); `dir` reverses it. Ties keep the urgency " +
  "order. `total` and `levels` count every patient; `matched` those found. Each patient on the " +
  "page is recorded in their access log.";

/**
 * Consent, the person's side: invite (a single-use code), see who has access, revoke, read the
 * notes. Patients only; each sees their own.
 */
export const consentRoutes = {
  createInvitation: route({
    method: "POST",
    path: "/api/care/invitations",
    tag: "care team",
    summary: "Create a single-use invitation code (24 h) with what the clinician may see",
    access: ["patient"],
    body: invitationBody,
    responses: { 201: invitationCreated },
  }),
  listInvitations: route({
    method: "GET",
    path: "/api/care/invitations",
    tag: "care team",
    summary: "The person's unused, unexpired invitations (codes are never shown again)",
    access: ["patient"],
    responses: { 200: pendingInvitations },
  }),
  withdrawInvitation: route({
    method: "DELETE",
    path: "/api/care/invitations/:id",
    tag: "care team",
    summary: "Withdraw an unused invitation",
    access: ["patient"],
    params: idParams,
    responses: { 204: null },
  }),
  listCareLinks: route({
    method: "GET",
    path: "/api/care/links",
    tag: "care team",
    summary: "Who has access to the person's data (include=all adds revoked links)",
    access: ["patient"],
    query: linksQuery,
    responses: { 200: linksResponse },
  }),
  revokeCareLink: route({
    method: "DELETE",
    path: "/api/care/links/:id",
    tag: "care team",
    summary: "Revoke a clinician's access, effective on their next request",
    access: ["patient"],
    params: idParams,
    responses: { 204: null },
  }),
  listOwnNotes: route({
    method: "GET",
    path: "/api/care/notes",
    tag: "care team",
    summary: "Notes the person's clinicians wrote on their record",
    access: ["patient"],
    responses: { 200: notesResponse },
  }),
};

/**
 * The clinician's side: join with a code, the triage dashboard, and one consenting patient's
 * record, notes, check-ins and plans. Clinicians only; about a patient without a live link the
 * answer is the 404 of a patient who does not exist, and each route needs its scope.
 */
export const clinicianRoutes = {
  joinCareTeam: route({
    method: "POST",
    path: "/api/care/join",
    tag: "care team",
    summary: "A clinician joins a patient's care team with the code the patient gave",
    access: ["clinician"],
    body: joinBody,
    responses: { 200: joinResponse, 201: joinResponse },
  }),
  getTriageDashboard: route({
    method: "GET",
    path: "/api/clinician/patients",
    tag: "clinician",
    summary: "Triage dashboard: consenting patients, worst first, with 14-day sparklines",
    description: DASHBOARD_DESCRIPTION,
    access: ["clinician"],
    query: dashboardQuery,
    responses: { 200: dashboardResponse },
  }),
  getPatientTimeline: route({
    method: "GET",
    path: "/api/clinician/patients/:id/timeline",
    tag: "clinician",
    summary: "A consenting patient's doses, assessments, plans, products and notes, by scope",
    description: TIMELINE_DESCRIPTION,
    access: ["clinician"],
    params: patientParams,
    query: rangeQuery,
    responses: { 200: timelineResponse },
  }),
  writePatientNote: route({
    method: "POST",
    path: "/api/clinician/patients/:id/notes",
    tag: "clinician",
    summary: "Write a note on a consenting patient's record (needs the notes scope)",
    access: ["clinician"],
    params: patientParams,
    body: noteBody,
    responses: { 200: noteResponse, 201: noteResponse },
  }),
  recordPatientAssessment: route({
    method: "POST",
    path: "/api/clinician/patients/:id/assessments",
    tag: "clinician",
    summary: "Record an assessment (COWS) for a consenting patient (needs the assessments scope)",
    access: ["clinician"],
    params: patientParams,
    body: assessmentBody,
    responses: { 200: recordResponse, 201: recordResponse },
  }),
  acknowledgeCheckIn: route({
    method: "POST",
    path: "/api/clinician/patients/:id/check-ins/:assessmentId/seen",
    tag: "clinician",
    summary: "Mark a check-in's red flags and reported signs as seen (needs assessments)",
    description:
      "Takes the check-in out of this clinician's urgent and open signals on the dashboard " +
      "(other clinicians keep theirs). Recorded with who and when, and in the patient's " +
      "access log; sending it again answers 200 with the first time.",
    access: ["clinician"],
    params: checkInParams,
    responses: { 200: acknowledgeResponse, 201: acknowledgeResponse },
  }),
  listPatientPlans: route({
    method: "GET",
    path: "/api/clinician/patients/:id/plans",
    tag: "clinician",
    summary: "A consenting patient's plans (needs doses, or permission to set plans)",
    access: ["clinician"],
    params: patientParams,
    responses: { 200: planListResponse },
  }),
  createPatientPlan: route({
    method: "POST",
    path: "/api/clinician/patients/:id/plans",
    tag: "clinician",
    summary: "Set a plan for a patient who allowed it; ends their plan for the same substance",
    description: PLAN_GOVERNANCE_RULE,
    access: ["clinician"],
    params: patientParams,
    body: createPlanBody,
    responses: { 200: planResponse, 201: planResponse },
  }),
  revisePatientPlan: route({
    method: "PUT",
    path: "/api/clinician/patients/:id/plans/:planId",
    tag: "clinician",
    summary: "Change a patient's plan (adds a version) when they allowed it",
    access: ["clinician"],
    params: patientPlanParams,
    body: revisePlanBody,
    responses: { 200: planResponse },
  }),
  endPatientPlan: route({
    method: "POST",
    path: "/api/clinician/patients/:id/plans/:planId/end",
    tag: "clinician",
    summary: "End a patient's plan when they allowed it",
    description: PLAN_GOVERNANCE_RULE,
    access: ["clinician"],
    params: patientPlanParams,
    responses: { 200: planResponse },
  }),
  getPatientPlanAdherence: route({
    method: "GET",
    path: "/api/clinician/patients/:id/plans/:planId/adherence",
    tag: "clinician",
    summary: "Taken against planned per day for a patient's plan, in their time zone",
    description: ADHERENCE_DESCRIPTION,
    access: ["clinician"],
    params: patientPlanParams,
    query: adherenceQuery,
    responses: { 200: adherenceResponse },
  }),
};
