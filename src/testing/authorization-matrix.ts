import { randomUUID } from "node:crypto";
import { contract, type RouteName } from "../api/contract.ts";
import type { Access, Role } from "../api/define.ts";
import { routeUrl } from "../api/path.ts";
import { addDays } from "../core/plan/index.ts";
import { answersFor } from "./care-team-records.ts";
import type { ApiClient } from "./test-server.ts";

/**
 * The authorization matrix's route table: one row per route of the contract (src/api), by its
 * name, saying how to call it about one patient's records (the owner's) and what a caller the
 * route's `access` admits must get. A caller it does not admit gets 401 (no session) or 403
 * (another role), read from `access`, never typed here. authorization-matrix.api.test.ts walks it
 * on both engines; a contract route without a row fails to type-check, and fails the test.
 */

/**
 * Who calls: nobody signed in; the patient whose records the request names; another patient
 * naming them; a clinician the owner consented to (every scope, may set plans); one with a narrow
 * consent (assessments only); one without consent; one whose consent the owner revoked; one the
 * owner consented to (every scope) whose account still waits for an administrator's approval; an
 * administrator.
 */
export const CALLERS = [
  "stranger",
  "owner",
  "otherPatient",
  "consenting",
  "narrow",
  "nonConsenting",
  "revoked",
  "unverified",
  "admin",
] as const;
export type Caller = (typeof CALLERS)[number];

/** Kinds of the owner's data, to say which a caller may see in a successful answer. */
export type Section =
  | "identity" // the owner's user id
  | "contact" // email and display name
  | "doses" // doses and custom substances
  | "products"
  | "assessments"
  | "plans"
  | "notes" // clinicians' notes on the owner's record
  | "care"; // invitations and care links (a clinician always sees its own link)

export const ALL_SECTIONS: readonly Section[] = [
  "identity",
  "contact",
  "doses",
  "products",
  "assessments",
  "plans",
  "notes",
  "care",
];

/** The owner's records the rows address (ids of no record at all in a "ghost" scope). */
export interface OwnerRecord {
  patientId: string;
  planId: string;
  doseId: string;
  productId: string;
  /** A check-in of the owner's that raised a red flag. */
  redFlagCheckInId: string;
}

/** Records and sessions made for one request, so destructive rows never depend on order. */
export interface Fresh {
  /** A new dose, plan, product, pending invitation or live care link of the owner's. */
  dose(): Promise<string>;
  plan(): Promise<string>;
  product(): Promise<string>;
  invitation(): Promise<string>;
  link(): Promise<string>;
  /** A second session of the caller (for the stranger: a new client with no session). */
  session(): Promise<ApiClient>;
  /** A new account of the caller's role, signed in, and its password. */
  account(): Promise<{ client: ApiClient; email: string; password: string }>;
}

export interface Scope {
  caller: Caller;
  /**
   * True when building the "missing record" twin of a request: every owner id is then an id no
   * record has, and `fresh` makes nothing. A refused request must be answered exactly like it.
   */
  ghost: boolean;
  owner: OwnerRecord;
  /** Today (UTC, the owner's zone) on the server's clock, and the clock's time. */
  today: string;
  now: Date;
  /** The caller's own email and password (the stranger: an address with no account). */
  credentials: { email: string; password: string };
  /** The invitation code this clinician redeemed; for anyone else, one that someone else used. */
  joinCode: string;
  /** An evidence claim that exists. */
  evidenceId: string;
  fresh: Fresh;
}

export interface MatrixRequest {
  path: string;
  body?: unknown;
  /** Send with this client instead of the caller's usual one (a session the row may end). */
  client?: ApiClient;
}

export interface RouteRow {
  request: (s: Scope) => MatrixRequest | Promise<MatrixRequest>;
  /** The status of each caller the route's access admits, unless `admitted` says otherwise. */
  ok: number;
  /** Admitted callers whose answer differs: ownership, consent, their own credentials. */
  admitted?: Partial<Record<Caller, number>>;
  /** Which of the owner's data each caller may find in a success (the owner: all of it). */
  sees?: Partial<Record<Caller, readonly Section[]>>;
}

/** The role of each signed-in caller. */
const ROLE_OF: Record<Exclude<Caller, "stranger">, Role> = {
  owner: "patient",
  otherPatient: "patient",
  consenting: "clinician",
  narrow: "clinician",
  nonConsenting: "clinician",
  revoked: "clinician",
  unverified: "clinician",
  admin: "admin",
};

/** Whether a route's access lets a caller past the role check to the handler. */
export function admits(access: Access, caller: Caller): boolean {
  if (access === "public") return true;
  if (caller === "stranger") return false;
  return access === "signedIn" || access.includes(ROLE_OF[caller]);
}

/** What a caller must get: 401 or 403 from the route's access, or else what the row says. */
export function expectedStatus(access: Access, row: RouteRow, caller: Caller): number {
  if (!admits(access, caller)) return caller === "stranger" ? 401 : 403;
  return row.admitted?.[caller] ?? row.ok;
}

/**
 * What a consenting clinician may see of the patient: everything shared, but not the patient's
 * invitations or other clinicians' links. The narrow consent: assessments only, no plans.
 */
const CONSENTING_SECTIONS: readonly Section[] = ALL_SECTIONS.filter((s) => s !== "care");
const NARROW_SECTIONS: readonly Section[] = ["identity", "contact", "assessments"];
const clinicianSees = { consenting: CONSENTING_SECTIONS, narrow: NARROW_SECTIONS };

// ---- Bodies ----

const planDefinition = (today: string, substanceId = "magnesium-glycinate") => ({
  kind: "taper",
  substanceId,
  unit: "g",
  startDate: today,
  startAmountPerDay: 9,
  step: { kind: "percent", percent: 10 },
  stepLengthDays: 7,
  limitAmountPerDay: 1,
});

/** A new version of the owner's kratom plan (the seeded one) that still validates. */
const revisedKratomPlan = (today: string, maxPerDose: number) => ({
  definition: {
    ...planDefinition(addDays(today, -7), "kratom-leaf"),
    startAmountPerDay: 10,
    step: { kind: "amount", amount: 1 },
    limitAmountPerDay: 2,
    maxPerDose,
    minHoursBetweenDoses: 3,
  },
});

const minutesAgo = (s: Scope, minutes: number) =>
  new Date(s.now.getTime() - minutes * 60_000).toISOString();

const clinician = (s: Scope, rest = "") => `/api/clinician/patients/${s.owner.patientId}${rest}`;

/** A clinician's download of the owner's record: what the consent's scopes allow. */
const patientExport = (
  name: "exportPatientPdf" | "exportPatientFhir" | "exportPatientCsv",
): RouteRow => ({
  request: (s) => ({ path: routeUrl(contract[name].path, { id: s.owner.patientId }) }),
  ok: 404,
  admitted: { consenting: 200, narrow: 200, unverified: 403 },
  sees: clinicianSees,
});

export const ROUTES: Record<RouteName, RouteRow> = {
  // ---- System and public knowledge ----
  health: {
    request: () => ({ path: "/api/health" }),
    ok: 200,
  },
  ready: {
    request: () => ({ path: "/api/ready" }),
    ok: 200,
  },
  listInstruments: {
    request: () => ({ path: "/api/instruments" }),
    ok: 200,
  },
  getCatalog: {
    request: () => ({ path: "/api/substances" }),
    ok: 200,
  },
  // One's own safety profile: each caller reads and replaces only their own.
  getProfile: {
    request: () => ({ path: "/api/profile" }),
    ok: 200,
  },
  updateProfile: {
    request: () => ({ path: "/api/profile", body: { conditions: [], medicines: [] } }),
    ok: 200,
  },
  searchJurisdictions: {
    request: () => ({ path: "/api/legal/jurisdictions" }),
    ok: 200,
  },
  getJurisdiction: {
    request: () => ({ path: "/api/legal/jurisdictions/US" }),
    ok: 200,
  },
  checkCoa: {
    request: () => ({ path: "/api/coa/check", body: { sevenOhPercent: 0.01, lot: "L-1" } }),
    ok: 200,
  },
  listEvidence: {
    request: () => ({ path: "/api/evidence" }),
    ok: 200,
  },
  getEvidenceClaim: {
    request: (s) => ({ path: `/api/evidence/${s.evidenceId}` }),
    ok: 200,
  },
  getFirstLineCare: {
    request: () => ({ path: "/api/first-line-care" }),
    ok: 200,
  },
  searchKnowledge: {
    request: () => ({ path: "/api/search?q=kratom" }),
    ok: 200,
  },
  getKnowledgeVersion: {
    request: () => ({ path: "/api/knowledge/version" }),
    ok: 200,
  },
  // ---- Accounts and sessions ----
  register: {
    // From a session of its own: registering signs the client in as the new account.
    request: async (s) => ({
      path: "/api/auth/register",
      client: await s.fresh.session(),
      body: {
        email: `matrix-${randomUUID()}@example.org`,
        password: "tidal-forest-lamp-42",
        role: "patient",
      },
    }),
    ok: 201,
  },
  login: {
    // Each caller signs in again as itself (the client keeps the new session); the stranger
    // names an address with no account.
    request: (s) => ({ path: "/api/auth/login", body: s.credentials }),
    ok: 200,
    admitted: { stranger: 401 },
  },
  logout: {
    request: async (s) => ({ path: "/api/auth/logout", client: await s.fresh.session() }),
    ok: 204,
  },
  getMe: {
    request: () => ({ path: "/api/me" }),
    ok: 200,
  },
  getDeviceKey: {
    request: () => ({ path: "/api/me/device-key" }),
    ok: 200,
  },
  updateMe: {
    request: () => ({ path: "/api/me", body: { timeZone: "UTC" } }),
    ok: 200,
  },
  deleteAccount: {
    // Each caller deletes an account of its own role made for this request.
    request: async (s) => {
      if (s.caller === "stranger") return { path: "/api/me", body: { password: "any-password-1" } };
      const account = await s.fresh.account();
      return { path: "/api/me", client: account.client, body: { password: account.password } };
    },
    ok: 204,
  },
  changePassword: {
    // Each caller changes the password of an account of its own role made for this request.
    request: async (s) => {
      const body = (current: string) => ({
        currentPassword: current,
        newPassword: "quiet-harbour-stone-77",
      });
      if (s.caller === "stranger")
        return { path: "/api/me/password", body: body("any-password-1") };
      const account = await s.fresh.account();
      return { path: "/api/me/password", client: account.client, body: body(account.password) };
    },
    ok: 200,
  },
  logoutEverywhere: {
    // From an account made for this request: it ends every session of that account.
    request: async (s) => {
      if (s.caller === "stranger") return { path: "/api/auth/logout-everywhere" };
      const account = await s.fresh.account();
      return { path: "/api/auth/logout-everywhere", client: account.client };
    },
    ok: 200,
  },
  resetPassword: {
    // Anyone may try a code; a wrong one is refused alike for every address.
    request: (s) => ({
      path: "/api/auth/reset-password",
      body: {
        email: s.credentials.email,
        code: "ZZZZ-ZZZZ",
        newPassword: "quiet-harbour-stone-77",
      },
    }),
    ok: 400,
  },

  // ---- Catalog, products ----
  listCustomSubstances: {
    request: () => ({ path: "/api/custom-substances" }),
    ok: 200,
  },
  createCustomSubstance: {
    request: () => ({
      path: "/api/custom-substances",
      body: { id: randomUUID(), name: "Matrix tea", classId: null },
    }),
    ok: 201,
  },
  createProduct: {
    request: () => ({
      path: "/api/products",
      body: {
        id: randomUUID(),
        vendor: "Acme",
        name: "Caps",
        form: "capsules",
        gramsPerCapsule: 0.5,
      },
    }),
    ok: 201,
  },
  listProducts: {
    request: () => ({ path: "/api/products" }),
    ok: 200,
  },
  getProduct: {
    request: (s) => ({ path: `/api/products/${s.owner.productId}` }),
    ok: 404,
    admitted: { owner: 200 },
  },
  updateProduct: {
    request: (s) => ({ path: `/api/products/${s.owner.productId}`, body: { lot: "L-7" } }),
    ok: 404,
    admitted: { owner: 200 },
  },
  deleteProduct: {
    request: async (s) => ({ path: `/api/products/${await s.fresh.product()}` }),
    ok: 404,
    admitted: { owner: 204 },
  },
  // ---- Dose log ----
  createIngestion: {
    request: (s) => ({
      path: "/api/ingestions",
      body: {
        id: randomUUID(),
        substance: "magnesium-glycinate",
        amount: 200,
        unit: "mg",
        takenAt: minutesAgo(s, 1),
      },
    }),
    ok: 201,
  },
  listIngestions: {
    request: () => ({ path: "/api/ingestions" }),
    ok: 200,
  },
  listRecentSubjects: {
    request: () => ({ path: "/api/ingestions/recent" }),
    ok: 200,
  },
  checkSafety: {
    // Names the owner's dose and product: only the owner may use them; anyone
    // else gets the answer for ids that do not exist.
    request: (s) => ({
      path: "/api/safety/check",
      body: {
        id: s.owner.doseId,
        productId: s.owner.productId,
        amount: 2,
        unit: "capsule",
        takenAt: minutesAgo(s, 1),
      },
    }),
    ok: 400,
    admitted: { owner: 200 },
  },
  getIngestion: {
    request: (s) => ({ path: `/api/ingestions/${s.owner.doseId}` }),
    ok: 404,
    admitted: { owner: 200 },
  },
  updateIngestion: {
    request: (s) => ({ path: `/api/ingestions/${s.owner.doseId}`, body: { amount: 2 } }),
    ok: 404,
    admitted: { owner: 200 },
  },
  deleteIngestion: {
    request: async (s) => ({ path: `/api/ingestions/${await s.fresh.dose()}` }),
    ok: 404,
    admitted: { owner: 204 },
  },
  getIngestionHistory: {
    request: (s) => ({ path: `/api/ingestions/${s.owner.doseId}/history` }),
    ok: 404,
    admitted: { owner: 200 },
  },
  getToday: {
    request: () => ({ path: "/api/today" }),
    ok: 200,
  },
  // Each signed-in caller acknowledges (and lists) warnings of its own day; no one else's.
  listAcknowledgedWarnings: {
    request: () => ({ path: "/api/me/acknowledged-warnings" }),
    ok: 200,
  },
  acknowledgeWarning: {
    request: () => ({
      path: "/api/me/acknowledged-warnings",
      body: { code: "amount.kratom-leaf-dose-over-tripsit-strong" },
    }),
    ok: 201,
  },
  // ---- Assessments ----
  recordAssessment: {
    request: (s) => ({
      path: "/api/assessments",
      body: {
        id: randomUUID(),
        instrument: "sows-gossop",
        answers: answersFor("sows-gossop", () => 1),
        takenAt: minutesAgo(s, 1),
      },
    }),
    ok: 201,
  },
  listAssessments: {
    request: () => ({ path: "/api/assessments" }),
    ok: 200,
  },
  getAssessmentTrends: {
    request: () => ({ path: "/api/assessments/trends" }),
    ok: 200,
  },
  // ---- One's own plans ----
  createPlan: {
    request: (s) => ({
      path: "/api/plans",
      body: { id: randomUUID(), definition: planDefinition(s.today) },
    }),
    ok: 201,
  },
  listPlans: {
    request: () => ({ path: "/api/plans" }),
    ok: 200,
  },
  getPlansToday: {
    request: () => ({ path: "/api/plans/today" }),
    ok: 200,
  },
  previewPlan: {
    request: (s) => ({
      path: "/api/plans/preview",
      body: { definition: planDefinition(s.today), days: 14 },
    }),
    ok: 200,
  },
  getPlan: {
    request: (s) => ({ path: `/api/plans/${s.owner.planId}` }),
    ok: 404,
    admitted: { owner: 200 },
  },
  revisePlan: {
    request: (s) => ({ path: `/api/plans/${s.owner.planId}`, body: revisedKratomPlan(s.today, 4) }),
    ok: 404,
    admitted: { owner: 200 },
  },
  endPlan: {
    request: async (s) => ({ path: `/api/plans/${await s.fresh.plan()}/end` }),
    ok: 404,
    admitted: { owner: 200 },
  },
  previewStoredPlan: {
    request: (s) => ({ path: `/api/plans/${s.owner.planId}/preview?days=7` }),
    ok: 404,
    admitted: { owner: 200 },
  },
  getPlanAdherence: {
    request: (s) => ({ path: `/api/plans/${s.owner.planId}/adherence` }),
    ok: 404,
    admitted: { owner: 200 },
  },
  // ---- The patient's side of consent ----
  createInvitation: {
    request: () => ({ path: "/api/care/invitations", body: { scopes: ["doses"] } }),
    ok: 201,
  },
  listInvitations: {
    request: () => ({ path: "/api/care/invitations" }),
    ok: 200,
  },
  withdrawInvitation: {
    request: async (s) => ({ path: `/api/care/invitations/${await s.fresh.invitation()}` }),
    ok: 204,
    admitted: { otherPatient: 404 },
  },
  listCareLinks: {
    request: () => ({ path: "/api/care/links?include=all" }),
    ok: 200,
  },
  revokeCareLink: {
    request: async (s) => ({ path: `/api/care/links/${await s.fresh.link()}` }),
    ok: 204,
    admitted: { otherPatient: 404 },
  },
  listOwnNotes: {
    request: () => ({ path: "/api/care/notes" }),
    ok: 200,
  },
  // ---- The clinician's side ----
  joinCareTeam: {
    // Each clinician sends again the code it redeemed: a live link answers with itself; a code
    // another clinician used, or one whose link the patient revoked, is unknown. A clinician
    // waiting for approval may join (the patient sees them as unverified) and learns whom.
    request: (s) => ({ path: "/api/care/join", body: { code: s.joinCode } }),
    ok: 404,
    admitted: { consenting: 200, narrow: 200, unverified: 200 },
    sees: {
      consenting: ["identity", "contact"],
      narrow: ["identity", "contact"],
      unverified: ["identity", "contact"],
    },
  },
  // A clinician waiting for approval sees no patient, not even on the dashboard.
  getTriageDashboard: {
    request: () => ({ path: "/api/clinician/patients" }),
    ok: 200,
    admitted: { unverified: 403 },
    sees: clinicianSees,
  },
  getPatientTimeline: {
    request: (s) => ({ path: clinician(s, "/timeline") }),
    ok: 404,
    admitted: { consenting: 200, narrow: 200, unverified: 403 },
    sees: clinicianSees,
  },
  writePatientNote: {
    request: (s) => ({
      path: clinician(s, "/notes"),
      body: { id: randomUUID(), body: "Called: feeling better." },
    }),
    ok: 404,
    admitted: { consenting: 201, narrow: 403, unverified: 403 },
    sees: clinicianSees,
  },
  recordPatientAssessment: {
    request: (s) => ({
      path: clinician(s, "/assessments"),
      body: {
        id: randomUUID(),
        instrument: "cows",
        answers: answersFor("cows", () => 1),
        takenAt: minutesAgo(s, 1),
      },
    }),
    ok: 404,
    admitted: { consenting: 201, narrow: 201, unverified: 403 },
    sees: clinicianSees,
  },
  acknowledgeCheckIn: {
    request: (s) => ({ path: clinician(s, `/check-ins/${s.owner.redFlagCheckInId}/seen`) }),
    ok: 404,
    admitted: { consenting: 201, narrow: 201, unverified: 403 },
    sees: clinicianSees,
  },
  listPatientPlans: {
    request: (s) => ({ path: clinician(s, "/plans") }),
    ok: 404,
    admitted: { consenting: 200, narrow: 403, unverified: 403 },
    sees: clinicianSees,
  },
  createPatientPlan: {
    request: (s) => ({
      path: clinician(s, "/plans"),
      body: { id: randomUUID(), definition: planDefinition(s.today, "magnesium-citrate") },
    }),
    ok: 404,
    admitted: { consenting: 201, narrow: 403, unverified: 403 },
    sees: clinicianSees,
  },
  revisePatientPlan: {
    request: (s) => ({
      path: clinician(s, `/plans/${s.owner.planId}`),
      body: revisedKratomPlan(s.today, 3.5),
    }),
    ok: 404,
    admitted: { consenting: 200, narrow: 403, unverified: 403 },
    sees: clinicianSees,
  },
  endPatientPlan: {
    request: async (s) => ({ path: clinician(s, `/plans/${await s.fresh.plan()}/end`) }),
    ok: 404,
    admitted: { consenting: 200, narrow: 403, unverified: 403 },
    sees: clinicianSees,
  },
  getPatientPlanAdherence: {
    request: (s) => ({ path: clinician(s, `/plans/${s.owner.planId}/adherence`) }),
    ok: 404,
    admitted: { consenting: 200, narrow: 403, unverified: 403 },
    sees: clinicianSees,
  },
  exportPatientPdf: patientExport("exportPatientPdf"),
  exportPatientFhir: patientExport("exportPatientFhir"),
  exportPatientCsv: patientExport("exportPatientCsv"),

  // ---- One's own exports and audit trail ----
  exportPdf: { request: () => ({ path: "/api/export/pdf" }), ok: 200 },
  exportFhir: { request: () => ({ path: "/api/export/fhir" }), ok: 200 },
  exportCsv: {
    request: () => ({ path: "/api/export/csv" }),
    ok: 200,
    // A clinician's own tables hold its care links (naming the patient) and the notes it wrote.
    sees: {
      consenting: ["identity", "notes"],
      narrow: ["identity"],
      revoked: ["identity"],
      unverified: ["identity"],
    },
  },
  listOwnAudit: {
    request: () => ({ path: "/api/audit" }),
    ok: 200,
  },
  listAudit: {
    request: () => ({ path: "/api/admin/audit?limit=500" }),
    ok: 200,
    sees: { admin: ALL_SECTIONS },
  },
  // An administrator's list of accounts names the owner (id, email, name) and nothing of their
  // health data; the filter a stranger or patient sends is refused before it is looked at.
  listUsers: {
    request: () => ({ path: "/api/admin/users?limit=200&role=patient" }),
    ok: 200,
    sees: { admin: ["identity", "contact"] },
  },
  // Changing the owner's role to the one they have: only an administrator may, and is answered
  // with the account's id and email.
  updateUser: {
    request: (s) => ({ path: `/api/admin/users/${s.owner.patientId}`, body: { role: "patient" } }),
    ok: 200,
    sees: { admin: ["identity", "contact"] },
  },
  listPendingClinicians: {
    request: () => ({ path: "/api/admin/clinicians/pending" }),
    ok: 200,
  },
  // The owner is a patient: an administrator is told only clinicians are approved.
  decideClinician: {
    request: (s) => ({
      path: `/api/admin/clinicians/${s.owner.patientId}/decision`,
      body: { decision: "approve" },
    }),
    ok: 409,
  },
  issueResetCode: {
    request: (s) => ({ path: `/api/admin/users/${s.owner.patientId}/reset-code` }),
    ok: 201,
  },
  // Each account's own notifications. A clinician whose consent covers the owner's check-ins
  // sees the owner's id in the link to their page (and nothing else); a revoked one no longer.
  listNotifications: {
    request: () => ({ path: "/api/notifications?limit=200" }),
    ok: 200,
    sees: { consenting: ["identity"], narrow: ["identity"] },
  },
  countUnreadNotifications: {
    request: () => ({ path: "/api/notifications/unread" }),
    ok: 200,
  },
  markNotificationsRead: {
    request: () => ({ path: "/api/notifications/read", body: { all: true } }),
    ok: 200,
  },
  // The matrix's server sends no e-mail: everyone is told so, alike.
  forgotPassword: {
    request: (s) => ({ path: "/api/auth/forgot-password", body: { email: s.credentials.email } }),
    ok: 409,
  },
  getNotificationPreferences: {
    request: () => ({ path: "/api/notifications/preferences" }),
    ok: 200,
  },
  saveNotificationPreferences: {
    request: () => ({
      path: "/api/notifications/preferences",
      body: {
        enabled: true,
        channels: { email: true, push: true },
        mutedKinds: [],
        mutedPatients: [],
        checkInReminders: [],
        quietHours: null,
      },
    }),
    ok: 200,
  },
  sendTestNotification: {
    request: () => ({ path: "/api/notifications/test" }),
    ok: 202,
  },
  getPushKey: {
    request: () => ({ path: "/api/push/key" }),
    ok: 200,
  },
  subscribePush: {
    request: () => ({
      path: "/api/push/subscriptions",
      body: {
        endpoint: `https://push.invalid/${randomUUID()}`,
        keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) },
      },
    }),
    ok: 204,
  },
  unsubscribePush: {
    request: () => ({
      path: "/api/push/subscriptions",
      body: { endpoint: "https://push.invalid/x" },
    }),
    ok: 204,
  },
  listDeadNotifications: {
    request: () => ({ path: "/api/admin/notifications/dead" }),
    ok: 200,
  },
  getAdminOverview: {
    request: () => ({ path: "/api/admin/overview" }),
    ok: 200,
  },
};
