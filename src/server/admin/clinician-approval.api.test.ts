import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import type { ApprovalSetting } from "../../core/accounts/clinician-approval.ts";
import { insertUser } from "../../db/users.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { hashPassword } from "../auth/passwords.ts";

/**
 * Clinician approval over real HTTP on both engines (MITRA_CLINICIAN_APPROVAL): who waits, what a
 * waiting clinician is refused and what they may do, what the patient sees, and the
 * administrator's approval and refusal with their audit entries.
 */

const pgReachable = await isPostgresReachable();
const PASSWORD = "quiet-harbour-lamp-42";

describe.each(engines)("clinician approval on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(setting: ApprovalSetting): Promise<TestServer> {
    server = await startTestServer(engine, { config: { clinicianApproval: setting } });
    return server;
  }

  async function signedInAdmin(s: TestServer): Promise<ApiClient> {
    const email = `admin-${randomUUID()}@example.org`;
    await insertUser(s.database.db, {
      id: randomUUID(),
      email,
      passwordHash: await hashPassword(PASSWORD),
      role: "admin",
      displayName: "Ada Admin",
      timeZone: "UTC",
      now: s.clock.now(),
    });
    const admin = new ApiClient(s.baseUrl);
    expect((await admin.post("/api/auth/login", { email, password: PASSWORD })).status).toBe(200);
    return admin;
  }

  async function clinician(s: TestServer, licence: string) {
    const client = new ApiClient(s.baseUrl);
    const account = await client.register("clinician", { licence, displayName: "Dr Okafor" });
    return { client, ...account };
  }

  it.skipIf(skip)("auto: the first account needs no approval, later clinicians wait", async () => {
    const s = await start("auto");
    const first = await clinician(s, "MD, sole practice");
    const me = await first.client.get("/api/me");
    expect(me.body.user).toMatchObject({ licence: "MD, sole practice", approval: "not_required" });
    expect((await first.client.get("/api/clinician/patients")).status).toBe(200);

    const later = await clinician(s, "RN 4471 (Oregon)");
    expect((await later.client.get("/api/me")).body.user.approval).toBe("pending");
    const patient = new ApiClient(s.baseUrl);
    await patient.register("patient");
    expect((await patient.get("/api/me")).body.user).toMatchObject({
      licence: null,
      approval: null,
    });
  });

  it.skipIf(skip)("on and off: every clinician waits, or none does", async () => {
    const on = await start("on");
    expect((await (await clinician(on, "RN")).client.get("/api/me")).body.user.approval).toBe(
      "pending",
    );
    await on.close();
    const off = await start("off");
    await new ApiClient(off.baseUrl).register("patient");
    expect((await (await clinician(off, "RN")).client.get("/api/me")).body.user.approval).toBe(
      "not_required",
    );
  });

  it.skipIf(skip)("asks a clinician for their licence or role, and only a clinician", async () => {
    const s = await start("auto");
    const missing = await new ApiClient(s.baseUrl).post("/api/auth/register", {
      email: `dr-${randomUUID()}@example.org`,
      password: PASSWORD,
      role: "clinician",
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields[0].field).toBe("body.licence");
    const patient = await new ApiClient(s.baseUrl).post("/api/auth/register", {
      email: `p-${randomUUID()}@example.org`,
      password: PASSWORD,
      role: "patient",
      licence: "MD",
    });
    expect(patient.status).toBe(400);
    expect(patient.body.error.details.fields[0].field).toBe("body.licence");
  });

  it.skipIf(skip)(
    "a waiting clinician joins but sees nothing until the administrator approves",
    async () => {
      const s = await start("auto");
      const admin = await signedInAdmin(s);
      const patient = new ApiClient(s.baseUrl);
      const patientAccount = await patient.register("patient");
      const dr = await clinician(s, "RN 4471 (Oregon)");

      const invitation = await patient.post("/api/care/invitations", {
        scopes: ["doses", "assessments", "notes"],
        maySetPlans: true,
      });
      expect((await dr.client.post("/api/care/join", { code: invitation.body.code })).status).toBe(
        201,
      );
      const links = await patient.get("/api/care/links");
      expect(links.body.links[0].clinician).toEqual({
        licence: "RN 4471 (Oregon)",
        verified: false,
      });

      for (const path of [
        "/api/clinician/patients",
        `/api/clinician/patients/${patientAccount.id}/timeline`,
        `/api/clinician/patients/${patientAccount.id}/plans`,
        `/api/clinician/patients/${patientAccount.id}/export/csv`,
      ]) {
        const refused = await dr.client.get(path);
        expect(refused.status, path).toBe(403);
        expect(refused.body.error.code, path).toBe("clinician_unverified");
        expect(refused.body.error.message).toMatch(/waiting for the administrator/);
      }

      const pending = await admin.get("/api/admin/clinicians/pending");
      expect(pending.body.clinicians).toEqual([
        expect.objectContaining({ id: dr.id, email: dr.email, licence: "RN 4471 (Oregon)" }),
      ]);
      expect((await admin.get("/api/admin/overview")).body.clinicianApproval).toEqual({
        setting: "auto",
        pending: 1,
      });

      const approved = await admin.post(`/api/admin/clinicians/${dr.id}/decision`, {
        decision: "approve",
      });
      expect(approved.status).toBe(200);
      expect(approved.body.user).toMatchObject({ id: dr.id, approval: "approved" });
      expect((await dr.client.get("/api/clinician/patients")).body.patients).toHaveLength(1);
      expect(
        (await dr.client.get(`/api/clinician/patients/${patientAccount.id}/timeline`)).status,
      ).toBe(200);
      expect((await patient.get("/api/care/links")).body.links[0].clinician.verified).toBe(true);
      expect((await admin.get("/api/admin/clinicians/pending")).body.clinicians).toEqual([]);

      // The clinician sees on their own trail who approved them.
      const trail = await dr.client.get("/api/audit");
      expect(trail.body.entries.map((e: { action: string }) => e.action)).toContain(
        "clinician_approved",
      );
    },
  );

  it.skipIf(skip)("refusing disables the account and ends its sessions", async () => {
    const s = await start("on");
    const admin = await signedInAdmin(s);
    const dr = await clinician(s, "Peer supporter");
    const patient = new ApiClient(s.baseUrl);
    const patientAccount = await patient.register("patient");

    const onPatient = await admin.post(`/api/admin/clinicians/${patientAccount.id}/decision`, {
      decision: "approve",
    });
    expect(onPatient.status).toBe(409);
    expect(onPatient.body.error.code).toBe("not_a_clinician");

    const refused = await admin.post(`/api/admin/clinicians/${dr.id}/decision`, {
      decision: "refuse",
    });
    expect(refused.body.user).toMatchObject({ disabled: true, approval: "pending" });
    expect((await dr.client.get("/api/me")).status).toBe(401);
    const again = await new ApiClient(s.baseUrl).post("/api/auth/login", {
      email: dr.email,
      password: dr.password,
    });
    expect(again.body.error.code).toBe("account_disabled");
    expect((await admin.get("/api/admin/clinicians/pending")).body.clinicians).toEqual([]);
    const log = await admin.get(`/api/admin/audit?subjectId=${dr.id}`);
    expect(log.status).toBe(200);
    expect(JSON.stringify(log.body)).toContain("clinician_refused");
  });
});
