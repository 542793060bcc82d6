import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answersFor, linkClinician } from "../../testing/care-team-records.ts";
import { expectNoHealthData } from "../../testing/health-data-check.ts";
import { SmtpPeer } from "../../testing/smtp-peer.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { sendDueReminders } from "./reminders.ts";

const HOUR = 3_600_000;
const DAY = 86_400_000;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const preferences = {
  enabled: true,
  channels: { email: true, push: true },
  mutedKinds: [],
  mutedPatients: [],
  checkInReminders: ["09:00"],
  quietHours: null,
};

describe.each(engines)("preferences, check-in reminders and retention (%s)", (engine) => {
  let server: TestServer;
  let smtp: SmtpPeer;

  beforeAll(async () => {
    if (engine === "postgres" && !(await isPostgresReachable())) return;
    smtp = new SmtpPeer();
    const smtpUrl = await smtp.start();
    server = await startTestServer(engine, {
      config: { smtpUrl, mailFrom: "mitra@example.org", notificationRetentionDays: 30 },
    });
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.stop();
    if (smtp) expectNoHealthData(smtp.received.flatMap((m) => [m.subject, m.text, m.html]));
  });

  /** Moves the server's clock to `iso` and runs the reminder scheduler once. */
  const remindAt = (iso: string) => {
    server.clock.advance(new Date(iso).getTime() - server.clock.now().getTime());
    return sendDueReminders(server.app.mitra.db, server.app.mitra.notifier, server.clock.now());
  };

  it("reminds at 09:00 in the person's zone on both sides of a daylight-saving change", async (ctx) => {
    if (!server) return ctx.skip();
    const person = new ApiClient(server.baseUrl);
    const me = await person.register("patient");
    expect((await person.patch("/api/me", { timeZone: "America/New_York" })).status).toBe(200);
    const saved = await person.request("PUT", "/api/notifications/preferences", preferences);
    expect(saved.status).toBe(200);
    expect(saved.body.checkInReminders).toEqual(["09:00"]);

    // Saturday 7 March 2026, EST (UTC-5): 09:00 is 14:00Z; at 13:05Z (08:05 local) nothing yet.
    expect(await remindAt("2026-03-07T13:05:00Z")).toBe(0);
    expect(await remindAt("2026-03-07T14:00:30Z")).toBe(1);
    // Another instance (or the next tick) finds the same slot: no second event.
    expect(await remindAt("2026-03-07T14:01:00Z")).toBe(0);
    // Sunday 8 March, after the clocks went forward (EDT, UTC-4): 09:00 is 13:00Z.
    expect(await remindAt("2026-03-08T12:55:00Z")).toBe(0);
    expect(await remindAt("2026-03-08T13:00:30Z")).toBe(1);

    const mails = await smtp.waitFor(me.email, 2);
    expect(mails.map((m) => m.subject)).toEqual([
      "Mitra: time for your check-in",
      "Mitra: time for your check-in",
    ]);
    await new Promise((r) => setTimeout(r, 800));
    expect(smtp.to(me.email)).toHaveLength(2);
    const list = await person.get("/api/notifications");
    expect(list.body.notifications.map((n: { linkPath: string }) => n.linkPath)).toEqual([
      "/check-in",
      "/check-in",
    ]);
  });

  it("turns everything off, but the test button still sends one", async (ctx) => {
    if (!server) return ctx.skip();
    const person = new ApiClient(server.baseUrl);
    const me = await person.register("patient");
    const off = { ...preferences, enabled: false };
    expect((await person.request("PUT", "/api/notifications/preferences", off)).status).toBe(200);
    // 09:00 in its zone (UTC): no reminder, as everything is off.
    expect(await remindAt("2026-03-09T09:00:30Z")).toBe(0);
    expect((await person.post("/api/notifications/test")).status).toBe(202);
    const [mail] = await smtp.waitFor(me.email, 1);
    expect(mail?.subject).toBe("Mitra: test notification");
  });

  it("tells the clinicians of a check-in missed around a reminder, and not of one taken", async (ctx) => {
    if (!server) return ctx.skip();
    // Sessions made now last into the days below (the clock moves for each step).
    await remindAt("2026-05-04T05:00:00Z");
    const person = new ApiClient(server.baseUrl);
    await person.register("patient");
    const clinician = new ApiClient(server.baseUrl);
    const doctor = await clinician.register("clinician");
    await linkClinician(person, clinician, ["assessments"]);
    const at0600 = { ...preferences, checkInReminders: ["06:00"] };
    expect((await person.request("PUT", "/api/notifications/preferences", at0600)).status).toBe(
      200,
    );

    // 4 May: no check-in from 02:00 to 10:00 UTC.
    await remindAt("2026-05-04T06:00:30Z");
    await remindAt("2026-05-04T10:00:30Z");
    const [mail] = await smtp.waitFor(doctor.email, 1);
    expect(mail?.subject).toBe("Mitra: a patient needs attention");
    const kinds = async () =>
      (await clinician.get("/api/notifications")).body.notifications.map(
        (n: { kind: string }) => n.kind,
      );
    expect(await kinds()).toEqual(["missed_check_in"]);

    // 5 May: a check-in at 06:40, so nothing is missed.
    await remindAt("2026-05-05T06:45:00Z");
    const taken = await person.post("/api/assessments", {
      id: randomUUID(),
      instrument: "red-flags",
      answers: answersFor("red-flags", () => 0),
      takenAt: "2026-05-05T06:40:00Z",
    });
    expect(taken.status).toBe(201);
    await remindAt("2026-05-05T10:00:30Z");
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.to(doctor.email)).toHaveLength(1);
    expect(await kinds()).toEqual(["missed_check_in"]);
  });

  it("holds e-mail in quiet hours until they end, but not a red flag to the clinician", async (ctx) => {
    if (!server) return ctx.skip();
    // Six seconds before the quiet hours (22:00-07:00 UTC) end.
    await remindAt("2026-06-10T06:59:54Z");
    const quiet = {
      ...preferences,
      checkInReminders: [],
      quietHours: { start: "22:00", end: "07:00" },
    };
    const person = new ApiClient(server.baseUrl);
    const me = await person.register("patient");
    const clinician = new ApiClient(server.baseUrl);
    const doctor = await clinician.register("clinician");
    for (const who of [person, clinician]) {
      expect((await who.request("PUT", "/api/notifications/preferences", quiet)).status).toBe(200);
    }
    await linkClinician(person, clinician, ["assessments"]);
    const flagged = await person.post("/api/assessments", {
      id: randomUUID(),
      instrument: "red-flags",
      answers: answersFor("red-flags", (i) => (i === 1 ? 1 : 0)),
      takenAt: server.clock.now().toISOString(),
    });
    expect(flagged.status).toBe(201);

    // The red flag goes through the clinician's quiet hours at once.
    const [alert] = await smtp.waitFor(doctor.email, 1);
    expect(alert?.subject).toBe("Mitra: a patient needs attention");
    // The patient's "a clinician joined" is in the app now, and its e-mail is held.
    const list = await person.get("/api/notifications");
    expect(list.body.notifications.map((n: { kind: string }) => n.kind)).toEqual([
      "care_link_joined",
    ]);
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.to(me.email)).toEqual([]);

    // 07:00 comes: the held e-mail goes out, once.
    server.clock.advance(10_000);
    const [held] = await smtp.waitFor(me.email, 1, 15_000);
    expect(held?.subject).toBe("Mitra: a clinician joined your care team");
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.to(me.email)).toHaveLength(1);
    expect(smtp.to(doctor.email)).toHaveLength(1);
  });

  /** A patient with a kratom plan of at least one hour between doses, and these preferences. */
  async function patientWithPlan(doseWindowReminders: boolean) {
    const person = new ApiClient(server.baseUrl);
    const me = await person.register("patient");
    const chosen = { ...preferences, checkInReminders: [], doseWindowReminders };
    const saved = await person.request("PUT", "/api/notifications/preferences", chosen);
    expect(saved.status).toBe(200);
    expect(saved.body.doseWindowReminders).toBe(doseWindowReminders);
    const plan = await person.post("/api/plans", {
      id: randomUUID(),
      definition: {
        kind: "taper",
        substanceId: "kratom-leaf",
        unit: "g",
        startDate: new Date(server.clock.now().getTime() - 2 * DAY).toISOString().slice(0, 10),
        startAmountPerDay: 8,
        step: { kind: "amount", amount: 0.5 },
        stepLengthDays: 7,
        minHoursBetweenDoses: 1,
      },
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
    return { person, me };
  }

  /** Logs a dose taken so long ago that its window opens `inMs` from now. */
  async function logDose(person: ApiClient, inMs: number) {
    const takenAt = new Date(server.clock.now().getTime() - HOUR + inMs).toISOString();
    const res = await person.post("/api/ingestions", {
      id: randomUUID(),
      substance: "kratom-leaf",
      amount: 1,
      unit: "g",
      takenAt,
    });
    expect(res.status).toBe(201);
  }

  const ownKinds = async (person: ApiClient) =>
    (await person.get("/api/notifications")).body.notifications.map(
      (n: { kind: string }) => n.kind,
    );

  it("tells one who opted in once the interval has passed, not before", async (ctx) => {
    if (!server) return ctx.skip();
    const { person, me } = await patientWithPlan(true);
    await logDose(person, 1_500);
    await pause(700);
    expect(smtp.to(me.email)).toHaveLength(0);
    const [mail] = await smtp.waitFor(me.email, 1);
    expect(mail?.subject).toBe("Mitra: your next dose window is open");
    expect(await ownKinds(person)).toEqual(["dose_window_open"]);
  });

  it("after a second dose before the window, only the later dose's reminder comes", async (ctx) => {
    if (!server) return ctx.skip();
    const { person, me } = await patientWithPlan(true);
    await logDose(person, 1_000);
    await logDose(person, 2_500);
    await smtp.waitFor(me.email, 1);
    // Past both windows (and the first's delivery): the earlier dose's reminder said nothing.
    await pause(2_500);
    expect(smtp.to(me.email)).toHaveLength(1);
    expect(await ownKinds(person)).toEqual(["dose_window_open"]);
  });

  it("tells no one who did not opt in, or who turned it off before the window", async (ctx) => {
    if (!server) return ctx.skip();
    const never = await patientWithPlan(false);
    await logDose(never.person, 500);
    const changed = await patientWithPlan(true);
    await logDose(changed.person, 1_500);
    const off = { ...preferences, checkInReminders: [], doseWindowReminders: false };
    const saved = await changed.person.request("PUT", "/api/notifications/preferences", off);
    expect(saved.status).toBe(200);
    await pause(2_500);
    expect(smtp.to(never.me.email)).toHaveLength(0);
    expect(smtp.to(changed.me.email)).toHaveLength(0);
    expect(await ownKinds(never.person)).toEqual([]);
    expect(await ownKinds(changed.person)).toEqual([]);
  });

  it("refuses a bad time, naming the field", async (ctx) => {
    if (!server) return ctx.skip();
    const person = new ApiClient(server.baseUrl);
    await person.register("patient");
    const res = await person.request("PUT", "/api/notifications/preferences", {
      ...preferences,
      checkInReminders: ["25:00"],
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("body.checkInReminders.0");
  });

  it("deletes delivered and dead events and read entries after the retention, keeps the rest", async (ctx) => {
    if (!server) return ctx.skip();
    // Events are finished on the wall clock: the app's starts there too (others moved it).
    server.clock.advance(Date.now() - server.clock.now().getTime());
    const { db } = server.database;
    const patient = new ApiClient(server.baseUrl);
    const me = await patient.register("patient");
    const clinician = new ApiClient(server.baseUrl);
    await clinician.register("clinician");
    // "A clinician joined" (left unread) and a test notification (read), each e-mailed.
    await linkClinician(patient, clinician);
    expect((await patient.post("/api/notifications/test")).status).toBe(202);
    await smtp.waitFor(me.email, 2);
    const list = (await patient.get("/api/notifications")).body.notifications as {
      id: string;
      kind: string;
    }[];
    const test = list.find((n) => n.kind === "test");
    expect((await patient.post("/api/notifications/read", { ids: [test?.id] })).status).toBe(200);
    const eventOf = async (kind: string) =>
      (
        await db
          .selectFrom("notifications")
          .select("event_id")
          .where("kind", "=", kind)
          .where("recipient_id", "=", me.id)
          .execute()
      )
        .map((r) => r.event_id)
        .at(0);
    const testEvent = await eventOf("test");
    const joinedEvent = await eventOf("care_link_joined");
    // Delivery is recorded just after the e-mail is handed over.
    const delivered = async () =>
      (
        await db
          .selectFrom("notification_events")
          .select("id")
          .where("state", "=", "delivered")
          .where("id", "in", [testEvent ?? "", joinedEvent ?? ""])
          .execute()
      ).length;
    for (let i = 0; i < 50 && (await delivered()) < 2; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await delivered()).toBe(2);

    // A dead event and a pending one, both long finished or long due.
    const longAgo = new Date(Date.now() - 90 * DAY).toISOString();
    const dead = randomUUID();
    const pending = randomUUID();
    await db
      .insertInto("notification_events")
      .values([
        {
          id: dead,
          kind: "test",
          subject_id: me.id,
          other_id: null,
          created_at: longAgo,
          state: "dead",
          attempts: 5,
          next_attempt_at: longAgo,
          last_error: "451",
          finished_at: longAgo,
        },
        // Held far ahead, so no engine takes it during the test.
        {
          id: pending,
          kind: "test",
          subject_id: me.id,
          other_id: null,
          created_at: longAgo,
          state: "pending",
          attempts: 0,
          next_attempt_at: new Date(Date.now() + 365 * DAY).toISOString(),
          last_error: null,
          finished_at: null,
        },
      ])
      .execute();

    // 31 days on, the maintenance (run at every start, then hourly) purges.
    server.clock.advance(31 * DAY);
    await server.app.mitra.notifier.stop();
    await server.app.mitra.notifier.start();
    const eventIds = async () =>
      new Set((await db.selectFrom("notification_events").select("id").execute()).map((r) => r.id));
    for (let i = 0; i < 50 && (await eventIds()).has(dead); i++)
      await new Promise((r) => setTimeout(r, 100));

    const events = await eventIds();
    expect(events.has(dead)).toBe(false);
    expect(events.has(testEvent ?? "")).toBe(false);
    // Kept: an event still pending, and one whose entry is unread.
    expect(events.has(pending)).toBe(true);
    expect(events.has(joinedEvent ?? "")).toBe(true);
    const deliveries = new Set(
      (await db.selectFrom("notification_deliveries").select("event_id").execute()).map(
        (r) => r.event_id,
      ),
    );
    expect(deliveries.has(testEvent ?? "")).toBe(false);
    expect(deliveries.has(joinedEvent ?? "")).toBe(true);
    const entries = await db
      .selectFrom("notifications")
      .select("kind")
      .where("recipient_id", "=", me.id)
      .execute();
    expect(entries.map((e) => e.kind)).toEqual(["care_link_joined"]);
  });
});
