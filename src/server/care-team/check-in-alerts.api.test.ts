import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answersFor, linkClinician } from "../../testing/care-team-records.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

const pgReachable = await isPostgresReachable();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Row {
  patient: { id: string; displayName: string };
  level: string;
  reasons: { kind: string; text: string }[];
  openRedFlags: number | null;
  lastRedFlagAt: string | null;
  missedCheckIns: number | null;
  checkInDaysCounted: number | null;
  alerts:
    | {
        assessmentId: string;
        instrumentName: string;
        takenAt: string;
        items: { itemId: string; label: string; kind: string }[];
      }[]
    | null;
}

/**
 * Red flags and reported signs named where the clinician looks, and "seen": a clinician's own
 * acknowledgement that takes a check-in out of their urgent group, recorded and audited.
 */
describe.each(engines)("check-in alerts and seen on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;

  beforeAll(async () => {
    if (!skip) server = await startTestServer(engine);
  });
  afterAll(async () => server?.close());

  async function person(role: "patient" | "clinician", displayName: string) {
    const c = new ApiClient(server.baseUrl);
    const { id } = await c.register(role, { displayName });
    return { c, id };
  }
  async function checkIn(
    c: ApiClient,
    instrument: string,
    hoursAgo: number,
    answers: Record<string, number>,
  ): Promise<{ id: string; takenAt: string }> {
    const id = randomUUID();
    const takenAt = new Date(server.clock.now().getTime() - hoursAgo * HOUR).toISOString();
    const res = await c.post("/api/assessments", {
      id,
      instrument,
      takenAt,
      answers: { ...answersFor(instrument, () => 0), ...answers },
    });
    expect(res.status).toBe(201);
    return { id, takenAt };
  }
  async function row(clinician: ApiClient, patientId: string): Promise<Row | undefined> {
    const res = await clinician.get("/api/clinician/patients");
    expect(res.status).toBe(200);
    return (res.body.patients as Row[]).find((r) => r.patient.id === patientId);
  }

  it.skipIf(skip)(
    "names each red flag with its time, and clears it for the clinician who saw it",
    async () => {
      const drA = await person("clinician", "Dr Seen");
      const drB = await person("clinician", "Dr Other");
      const doses = await person("clinician", "Dr Doses");
      const patient = await person("patient", "Flagged");
      const older = await checkIn(patient.c, "red-flags", 5, { fainting: 1 });
      const newer = await checkIn(patient.c, "red-flags", 2, { "chest-pain": 1, breathing: 1 });
      await checkIn(patient.c, "side-effects", 1, { "pale-stools": 1 });
      await linkClinician(patient.c, drA.c);
      await linkClinician(patient.c, drB.c);
      await linkClinician(patient.c, doses.c, ["doses"]);

      const before = await row(drA.c, patient.id);
      expect(before).toMatchObject({
        level: "urgent",
        openRedFlags: 2,
        lastRedFlagAt: newer.takenAt,
      });
      expect(before?.alerts?.map((a) => [a.assessmentId, a.items.map((i) => i.label)])).toEqual([
        [expect.any(String), ["Pale stools"]],
        [newer.id, ["Chest pain", "Breathing"]],
        [older.id, ["Fainting"]],
      ]);
      expect(before?.alerts?.[1]).toMatchObject({
        instrumentName: expect.any(String),
        takenAt: newer.takenAt,
      });
      expect(before?.reasons[0]).toEqual({
        kind: "red-flag",
        text: "Red flag not yet seen: Chest pain, Breathing, Fainting",
      });
      // Without the assessments scope: no alerts at all, not even an empty list.
      expect((await row(doses.c, patient.id))?.alerts).toBeNull();

      // Dr Seen marks the newer one as seen: recorded once, with who and when.
      const seenUrl = `/api/clinician/patients/${patient.id}/check-ins/${newer.id}/seen`;
      const seen = await drA.c.post(seenUrl, {});
      expect(seen.status).toBe(201);
      expect(seen.body.acknowledgement).toEqual({
        assessmentId: newer.id,
        clinicianId: drA.id,
        clinicianName: "Dr Seen",
        acknowledgedAt: server.clock.now().toISOString(),
      });
      server.clock.advance(60_000);
      const again = await drA.c.post(seenUrl, {});
      expect(again.status).toBe(200);
      expect(again.body.acknowledgement.acknowledgedAt).toBe(
        seen.body.acknowledgement.acknowledgedAt,
      );

      const partly = await row(drA.c, patient.id);
      expect(partly).toMatchObject({
        level: "urgent",
        openRedFlags: 1,
        lastRedFlagAt: older.takenAt,
      });
      expect(partly?.reasons[0]?.text).toBe("Red flag not yet seen: Fainting");
      // Dr Other's triage is their own: still two red flags.
      expect((await row(drB.c, patient.id))?.openRedFlags).toBe(2);

      // Seeing the older one and the side-effects check-in leaves nothing urgent or open.
      const rest = partly?.alerts?.map((a) => a.assessmentId) ?? [];
      for (const id of rest) {
        const res = await drA.c.post(
          `/api/clinician/patients/${patient.id}/check-ins/${id}/seen`,
          {},
        );
        expect(res.status).toBe(201);
      }
      const cleared = await row(drA.c, patient.id);
      expect(cleared).toMatchObject({
        openRedFlags: 0,
        lastRedFlagAt: null,
        alerts: [],
        reasons: [],
      });
      expect(cleared?.level).toBe("ok");

      // The timeline names every flagged check-in and who saw it, whoever looks.
      const timeline = await drB.c.get(`/api/clinician/patients/${patient.id}/timeline`);
      expect(timeline.status).toBe(200);
      expect(
        timeline.body.alerts.map((a: { assessmentId: string; items: { label: string }[] }) => [
          a.assessmentId,
          a.items.map((i) => i.label).join(", "),
        ]),
      ).toEqual([
        [expect.any(String), "Pale stools"],
        [newer.id, "Chest pain, Breathing"],
        [older.id, "Fainting"],
      ]);
      expect(timeline.body.acknowledgements).toHaveLength(3);
      expect(timeline.body.acknowledgements).toContainEqual({
        assessmentId: newer.id,
        clinicianId: drA.id,
        clinicianName: "Dr Seen",
        acknowledgedAt: seen.body.acknowledgement.acknowledgedAt,
      });
      const narrowTimeline = await doses.c.get(`/api/clinician/patients/${patient.id}/timeline`);
      expect(narrowTimeline.body.alerts).toBeUndefined();
      expect(narrowTimeline.body.acknowledgements).toBeUndefined();

      // In the patient's access log, once per check-in seen.
      const audit = await patient.c.get("/api/audit");
      const entries = audit.body.entries.filter(
        (e: { entity: string }) => e.entity === "check_in_acknowledgement",
      );
      expect(entries).toHaveLength(3);
      expect(entries[0]).toMatchObject({ action: "create", actorName: "Dr Seen" });
    },
  );

  it.skipIf(skip)(
    "refuses to mark a check-in that is not this patient's, or without the assessments scope",
    async () => {
      const clinician = await person("clinician", "Dr Careful");
      const doses = await person("clinician", "Dr Doses only");
      const patient = await person("patient", "Mine");
      const other = await person("patient", "Theirs");
      const mine = await checkIn(patient.c, "red-flags", 1, { seizure: 1 });
      const theirs = await checkIn(other.c, "red-flags", 1, { seizure: 1 });
      await linkClinician(patient.c, clinician.c);
      await linkClinician(other.c, clinician.c, ["doses"]);
      await linkClinician(patient.c, doses.c, ["doses"]);
      const url = (p: string, a: string) => `/api/clinician/patients/${p}/check-ins/${a}/seen`;

      // Another patient's check-in through this patient's address: as if it did not exist.
      const crossed = await clinician.c.post(url(patient.id, theirs.id), {});
      const missing = await clinician.c.post(url(patient.id, randomUUID()), {});
      expect(crossed.status).toBe(404);
      expect(crossed.body).toEqual(missing.body);
      expect((await clinician.c.post(url(other.id, theirs.id), {})).status).toBe(403);
      const refused = await doses.c.post(url(patient.id, mine.id), {});
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("scope_not_granted");
      expect((await patient.c.post(url(patient.id, mine.id), {})).status).toBe(403);
      const bad = await clinician.c.post(url(patient.id, "not-a-uuid"), {});
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toMatch(/assessmentId/);
      expect((await row(clinician.c, patient.id))?.openRedFlags).toBe(1);
    },
  );

  it.skipIf(skip)("counts missed check-ins only on days since the care link began", async () => {
    const clinician = await person("clinician", "Dr Days");
    const patient = await person("patient", "New");
    await linkClinician(patient.c, clinician.c);

    const fresh = await row(clinician.c, patient.id);
    expect(fresh).toMatchObject({
      missedCheckIns: 0,
      checkInDaysCounted: 0,
      level: "ok",
      reasons: [],
    });

    server.clock.advance(DAY + HOUR);
    const oneDay = await row(clinician.c, patient.id);
    expect(oneDay).toMatchObject({ missedCheckIns: 1, checkInDaysCounted: 1, level: "watch" });
    expect(oneDay?.reasons).toEqual([
      { kind: "missed-check-in", text: "no check-in in the last day" },
    ]);

    server.clock.advance(2 * DAY);
    await checkIn(patient.c, "sows-gossop", 1, {});
    const threeDays = await row(clinician.c, patient.id);
    expect(threeDays).toMatchObject({ missedCheckIns: 2, checkInDaysCounted: 3 });
    expect(threeDays?.reasons).toEqual([
      { kind: "missed-check-in", text: "no check-in on 2 of the last 3 days" },
    ]);
  });
});
