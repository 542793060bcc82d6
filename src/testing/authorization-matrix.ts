import { randomUUID } from "node:crypto";
import { addDays } from "../core/plan/index.ts";
import { answersFor } from "./care-team-records.ts";
import type { ApiClient } from "./test-server.ts";

/**
 * The authorization matrix's route table: every operation of the OpenAPI document, how to call it
 * about one patient's records (the owner's), and the status each kind of caller must get.
 * authorization-matrix.api.test.ts walks it on both engines and fails when an operation has no row
 * here, or a row names an operation that no longer exists.
 */

/**
 * Who calls: nobody signed in; the patient whose records the request names; another patient
 * naming them; a clinician the owner consented to (every scope, may set plans); one with a narrow
 * consent (assessments only); one without consent; one whose consent the owner revoked; an
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

/**
 * What a consenting clinician may see of the patient: everything shared, but not the patient's
 * invitations or other clinicians' links. The narrow consent: assessments only, no plans.
 */
const CONSENTING_SECTIONS: readonly Section[] = ALL_SECTIONS.filter((s) => s !== "care");
const NARROW_SECTIONS: readonly Section[] = ["identity", "contact", "assessments"];

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
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The OpenAPI path template, e.g. /api/plans/{id}. */
  template: string;
  request: (s: Scope) => MatrixRequest | Promise<MatrixRequest>;
  expect: Record<Caller, number>;
  /** Which of the owner's data each caller may find in a success (the owner: all of it). */
  sees?: Partial<Record<Caller, readonly Section[]>>;
}

// ---- Expected statuses ----

const each = (status: number): Record<Caller, number> =>
  Object.fromEntries(CALLERS.map((c) => [c, status])) as Record<Caller, number>;

/** Public: the same answer for everyone. */
const everyone = (status: number) => each(status);

/** One's own data: anyone signed in, each their own. */
const signedIn = (status: number) => ({ ...each(status), stranger: 401 });

/** One of the owner's records by id: everyone else signed in gets the "not found" of a missing id. */
const ownerOnly = (ok: number, others = 404) => ({ ...each(others), stranger: 401, owner: ok });

/** A patient's care-team route: patients only, each for their own. */
const patientsOnly = (owner: number, otherPatient: number) => ({
  ...each(403),
  stranger: 401,
  owner,
  otherPatient,
});

/**
 * A clinician route about the owner: clinicians only; a clinician without a live link gets the
 * 404 of a patient who does not exist; the narrow consent gets what its scope allows.
 */
const clinicianScoped = (consenting: number, narrow: number) => ({
  ...each(403),
  stranger: 401,
  consenting,
  narrow,
  nonConsenting: 404,
  revoked: 404,
});

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

export const ROUTES: RouteRow[] = [
  // ---- System and public knowledge ----
  {
    method: "GET",
    template: "/api/health",
    request: () => ({ path: "/api/health" }),
    expect: everyone(200),
  },
  {
    method: "GET",
    template: "/api/ready",
    request: () => ({ path: "/api/ready" }),
    expect: everyone(200),
  },
  {
    method: "GET",
    template: "/api/instruments",
    request: () => ({ path: "/api/instruments" }),
    expect: everyone(200),
  },
  {
    method: "GET",
    template: "/api/substances",
    request: () => ({ path: "/api/substances" }),
    expect: everyone(200),
  },
  {
    method: "GET",
    template: "/api/legal/jurisdictions",
    request: () => ({ path: "/api/legal/jurisdictions" }),
    expect: everyone(200),
  },
  {
    method: "GET",
    template: "/api/legal/jurisdictions/{code}",
    request: () => ({ path: "/api/legal/jurisdictions/US" }),
    expect: everyone(200),
  },
  {
    method: "POST",
    template: "/api/coa/check",
    request: () => ({ path: "/api/coa/check", body: { sevenOhPercent: 0.01, lot: "L-1" } }),
    expect: everyone(200),
  },
  {
    method: "GET",
    template: "/api/evidence",
    request: () => ({ path: "/api/evidence" }),
    expect: everyone(200),
  },
  {
    method: "GET",
    template: "/api/evidence/{id}",
    request: (s) => ({ path: `/api/evidence/${s.evidenceId}` }),
    expect: everyone(200),
  },
  {
    method: "GET",
    template: "/api/first-line-care",
    request: () => ({ path: "/api/first-line-care" }),
    expect: everyone(200),
  },
  {
    method: "GET",
    template: "/api/search",
    request: () => ({ path: "/api/search?q=kratom" }),
    expect: everyone(200),
  },
  {
    method: "GET",
    template: "/api/knowledge/version",
    request: () => ({ path: "/api/knowledge/version" }),
    expect: everyone(200),
  },

  // ---- Accounts and sessions ----
  {
    method: "POST",
    template: "/api/auth/register",
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
    expect: everyone(201),
  },
  {
    method: "POST",
    template: "/api/auth/login",
    // Each caller signs in again as itself (the client keeps the new session); the stranger
    // names an address with no account.
    request: (s) => ({ path: "/api/auth/login", body: s.credentials }),
    expect: { ...each(200), stranger: 401 },
  },
  {
    method: "POST",
    template: "/api/auth/logout",
    request: async (s) => ({ path: "/api/auth/logout", client: await s.fresh.session() }),
    expect: signedIn(204),
  },
  {
    method: "GET",
    template: "/api/me",
    request: () => ({ path: "/api/me" }),
    expect: signedIn(200),
  },
  {
    method: "PATCH",
    template: "/api/me",
    request: () => ({ path: "/api/me", body: { timeZone: "UTC" } }),
    expect: signedIn(200),
  },
  {
    method: "DELETE",
    template: "/api/me",
    // Each caller deletes an account of its own role made for this request.
    request: async (s) => {
      if (s.caller === "stranger") return { path: "/api/me", body: { password: "any-password-1" } };
      const account = await s.fresh.account();
      return { path: "/api/me", client: account.client, body: { password: account.password } };
    },
    expect: signedIn(204),
  },

  {
    method: "POST",
    template: "/api/me/password",
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
    expect: signedIn(200),
  },
  {
    method: "POST",
    template: "/api/auth/logout-everywhere",
    // From an account made for this request: it ends every session of that account.
    request: async (s) => {
      if (s.caller === "stranger") return { path: "/api/auth/logout-everywhere" };
      const account = await s.fresh.account();
      return { path: "/api/auth/logout-everywhere", client: account.client };
    },
    expect: signedIn(200),
  },
  {
    method: "POST",
    template: "/api/auth/reset-password",
    // Anyone may try a code; a wrong one is refused alike for every address.
    request: (s) => ({
      path: "/api/auth/reset-password",
      body: {
        email: s.credentials.email,
        code: "ZZZZ-ZZZZ",
        newPassword: "quiet-harbour-stone-77",
      },
    }),
    expect: everyone(400),
  },

  // ---- Profile, catalog, products ----
  {
    method: "GET",
    template: "/api/profile",
    request: () => ({ path: "/api/profile" }),
    expect: signedIn(200),
  },
  {
    method: "PUT",
    template: "/api/profile",
    request: () => ({ path: "/api/profile", body: { conditions: [], medicines: [] } }),
    expect: signedIn(200),
  },
  {
    method: "GET",
    template: "/api/custom-substances",
    request: () => ({ path: "/api/custom-substances" }),
    expect: signedIn(200),
  },
  {
    method: "POST",
    template: "/api/custom-substances",
    request: () => ({
      path: "/api/custom-substances",
      body: { id: randomUUID(), name: "Matrix tea", classId: null },
    }),
    expect: signedIn(201),
  },
  {
    method: "POST",
    template: "/api/products",
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
    expect: signedIn(201),
  },
  {
    method: "GET",
    template: "/api/products",
    request: () => ({ path: "/api/products" }),
    expect: signedIn(200),
  },
  {
    method: "GET",
    template: "/api/products/{id}",
    request: (s) => ({ path: `/api/products/${s.owner.productId}` }),
    expect: ownerOnly(200),
  },
  {
    method: "PATCH",
    template: "/api/products/{id}",
    request: (s) => ({ path: `/api/products/${s.owner.productId}`, body: { lot: "L-7" } }),
    expect: ownerOnly(200),
  },
  {
    method: "DELETE",
    template: "/api/products/{id}",
    request: async (s) => ({ path: `/api/products/${await s.fresh.product()}` }),
    expect: ownerOnly(204),
  },

  // ---- Dose log ----
  {
    method: "POST",
    template: "/api/ingestions",
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
    expect: signedIn(201),
  },
  {
    method: "GET",
    template: "/api/ingestions",
    request: () => ({ path: "/api/ingestions" }),
    expect: signedIn(200),
  },
  {
    method: "GET",
    template: "/api/ingestions/recent",
    request: () => ({ path: "/api/ingestions/recent" }),
    expect: signedIn(200),
  },
  {
    method: "POST",
    template: "/api/safety/check",
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
    expect: ownerOnly(200, 400),
  },
  {
    method: "GET",
    template: "/api/ingestions/{id}",
    request: (s) => ({ path: `/api/ingestions/${s.owner.doseId}` }),
    expect: ownerOnly(200),
  },
  {
    method: "PATCH",
    template: "/api/ingestions/{id}",
    request: (s) => ({ path: `/api/ingestions/${s.owner.doseId}`, body: { amount: 2 } }),
    expect: ownerOnly(200),
  },
  {
    method: "DELETE",
    template: "/api/ingestions/{id}",
    request: async (s) => ({ path: `/api/ingestions/${await s.fresh.dose()}` }),
    expect: ownerOnly(204),
  },
  {
    method: "GET",
    template: "/api/ingestions/{id}/history",
    request: (s) => ({ path: `/api/ingestions/${s.owner.doseId}/history` }),
    expect: ownerOnly(200),
  },
  {
    method: "GET",
    template: "/api/today",
    request: () => ({ path: "/api/today" }),
    expect: signedIn(200),
  },

  // ---- Assessments ----
  {
    method: "POST",
    template: "/api/assessments",
    request: (s) => ({
      path: "/api/assessments",
      body: {
        id: randomUUID(),
        instrument: "sows-gossop",
        answers: answersFor("sows-gossop", () => 1),
        takenAt: minutesAgo(s, 1),
      },
    }),
    expect: signedIn(201),
  },
  {
    method: "GET",
    template: "/api/assessments",
    request: () => ({ path: "/api/assessments" }),
    expect: signedIn(200),
  },
  {
    method: "GET",
    template: "/api/assessments/trends",
    request: () => ({ path: "/api/assessments/trends" }),
    expect: signedIn(200),
  },

  // ---- One's own plans ----
  {
    method: "POST",
    template: "/api/plans",
    request: (s) => ({
      path: "/api/plans",
      body: { id: randomUUID(), definition: planDefinition(s.today) },
    }),
    expect: signedIn(201),
  },
  {
    method: "GET",
    template: "/api/plans",
    request: () => ({ path: "/api/plans" }),
    expect: signedIn(200),
  },
  {
    method: "GET",
    template: "/api/plans/today",
    request: () => ({ path: "/api/plans/today" }),
    expect: signedIn(200),
  },
  {
    method: "POST",
    template: "/api/plans/preview",
    request: (s) => ({
      path: "/api/plans/preview",
      body: { definition: planDefinition(s.today), days: 14 },
    }),
    expect: signedIn(200),
  },
  {
    method: "GET",
    template: "/api/plans/{id}",
    request: (s) => ({ path: `/api/plans/${s.owner.planId}` }),
    expect: ownerOnly(200),
  },
  {
    method: "PUT",
    template: "/api/plans/{id}",
    request: (s) => ({ path: `/api/plans/${s.owner.planId}`, body: revisedKratomPlan(s.today, 4) }),
    expect: ownerOnly(200),
  },
  {
    method: "POST",
    template: "/api/plans/{id}/end",
    request: async (s) => ({ path: `/api/plans/${await s.fresh.plan()}/end` }),
    expect: ownerOnly(200),
  },
  {
    method: "GET",
    template: "/api/plans/{id}/preview",
    request: (s) => ({ path: `/api/plans/${s.owner.planId}/preview?days=7` }),
    expect: ownerOnly(200),
  },
  {
    method: "GET",
    template: "/api/plans/{id}/adherence",
    request: (s) => ({ path: `/api/plans/${s.owner.planId}/adherence` }),
    expect: ownerOnly(200),
  },

  // ---- The patient's side of consent ----
  {
    method: "POST",
    template: "/api/care/invitations",
    request: () => ({ path: "/api/care/invitations", body: { scopes: ["doses"] } }),
    expect: patientsOnly(201, 201),
  },
  {
    method: "GET",
    template: "/api/care/invitations",
    request: () => ({ path: "/api/care/invitations" }),
    expect: patientsOnly(200, 200),
  },
  {
    method: "DELETE",
    template: "/api/care/invitations/{id}",
    request: async (s) => ({ path: `/api/care/invitations/${await s.fresh.invitation()}` }),
    expect: patientsOnly(204, 404),
  },
  {
    method: "GET",
    template: "/api/care/links",
    request: () => ({ path: "/api/care/links?include=all" }),
    expect: patientsOnly(200, 200),
  },
  {
    method: "DELETE",
    template: "/api/care/links/{id}",
    request: async (s) => ({ path: `/api/care/links/${await s.fresh.link()}` }),
    expect: patientsOnly(204, 404),
  },
  {
    method: "GET",
    template: "/api/care/notes",
    request: () => ({ path: "/api/care/notes" }),
    expect: patientsOnly(200, 200),
  },

  // ---- The clinician's side ----
  {
    method: "POST",
    template: "/api/care/join",
    // Each clinician sends again the code it redeemed: a live link answers with itself; a code
    // another clinician used, or one whose link the patient revoked, is unknown.
    request: (s) => ({ path: "/api/care/join", body: { code: s.joinCode } }),
    expect: { ...clinicianScoped(200, 200), owner: 403, otherPatient: 403 },
    sees: { consenting: ["identity", "contact"], narrow: ["identity", "contact"] },
  },
  {
    method: "GET",
    template: "/api/clinician/patients",
    request: () => ({ path: "/api/clinician/patients" }),
    expect: { ...each(200), stranger: 401, owner: 403, otherPatient: 403, admin: 403 },
    sees: clinicianSees,
  },
  {
    method: "GET",
    template: "/api/clinician/patients/{id}/timeline",
    request: (s) => ({ path: clinician(s, "/timeline") }),
    expect: clinicianScoped(200, 200),
    sees: clinicianSees,
  },
  {
    method: "POST",
    template: "/api/clinician/patients/{id}/notes",
    request: (s) => ({
      path: clinician(s, "/notes"),
      body: { id: randomUUID(), body: "Called: feeling better." },
    }),
    expect: clinicianScoped(201, 403),
    sees: clinicianSees,
  },
  {
    method: "POST",
    template: "/api/clinician/patients/{id}/assessments",
    request: (s) => ({
      path: clinician(s, "/assessments"),
      body: {
        id: randomUUID(),
        instrument: "cows",
        answers: answersFor("cows", () => 1),
        takenAt: minutesAgo(s, 1),
      },
    }),
    expect: clinicianScoped(201, 201),
    sees: clinicianSees,
  },
  {
    method: "POST",
    template: "/api/clinician/patients/{id}/check-ins/{assessmentId}/seen",
    request: (s) => ({ path: clinician(s, `/check-ins/${s.owner.redFlagCheckInId}/seen`) }),
    expect: clinicianScoped(201, 201),
    sees: clinicianSees,
  },
  {
    method: "GET",
    template: "/api/clinician/patients/{id}/plans",
    request: (s) => ({ path: clinician(s, "/plans") }),
    expect: clinicianScoped(200, 403),
    sees: clinicianSees,
  },
  {
    method: "POST",
    template: "/api/clinician/patients/{id}/plans",
    request: (s) => ({
      path: clinician(s, "/plans"),
      body: { id: randomUUID(), definition: planDefinition(s.today, "magnesium-citrate") },
    }),
    expect: clinicianScoped(201, 403),
    sees: clinicianSees,
  },
  {
    method: "PUT",
    template: "/api/clinician/patients/{id}/plans/{planId}",
    request: (s) => ({
      path: clinician(s, `/plans/${s.owner.planId}`),
      body: revisedKratomPlan(s.today, 3.5),
    }),
    expect: clinicianScoped(200, 403),
    sees: clinicianSees,
  },
  {
    method: "POST",
    template: "/api/clinician/patients/{id}/plans/{planId}/end",
    request: async (s) => ({ path: clinician(s, `/plans/${await s.fresh.plan()}/end`) }),
    expect: clinicianScoped(200, 403),
    sees: clinicianSees,
  },
  {
    method: "GET",
    template: "/api/clinician/patients/{id}/plans/{planId}/adherence",
    request: (s) => ({ path: clinician(s, `/plans/${s.owner.planId}/adherence`) }),
    expect: clinicianScoped(200, 403),
    sees: clinicianSees,
  },
  ...(["pdf", "fhir", "csv"] as const).map(
    (kind): RouteRow => ({
      method: "GET",
      template: `/api/clinician/patients/{id}/export/${kind}`,
      request: (s) => ({ path: clinician(s, `/export/${kind}`) }),
      expect: clinicianScoped(200, 200),
      sees: clinicianSees,
    }),
  ),

  // ---- One's own exports and audit trail ----
  ...(["pdf", "fhir"] as const).map(
    (kind): RouteRow => ({
      method: "GET",
      template: `/api/export/${kind}`,
      request: () => ({ path: `/api/export/${kind}` }),
      expect: signedIn(200),
    }),
  ),
  {
    method: "GET",
    template: "/api/export/csv",
    request: () => ({ path: "/api/export/csv" }),
    expect: signedIn(200),
    // A clinician's own tables hold its care links (naming the patient) and the notes it wrote.
    sees: { consenting: ["identity", "notes"], narrow: ["identity"], revoked: ["identity"] },
  },
  {
    method: "GET",
    template: "/api/audit",
    request: () => ({ path: "/api/audit" }),
    expect: signedIn(200),
  },
  {
    method: "GET",
    template: "/api/admin/audit",
    request: () => ({ path: "/api/admin/audit?limit=500" }),
    expect: { ...each(403), stranger: 401, admin: 200 },
    sees: { admin: ALL_SECTIONS },
  },
  // An administrator's list of accounts names the owner (id, email, name) and nothing of their
  // health data; the filter a stranger or patient sends is refused before it is looked at.
  {
    method: "GET",
    template: "/api/admin/users",
    request: () => ({ path: "/api/admin/users?limit=200&role=patient" }),
    expect: { ...each(403), stranger: 401, admin: 200 },
    sees: { admin: ["identity", "contact"] },
  },
  // Changing the owner's role to the one they have: only an administrator may, and is answered
  // with the account's id and email.
  {
    method: "PATCH",
    template: "/api/admin/users/{id}",
    request: (s) => ({ path: `/api/admin/users/${s.owner.patientId}`, body: { role: "patient" } }),
    expect: { ...each(403), stranger: 401, admin: 200 },
    sees: { admin: ["identity", "contact"] },
  },
  {
    method: "POST",
    template: "/api/admin/users/{id}/reset-code",
    request: (s) => ({ path: `/api/admin/users/${s.owner.patientId}/reset-code` }),
    expect: { ...each(403), stranger: 401, admin: 201 },
  },
  // Each account's own notifications. A clinician whose consent covers the owner's check-ins
  // sees the owner's id in the link to their page (and nothing else); a revoked one no longer.
  {
    method: "GET",
    template: "/api/notifications",
    request: () => ({ path: "/api/notifications?limit=200" }),
    expect: signedIn(200),
    sees: { consenting: ["identity"], narrow: ["identity"] },
  },
  {
    method: "GET",
    template: "/api/notifications/unread",
    request: () => ({ path: "/api/notifications/unread" }),
    expect: signedIn(200),
  },
  {
    method: "POST",
    template: "/api/notifications/read",
    request: () => ({ path: "/api/notifications/read", body: { all: true } }),
    expect: signedIn(200),
  },
  // The matrix's server sends no e-mail: everyone is told so, alike.
  {
    method: "POST",
    template: "/api/auth/forgot-password",
    request: (s) => ({ path: "/api/auth/forgot-password", body: { email: s.credentials.email } }),
    expect: each(409),
  },
  {
    method: "GET",
    template: "/api/notifications/preferences",
    request: () => ({ path: "/api/notifications/preferences" }),
    expect: signedIn(200),
  },
  {
    method: "PUT",
    template: "/api/notifications/preferences",
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
    expect: signedIn(200),
  },
  {
    method: "POST",
    template: "/api/notifications/test",
    request: () => ({ path: "/api/notifications/test" }),
    expect: signedIn(202),
  },
  {
    method: "GET",
    template: "/api/push/key",
    request: () => ({ path: "/api/push/key" }),
    expect: signedIn(200),
  },
  {
    method: "POST",
    template: "/api/push/subscriptions",
    request: () => ({
      path: "/api/push/subscriptions",
      body: {
        endpoint: `https://push.invalid/${randomUUID()}`,
        keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) },
      },
    }),
    expect: signedIn(204),
  },
  {
    method: "DELETE",
    template: "/api/push/subscriptions",
    request: () => ({
      path: "/api/push/subscriptions",
      body: { endpoint: "https://push.invalid/x" },
    }),
    expect: signedIn(204),
  },
  {
    method: "GET",
    template: "/api/admin/notifications/dead",
    request: () => ({ path: "/api/admin/notifications/dead" }),
    expect: { ...each(403), stranger: 401, admin: 200 },
  },
  {
    method: "GET",
    template: "/api/admin/overview",
    request: () => ({ path: "/api/admin/overview" }),
    expect: { ...each(403), stranger: 401, admin: 200 },
  },
];
