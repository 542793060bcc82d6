import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answersFor, linkClinician } from "../../testing/care-team-records.ts";
import { expectNoHealthData } from "../../testing/health-data-check.ts";
import { SmtpPeer } from "../../testing/smtp-peer.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

/** A red-flag screen with one "yes" (the second item). */
const redFlagAnswers = () => answersFor("red-flags", (i) => (i === 1 ? 1 : 0));

describe.each(engines)("notifications by e-mail and in the app (%s)", (engine) => {
  let server: TestServer;
  let smtp: SmtpPeer;
  const mails = () => smtp.received.flatMap((m) => [m.subject, m.text, m.html]);

  beforeAll(async () => {
    if (engine === "postgres" && !(await isPostgresReachable())) return;
    smtp = new SmtpPeer();
    const smtpUrl = await smtp.start();
    server = await startTestServer(engine, {
      config: { smtpUrl, mailFrom: "Mitra <mitra@example.org>", publicUrl: "https://mitra.test" },
      notificationRetry: { attempts: 3, firstDelayMs: 200 },
    });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.stop();
    // Every message any test here received: no substance, instrument, symptom or score.
    if (smtp) expectNoHealthData(mails(), ["=to sleep"]);
  });

  async function careTeam(scopes?: string[]) {
    const patient = new ApiClient(server.baseUrl);
    const clinician = new ApiClient(server.baseUrl);
    await patient.register("patient");
    const doctor = await clinician.register("clinician");
    const linkId = await linkClinician(patient, clinician, scopes);
    return { patient, clinician, doctor, linkId };
  }

  const checkIn = (patient: ApiClient, id = randomUUID()) =>
    patient.post("/api/assessments", {
      id,
      instrument: "red-flags",
      answers: redFlagAnswers(),
      takenAt: new Date().toISOString(),
    });

  it("a red-flag check-in reaches the clinician's inbox and list once, without health data", async (ctx) => {
    if (!server) return ctx.skip();
    const { patient, clinician, doctor } = await careTeam();
    const id = randomUUID();
    expect((await checkIn(patient, id)).status).toBe(201);
    // The same check-in again (a retry) is stored once and told once.
    expect((await checkIn(patient, id)).status).toBe(200);

    const [mail] = await smtp.waitFor(doctor.email, 1);
    expect(mail?.subject).toBe("Mitra: a patient needs attention");
    const patientId = (await patient.get("/api/me")).body.user.id;
    expect(mail?.text).toContain(`https://mitra.test/patients/${patientId}`);
    expect(mail?.html).toContain(`href="https://mitra.test/patients/${patientId}"`);

    const list = await clinician.get("/api/notifications");
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(1);
    expect(list.body.notifications).toEqual([
      expect.objectContaining({
        kind: "red_flag",
        linkPath: `/patients/${patientId}`,
        readAt: null,
      }),
    ]);
    // The patient was told only that the clinician joined; nobody reads another's list.
    const patientList = (await patient.get("/api/notifications")).body.notifications;
    expect(patientList.map((n: { kind: string }) => n.kind)).toEqual(["care_link_joined"]);
    const other = new ApiClient(server.baseUrl);
    await other.register("clinician");
    const marked = await other.post("/api/notifications/read", {
      ids: [list.body.notifications[0].id],
    });
    expect(marked.body).toEqual({ marked: 0, unread: 0 });

    const read = await clinician.post("/api/notifications/read", {
      ids: [list.body.notifications[0].id],
    });
    expect(read.body).toEqual({ marked: 1, unread: 0 });
    expect((await clinician.get("/api/notifications/unread")).body.unread).toBe(0);

    // Give a duplicate time to arrive: still one.
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.to(doctor.email)).toHaveLength(1);
  });

  it("a dangerous combination and a dose over plan reach the clinician with the doses scope", async (ctx) => {
    if (!server) return ctx.skip();
    const { patient, doctor } = await careTeam(["doses"]);
    const assessmentsOnly = new ApiClient(server.baseUrl);
    const narrow = await assessmentsOnly.register("clinician");
    await linkClinician(patient, assessmentsOnly, ["assessments"]);
    const at = new Date(Date.now() - 60_000).toISOString();
    for (const [substance, amount, unit] of [
      ["kratom-leaf", 2, "g"],
      ["alprazolam", 0.5, "mg"],
    ] as const) {
      const res = await patient.post("/api/ingestions", {
        id: randomUUID(),
        substance,
        amount,
        unit,
        takenAt: at,
        notes: "=to sleep",
      });
      expect(res.status).toBe(201);
    }
    const mails = await smtp.waitFor(doctor.email, 1);
    expect(mails[0]?.subject).toBe("Mitra: a patient needs attention");
    await new Promise((r) => setTimeout(r, 800));
    // Doses are not in the narrow consent: that clinician hears nothing of them.
    expect(smtp.to(narrow.email)).toEqual([]);
  });

  it("revoking consent stops the clinician's alerts and hides the earlier ones", async (ctx) => {
    if (!server) return ctx.skip();
    const { patient, clinician, doctor, linkId } = await careTeam();
    await checkIn(patient);
    await smtp.waitFor(doctor.email, 1);
    expect((await clinician.get("/api/notifications/unread")).body.unread).toBe(1);

    expect((await patient.delete(`/api/care/links/${linkId}`)).status).toBe(204);
    await checkIn(patient);
    // The revocation itself is told to the clinician (without the patient's name)...
    const [, revoked] = await smtp.waitFor(doctor.email, 2);
    expect(revoked?.subject).toBe("Mitra: a patient stopped sharing with you");
    await new Promise((r) => setTimeout(r, 1000));
    // ...and nothing more: the second red flag reached no one.
    expect(smtp.to(doctor.email)).toHaveLength(2);
    const list = await clinician.get("/api/notifications");
    expect(list.body.notifications.map((n: { kind: string }) => n.kind)).toEqual([
      "care_link_revoked",
    ]);
  });

  it("tells the clinician once when a patient's withdrawal scores start rising", async (ctx) => {
    if (!server) return ctx.skip();
    const { patient, clinician, doctor } = await careTeam(["assessments"]);
    // SOWS-Gossop (0-30, a rise of 3 counts): 1, then 5 (rising: told), then 8 (the same rise).
    for (const [hoursAgo, total] of [
      [3, 1],
      [2, 5],
      [1, 8],
    ] as const) {
      const res = await patient.post("/api/assessments", {
        id: randomUUID(),
        instrument: "sows-gossop",
        answers: answersFor("sows-gossop", (i) => (i < total ? 1 : 0)),
        takenAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString(),
      });
      expect(res.status).toBe(201);
      expect(res.body.assessment.total).toBe(total);
    }
    const [mail] = await smtp.waitFor(doctor.email, 1);
    expect(mail?.subject).toBe("Mitra: a patient needs attention");
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.to(doctor.email)).toHaveLength(1);
    const list = await clinician.get("/api/notifications");
    expect(list.body.notifications).toEqual([
      expect.objectContaining({
        kind: "rising_score",
        label: "A patient's withdrawal scores are rising",
      }),
    ]);
  });

  it("tells the patient when a clinician joins", async (ctx) => {
    if (!server) return ctx.skip();
    const patient = new ApiClient(server.baseUrl);
    const me = await patient.register("patient");
    const clinician = new ApiClient(server.baseUrl);
    await clinician.register("clinician");
    await linkClinician(patient, clinician);
    const [mail] = await smtp.waitFor(me.email, 1);
    expect(mail?.subject).toBe("Mitra: a clinician joined your care team");
    const list = await patient.get("/api/notifications");
    expect(list.body.notifications[0]).toMatchObject({
      kind: "care_link_joined",
      linkPath: "/share",
    });
  });

  it("tells the owner of an address that someone tried to sign up with it, once an hour", async (ctx) => {
    if (!server) return ctx.skip();
    const owner = new ApiClient(server.baseUrl);
    const me = await owner.register("patient");
    const stranger = new ApiClient(server.baseUrl);
    for (let i = 0; i < 2; i++) {
      const res = await stranger.post("/api/auth/register", {
        email: me.email,
        password: "other-quiet-river-91",
        role: "patient",
      });
      expect(res.status).toBe(409);
    }
    const [mail] = await smtp.waitFor(me.email, 1);
    expect(mail?.subject).toBe("Mitra: someone tried to sign up with your e-mail address");
    await new Promise((r) => setTimeout(r, 800));
    expect(smtp.to(me.email)).toHaveLength(1);
  });

  it("e-mails a password reset code that works once, and nothing to an unknown address", async (ctx) => {
    if (!server) return ctx.skip();
    const person = new ApiClient(server.baseUrl);
    const me = await person.register("patient");
    const visitor = new ApiClient(server.baseUrl);
    expect((await visitor.post("/api/auth/forgot-password", { email: me.email })).status).toBe(202);
    const nobody = `nobody-${randomUUID()}@example.org`;
    expect((await visitor.post("/api/auth/forgot-password", { email: nobody })).status).toBe(202);

    const [mail] = await smtp.waitFor(me.email, 1);
    expect(mail?.subject).toBe("Mitra: your password reset code");
    const code = mail?.text.match(/code is ([0-9A-Z]{4}-[0-9A-Z]{4})/)?.[1];
    expect(code).toBeDefined();
    const reset = { email: me.email, code, newPassword: "amber-valley-window-58" };
    expect((await visitor.post("/api/auth/reset-password", reset)).status).toBe(200);
    expect((await visitor.post("/api/auth/reset-password", reset)).status).toBe(400);
    const signIn = await visitor.post("/api/auth/login", {
      email: me.email,
      password: reset.newPassword,
    });
    expect(signIn.status).toBe(200);
    expect(smtp.to(nobody)).toEqual([]);
  });

  it("retries a refused message with backoff, then shows it to administrators as dead", async (ctx) => {
    if (!server) return ctx.skip();
    const { patient } = await careTeam();
    const patientEmail = (await patient.get("/api/me")).body.user.email;
    await smtp.waitFor(patientEmail, 1);
    smtp.refuse = true;
    try {
      await checkIn(patient);
      const admin = new ApiClient(server.baseUrl);
      // Administrators are made from the command line; here, straight in the database.
      const account = await admin.register("clinician");
      await server.database.db
        .updateTable("users")
        .set({ role: "admin" })
        .where("id", "=", account.id)
        .execute();
      let dead: { kind: string; attempts: number; lastError: string }[] = [];
      const deadline = Date.now() + 15_000;
      while (dead.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 300));
        const res = await admin.get("/api/admin/notifications/dead");
        expect(res.status).toBe(200);
        dead = res.body.events;
      }
      expect(dead).toEqual([
        expect.objectContaining({
          kind: "red_flag",
          attempts: 3,
          lastError: expect.stringContaining("451"),
        }),
      ]);
      expect((await patient.get("/api/admin/notifications/dead")).status).toBe(403);
    } finally {
      smtp.refuse = false;
    }
  });
});
