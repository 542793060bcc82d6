import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser } from "../../db/users.ts";
import { type SeededRecord, seedPatientRecord } from "../../testing/care-team-records.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { hashPassword } from "../auth/passwords.ts";

/**
 * What consent grants, beyond the status codes of the authorization matrix
 * (src/server/authorization-matrix.api.test.ts): the sections a narrow consent opens, the
 * dashboard, revocation on the very next request, codes that stop working with their link,
 * records of other patients named through a consenting patient, and the administrator's audit log.
 */

const pgReachable = await isPostgresReachable();

describe.each(engines)("what consent grants on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  let patient: ApiClient;
  let patientId: string;
  let record: SeededRecord;
  let full: ApiClient;
  let narrow: ApiClient;
  let fullLinkId: string;

  const client = () => new ApiClient(server.baseUrl);
  const invite = async (scopes: string[], maySetPlans: boolean, who = patient) => {
    const res = await who.post("/api/care/invitations", { scopes, maySetPlans });
    expect(res.status).toBe(201);
    return res.body.code as string;
  };

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
    patient = client();
    patientId = (await patient.register("patient")).id;
    record = await seedPatientRecord(patient, server.clock.now());
    full = client();
    narrow = client();
    await full.register("clinician", { displayName: "Dr Full" });
    await narrow.register("clinician", { displayName: "Dr Narrow" });
    const joined = await full.post("/api/care/join", {
      code: await invite(["doses", "assessments", "notes", "products"], true),
    });
    fullLinkId = joined.body.link.id;
    await narrow.post("/api/care/join", { code: await invite(["assessments"], false) });
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)("lists the patient on the dashboard of each clinician with a link", async () => {
    for (const c of [full, narrow]) {
      const res = await c.get("/api/clinician/patients");
      expect(res.body.patients.map((p: { patient: { id: string } }) => p.patient.id)).toEqual([
        patientId,
      ]);
    }
  });

  it.skipIf(skip)("gives a narrow consent the sections it grants and no others", async () => {
    const timeline = await narrow.get(`/api/clinician/patients/${patientId}/timeline`);
    expect(timeline.body.assessments.map((a: { id: string }) => a.id).sort()).toEqual(
      [...record.assessmentIds].sort(),
    );
    expect(timeline.body).not.toHaveProperty("doses");
    expect(timeline.body).not.toHaveProperty("notes");
    expect(timeline.body).not.toHaveProperty("plans");
    expect(timeline.body).not.toHaveProperty("products");
    const csv = await narrow.get(`/api/clinician/patients/${patientId}/export/csv`);
    expect(csv.body).toContain("# table: assessments");
    expect(csv.body).not.toContain("# table: ingestions");
    expect(csv.body).not.toContain("# table: clinical_notes");
    const fhir = await narrow.get(`/api/clinician/patients/${patientId}/export/fhir`);
    const types = new Set(
      fhir.body.entry.map((e: { resource: { resourceType: string } }) => e.resource.resourceType),
    );
    expect(types.has("QuestionnaireResponse")).toBe(true);
    expect(types.has("MedicationStatement")).toBe(false);
    expect(types.has("CarePlan")).toBe(false);
  });

  it.skipIf(skip)(
    "never reaches another patient's plan through a consenting patient's address",
    async () => {
      const other = client();
      await other.register("patient");
      const plan = await other.post("/api/plans", {
        id: randomUUID(),
        definition: {
          kind: "taper",
          substanceId: "kratom-leaf",
          unit: "g",
          startDate: server.clock.now().toISOString().slice(0, 10),
          startAmountPerDay: 6,
          step: { kind: "percent", percent: 10 },
          stepLengthDays: 7,
          limitAmountPerDay: 1,
        },
      });
      expect(plan.status).toBe(201);
      const base = `/api/clinician/patients/${patientId}/plans`;
      for (const planId of [plan.body.plan.id, randomUUID()]) {
        const answers = [
          await full.get(`${base}/${planId}/adherence`),
          await full.post(`${base}/${planId}/end`),
          await full.request("PUT", `${base}/${planId}`, {
            definition: plan.body.plan.current.definition,
          }),
        ];
        expect(answers.map((a) => [a.status, a.body])).toEqual(
          answers.map(() => [
            404,
            { error: { code: "not_found", message: "Plan was not found", details: {} } },
          ]),
        );
      }
      const untouched = await other.get(`/api/plans/${plan.body.plan.id}`);
      expect(untouched.body.plan).toMatchObject({ status: "active" });
      expect(untouched.body.plan.versions).toHaveLength(1);
    },
  );

  it.skipIf(skip)("forgets an old code once the clinician joined again", async () => {
    const clinician = client();
    await clinician.register("clinician");
    const first = await invite(["notes"], false);
    expect((await clinician.post("/api/care/join", { code: first })).status).toBe(201);
    expect((await clinician.post("/api/care/join", { code: first })).status).toBe(200);
    const second = await invite(["assessments"], false);
    expect((await clinician.post("/api/care/join", { code: second })).status).toBe(201);
    const stale = await clinician.post("/api/care/join", { code: first });
    expect(stale.status).toBe(404);
    expect(stale.body.error.code).toBe("invitation_not_found");
    expect(JSON.stringify(stale.body)).not.toContain(patientId);
  });

  it.skipIf(skip)("takes revocation into account on the very next request", async () => {
    const path = `/api/clinician/patients/${patientId}/timeline`;
    expect((await full.get(path)).status).toBe(200);
    expect((await patient.delete(`/api/care/links/${fullLinkId}`)).status).toBe(204);
    expect((await full.get(path)).status).toBe(404);
    expect((await full.get("/api/clinician/patients")).body.patients).toEqual([]);
    // Revoking again changes nothing and says so the same way.
    expect((await patient.delete(`/api/care/links/${fullLinkId}`)).status).toBe(204);
    const links = await patient.get("/api/care/links");
    expect(links.body.links.map((l: { id: string }) => l.id)).not.toContain(fullLinkId);
  });

  it.skipIf(skip)(
    "lets an administrator read the whole audit log, and no one edit it",
    async () => {
      const doc = await client().get("/api/openapi.json");
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
      const admin = client();
      expect((await admin.post("/api/auth/login", { email, password })).status).toBe(200);
      const all = await admin.get("/api/admin/audit?limit=500");
      expect(all.status).toBe(200);
      const subjects = new Set(all.body.entries.map((e: { subjectId: string }) => e.subjectId));
      expect(subjects.has(patientId)).toBe(true);
      const own = await admin.get(`/api/admin/audit?subjectId=${patientId}`);
      expect(own.body.entries.length).toBeGreaterThan(0);
      expect(own.body.entries.every((e: { subjectId: string }) => e.subjectId === patientId)).toBe(
        true,
      );
    },
  );
});
