import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../core/plan/index.ts";
import { insertUser } from "../../db/users.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { hashPassword } from "../auth/passwords.ts";
import {
  answersFor,
  linkClinician,
  type SeededRecord,
  seedPatientRecord,
} from "./test-fixtures.ts";

/**
 * Walks every care-team, clinician, export and audit route as each kind of caller: a stranger
 * (not signed in), the patient, a consenting clinician (all scopes, may set plans), a clinician
 * with a narrow consent (assessments only), a clinician without consent, an administrator where
 * it matters, and the consenting clinician again after the patient revoked. The route table is
 * checked against the OpenAPI document, so a new route without a row here fails the test.
 */

const pgReachable = await isPostgresReachable();

type Caller = "stranger" | "patient" | "consenting" | "narrow" | "nonConsenting" | "revoked";

interface RouteCase {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** OpenAPI path template, e.g. /api/clinician/patients/{id}/timeline. */
  template: string;
  /** The concrete path and body for this caller (ids of the seeded patient and plan). */
  request: (ctx: Ctx, caller: Caller) => { path: string; body?: unknown };
  /** Expected status per caller. */
  expect: Record<Caller, number>;
}

interface Ctx {
  patientId: string;
  record: SeededRecord;
  today: string;
}

const CALLERS: Caller[] = [
  "stranger",
  "patient",
  "consenting",
  "narrow",
  "nonConsenting",
  "revoked",
];

/** A patient-scoped clinician route: 401 / 403 / ok / (narrow) / 404 / 404. */
const scoped = (ok: number, narrow: number): Record<Caller, number> => ({
  stranger: 401,
  patient: 403,
  consenting: ok,
  narrow,
  nonConsenting: 404,
  revoked: 404,
});

const planDefinition = (today: string, startAmountPerDay = 9) => ({
  kind: "taper",
  substanceId: "kratom-leaf",
  unit: "g",
  startDate: today,
  startAmountPerDay,
  step: { kind: "percent", percent: 10 },
  stepLengthDays: 7,
  limitAmountPerDay: 1,
});

const ROUTES: RouteCase[] = [
  // The patient's side of consent.
  {
    method: "POST",
    template: "/api/care/invitations",
    request: () => ({ path: "/api/care/invitations", body: { scopes: ["doses"] } }),
    expect: {
      stranger: 401,
      patient: 201,
      consenting: 403,
      narrow: 403,
      nonConsenting: 403,
      revoked: 403,
    },
  },
  {
    method: "GET",
    template: "/api/care/invitations",
    request: () => ({ path: "/api/care/invitations" }),
    expect: {
      stranger: 401,
      patient: 200,
      consenting: 403,
      narrow: 403,
      nonConsenting: 403,
      revoked: 403,
    },
  },
  {
    method: "DELETE",
    template: "/api/care/invitations/{id}",
    // A clinician naming some invitation id gets the role refusal before anything is looked up.
    request: () => ({ path: `/api/care/invitations/${randomUUID()}` }),
    expect: {
      stranger: 401,
      patient: 404,
      consenting: 403,
      narrow: 403,
      nonConsenting: 403,
      revoked: 403,
    },
  },
  {
    method: "POST",
    template: "/api/care/join",
    request: () => ({ path: "/api/care/join", body: { code: "0000-0000" } }),
    expect: {
      stranger: 401,
      patient: 403,
      consenting: 404,
      narrow: 404,
      nonConsenting: 404,
      revoked: 404,
    },
  },
  {
    method: "GET",
    template: "/api/care/links",
    request: () => ({ path: "/api/care/links" }),
    expect: {
      stranger: 401,
      patient: 200,
      consenting: 403,
      narrow: 403,
      nonConsenting: 403,
      revoked: 403,
    },
  },
  {
    method: "DELETE",
    template: "/api/care/links/{id}",
    request: () => ({ path: `/api/care/links/${randomUUID()}` }),
    expect: {
      stranger: 401,
      patient: 404,
      consenting: 403,
      narrow: 403,
      nonConsenting: 403,
      revoked: 403,
    },
  },
  {
    method: "GET",
    template: "/api/care/notes",
    request: () => ({ path: "/api/care/notes" }),
    expect: {
      stranger: 401,
      patient: 200,
      consenting: 403,
      narrow: 403,
      nonConsenting: 403,
      revoked: 403,
    },
  },
  // The clinician's dashboard (what it lists is checked separately below).
  {
    method: "GET",
    template: "/api/clinician/patients",
    request: () => ({ path: "/api/clinician/patients" }),
    expect: {
      stranger: 401,
      patient: 403,
      consenting: 200,
      narrow: 200,
      nonConsenting: 200,
      revoked: 200,
    },
  },
  // Patient-scoped clinician routes.
  {
    method: "GET",
    template: "/api/clinician/patients/{id}/timeline",
    request: (c) => ({ path: `/api/clinician/patients/${c.patientId}/timeline` }),
    expect: scoped(200, 200),
  },
  {
    method: "POST",
    template: "/api/clinician/patients/{id}/notes",
    request: (c) => ({
      path: `/api/clinician/patients/${c.patientId}/notes`,
      body: { id: randomUUID(), body: "Called: feeling better." },
    }),
    expect: scoped(201, 403),
  },
  {
    method: "POST",
    template: "/api/clinician/patients/{id}/assessments",
    request: (c, caller) => ({
      path: `/api/clinician/patients/${c.patientId}/assessments`,
      body: {
        id: randomUUID(),
        instrument: "cows",
        answers: answersFor("cows", (i) => (caller === "narrow" ? i % 2 : 1)),
        takenAt: new Date(Date.now() - 60_000).toISOString(),
      },
    }),
    expect: scoped(201, 201),
  },
  {
    method: "GET",
    template: "/api/clinician/patients/{id}/plans",
    request: (c) => ({ path: `/api/clinician/patients/${c.patientId}/plans` }),
    expect: scoped(200, 403),
  },
  {
    method: "POST",
    template: "/api/clinician/patients/{id}/plans",
    request: (c) => ({
      path: `/api/clinician/patients/${c.patientId}/plans`,
      body: {
        id: randomUUID(),
        definition: { ...planDefinition(c.today), substanceId: "magnesium-glycinate" },
      },
    }),
    expect: scoped(201, 403),
  },
  {
    method: "PUT",
    template: "/api/clinician/patients/{id}/plans/{planId}",
    request: (c, caller) => ({
      path: `/api/clinician/patients/${c.patientId}/plans/${c.record.planId}`,
      body: {
        definition: {
          ...planDefinition(addDays(c.today, -7), 10),
          step: { kind: "amount", amount: 1 },
          limitAmountPerDay: 2,
          maxPerDose: caller === "consenting" ? 3.5 : 3,
          minHoursBetweenDoses: 3,
        },
      },
    }),
    expect: scoped(200, 403),
  },
  {
    method: "GET",
    template: "/api/clinician/patients/{id}/plans/{planId}/adherence",
    request: (c) => ({
      path: `/api/clinician/patients/${c.patientId}/plans/${c.record.planId}/adherence`,
    }),
    expect: scoped(200, 403),
  },
  {
    method: "POST",
    template: "/api/clinician/patients/{id}/plans/{planId}/end",
    request: (c) => ({
      path: `/api/clinician/patients/${c.patientId}/plans/${c.record.planId}/end`,
    }),
    expect: scoped(200, 403),
  },
  {
    method: "GET",
    template: "/api/clinician/patients/{id}/export/pdf",
    request: (c) => ({ path: `/api/clinician/patients/${c.patientId}/export/pdf` }),
    expect: scoped(200, 200),
  },
  {
    method: "GET",
    template: "/api/clinician/patients/{id}/export/fhir",
    request: (c) => ({ path: `/api/clinician/patients/${c.patientId}/export/fhir` }),
    expect: scoped(200, 200),
  },
  {
    method: "GET",
    template: "/api/clinician/patients/{id}/export/csv",
    request: (c) => ({ path: `/api/clinician/patients/${c.patientId}/export/csv` }),
    expect: scoped(200, 200),
  },
  // One's own exports and audit trail: every signed-in person has their own.
  ...(["pdf", "fhir", "csv"] as const).map(
    (kind): RouteCase => ({
      method: "GET",
      template: `/api/export/${kind}`,
      request: () => ({ path: `/api/export/${kind}` }),
      expect: {
        stranger: 401,
        patient: 200,
        consenting: 200,
        narrow: 200,
        nonConsenting: 200,
        revoked: 200,
      },
    }),
  ),
  {
    method: "GET",
    template: "/api/audit",
    request: () => ({ path: "/api/audit" }),
    expect: {
      stranger: 401,
      patient: 200,
      consenting: 200,
      narrow: 200,
      nonConsenting: 200,
      revoked: 200,
    },
  },
  {
    method: "GET",
    template: "/api/admin/audit",
    request: () => ({ path: "/api/admin/audit" }),
    expect: {
      stranger: 401,
      patient: 403,
      consenting: 403,
      narrow: 403,
      nonConsenting: 403,
      revoked: 403,
    },
  },
  {
    method: "DELETE",
    template: "/api/me",
    // A wrong password: nobody's account is deleted by this walk (deletion has its own test).
    request: () => ({ path: "/api/me", body: { password: "not-the-password-1" } }),
    expect: {
      stranger: 401,
      patient: 403,
      consenting: 403,
      narrow: 403,
      nonConsenting: 403,
      revoked: 403,
    },
  },
];

/** Route prefixes this feature owns, to compare with the OpenAPI document. */
const OWNED = /^\/api\/(care|clinician|export|audit|admin\/audit)(\/|$)/;

describe.each(engines)("care-team authorization on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  let clients: Record<Caller, ApiClient>;
  let ctx: Ctx;
  let consentingLinkId: string;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
    const make = () => new ApiClient(server.baseUrl);
    clients = {
      stranger: make(),
      patient: make(),
      consenting: make(),
      narrow: make(),
      nonConsenting: make(),
      revoked: make(),
    };
    const patient = await clients.patient.register("patient");
    for (const c of ["consenting", "narrow", "nonConsenting", "revoked"] as const) {
      await clients[c].register("clinician", { displayName: `Dr ${c}` });
    }
    const record = await seedPatientRecord(clients.patient, server.clock.now());
    consentingLinkId = await linkClinician(clients.patient, clients.consenting);
    await linkClinician(clients.patient, clients.narrow, ["assessments"], false);
    const revokedLink = await linkClinician(clients.patient, clients.revoked);
    const revoked = await clients.patient.delete(`/api/care/links/${revokedLink}`);
    expect(revoked.status).toBe(204);
    ctx = {
      patientId: patient.id,
      record,
      today: server.clock.now().toISOString().slice(0, 10),
    };
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)("has a row for every route of the feature in the OpenAPI document", async () => {
    const doc = await clients.stranger.get("/api/openapi.json");
    const documented = Object.entries(doc.body.paths as Record<string, object>).flatMap(
      ([path, methods]) =>
        Object.keys(methods)
          .map((m) => `${m.toUpperCase()} ${path}`)
          .filter((r) => OWNED.test(path) || r === "DELETE /api/me"),
    );
    const walked = ROUTES.map((r) => `${r.method} ${r.template}`);
    expect(documented.length).toBeGreaterThan(20);
    expect([...walked].sort()).toEqual([...new Set(documented)].sort());
  });

  for (const route of ROUTES) {
    it.skipIf(skip)(`${route.method} ${route.template}`, async () => {
      for (const caller of CALLERS) {
        const { path, body } = route.request(ctx, caller);
        const res = await clients[caller].request(route.method, path, body);
        expect({ caller, status: res.status, body: res.status >= 400 ? res.body : "ok" }).toEqual({
          caller,
          status: route.expect[caller],
          body: route.expect[caller] >= 400 ? expect.anything() : "ok",
        });
      }
    });
  }

  it.skipIf(skip)(
    "answers a clinician without consent exactly as for a patient who does not exist",
    async () => {
      const paths = (id: string) => [
        `/api/clinician/patients/${id}/timeline`,
        `/api/clinician/patients/${id}/export/fhir`,
      ];
      const ghost = randomUUID();
      for (const [real, missing] of paths(ctx.patientId).map(
        (p, i) => [p, paths(ghost)[i] ?? ""] as const,
      )) {
        const a = await clients.nonConsenting.get(real);
        const b = await clients.nonConsenting.get(missing);
        const c = await clients.revoked.get(real);
        expect(a.status).toBe(404);
        expect(a.body).toEqual(b.body);
        expect(c.body).toEqual(b.body);
      }
    },
  );

  it.skipIf(skip)(
    "lists the patient only on dashboards of clinicians with a live link",
    async () => {
      const ids = async (c: Caller) =>
        (await clients[c].get("/api/clinician/patients")).body.patients.map(
          (p: { patient: { id: string } }) => p.patient.id,
        );
      expect(await ids("consenting")).toEqual([ctx.patientId]);
      expect(await ids("narrow")).toEqual([ctx.patientId]);
      expect(await ids("nonConsenting")).toEqual([]);
      expect(await ids("revoked")).toEqual([]);
    },
  );

  it.skipIf(skip)("gives a narrow consent only the sections it grants", async () => {
    const narrow = await clients.narrow.get(`/api/clinician/patients/${ctx.patientId}/timeline`);
    expect(narrow.body.assessments.length).toBeGreaterThan(0);
    expect(narrow.body).not.toHaveProperty("doses");
    expect(narrow.body).not.toHaveProperty("notes");
    expect(narrow.body).not.toHaveProperty("plans");
    const csv = await clients.narrow.get(`/api/clinician/patients/${ctx.patientId}/export/csv`);
    expect(csv.body).toContain("# table: assessments");
    expect(csv.body).not.toContain("# table: ingestions");
    expect(csv.body).not.toContain("# table: clinical_notes");
    const fhir = await clients.narrow.get(`/api/clinician/patients/${ctx.patientId}/export/fhir`);
    const types = new Set(
      fhir.body.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType),
    );
    expect(types.has("QuestionnaireResponse")).toBe(true);
    expect(types.has("MedicationStatement")).toBe(false);
    expect(types.has("CarePlan")).toBe(false);
  });

  it.skipIf(skip)("takes revocation into account on the very next request", async () => {
    const path = `/api/clinician/patients/${ctx.patientId}/timeline`;
    expect((await clients.consenting.get(path)).status).toBe(200);
    expect((await clients.patient.delete(`/api/care/links/${consentingLinkId}`)).status).toBe(204);
    expect((await clients.consenting.get(path)).status).toBe(404);
    expect((await clients.patient.delete(`/api/care/links/${consentingLinkId}`)).status).toBe(204);
    const links = await clients.patient.get("/api/care/links");
    expect(links.body.links.map((l: { id: string }) => l.id)).not.toContain(consentingLinkId);
  });

  it.skipIf(skip)(
    "lets an administrator read the whole audit log, and no one edit it",
    async () => {
      const doc = await clients.stranger.get("/api/openapi.json");
      for (const [path, methods] of Object.entries(doc.body.paths as Record<string, object>)) {
        if (!path.includes("audit")) continue;
        expect(Object.keys(methods)).toEqual(["get"]);
      }
      const email = `admin-${randomUUID()}@example.org`;
      const password = "admin-lamp-forest-42";
      await insertUser(server.database.db, {
        id: randomUUID(),
        email,
        passwordHash: await hashPassword(password),
        role: "admin",
        displayName: "Admin",
        timeZone: "UTC",
        now: server.clock.now(),
      });
      const admin = new ApiClient(server.baseUrl);
      expect((await admin.post("/api/auth/login", { email, password })).status).toBe(200);
      const all = await admin.get("/api/admin/audit?limit=500");
      expect(all.status).toBe(200);
      const subjects = new Set(all.body.entries.map((e: { subjectId: string }) => e.subjectId));
      expect(subjects.has(ctx.patientId)).toBe(true);
      const own = await admin.get(`/api/admin/audit?subjectId=${ctx.patientId}`);
      expect(own.body.entries.length).toBeGreaterThan(0);
      expect(
        own.body.entries.every((e: { subjectId: string }) => e.subjectId === ctx.patientId),
      ).toBe(true);
    },
  );
});
