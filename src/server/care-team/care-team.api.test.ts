import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answersFor, linkClinician, seedPatientRecord } from "../../testing/care-team-records.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

const pgReachable = await isPostgresReachable();
const HOUR = 3_600_000;

describe.each(engines)("care team over HTTP on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  const client = () => new ApiClient(server.baseUrl);

  async function person(role: "patient" | "clinician", name: string) {
    const c = client();
    const { id } = await c.register(role, { displayName: name });
    return { c, id };
  }

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)(
    "invites with a readable code that works once and only for 24 hours",
    async () => {
      const patient = await person("patient", "Ana");
      const first = await person("clinician", "Dr One");
      const second = await person("clinician", "Dr Two");

      const bad = await patient.c.post("/api/care/invitations", { scopes: [] });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.fields[0].field).toBe("body.scopes");

      const inv = await patient.c.post("/api/care/invitations", {
        scopes: ["assessments", "doses"],
        maySetPlans: true,
      });
      expect(inv.status).toBe(201);
      expect(inv.body.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(inv.body.scopes).toEqual(["doses", "assessments"]);
      expect(Date.parse(inv.body.expiresAt) - server.clock.now().getTime()).toBe(24 * HOUR);
      const pending = await patient.c.get("/api/care/invitations");
      expect(pending.body.invitations.map((i: { id: string }) => i.id)).toEqual([inv.body.id]);
      expect(JSON.stringify(pending.body)).not.toContain(inv.body.code);

      const typed = inv.body.code.toLowerCase().replace("-", " ");
      const joined = await first.c.post("/api/care/join", { code: typed });
      expect(joined.status).toBe(201);
      expect(joined.body.link).toMatchObject({
        scopes: ["doses", "assessments"],
        maySetPlans: true,
        person: { id: patient.id, displayName: "Ana" },
      });
      const retry = await first.c.post("/api/care/join", { code: inv.body.code });
      expect(retry.status).toBe(200);
      expect(retry.body.link.id).toBe(joined.body.link.id);
      const stolen = await second.c.post("/api/care/join", { code: inv.body.code });
      expect(stolen.status).toBe(404);
      expect(stolen.body.error.code).toBe("invitation_not_found");

      const late = await patient.c.post("/api/care/invitations", { scopes: ["notes"] });
      server.clock.advance(24 * HOUR + 1000);
      const expired = await second.c.post("/api/care/join", { code: late.body.code });
      expect(expired.status).toBe(404);
      const malformed = await second.c.post("/api/care/join", { code: "ABC" });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.details.fields[0].field).toBe("body.code");

      const cancelled = await patient.c.post("/api/care/invitations", { scopes: ["notes"] });
      expect((await patient.c.delete(`/api/care/invitations/${cancelled.body.id}`)).status).toBe(
        204,
      );
      expect((await second.c.post("/api/care/join", { code: cancelled.body.code })).status).toBe(
        404,
      );

      const links = await patient.c.get("/api/care/links");
      expect(links.body.links).toHaveLength(1);
      expect(links.body.links[0].person).toMatchObject({ id: first.id, displayName: "Dr One" });
    },
  );

  it.skipIf(skip)(
    "replaces a pair's link when the clinician joins again with new scopes",
    async () => {
      const patient = await person("patient", "Bo");
      const clinician = await person("clinician", "Dr Re");
      const firstLink = await linkClinician(patient.c, clinician.c, ["notes"], false);
      const secondLink = await linkClinician(patient.c, clinician.c, ["assessments"], false);
      expect(secondLink).not.toBe(firstLink);
      const live = await patient.c.get("/api/care/links");
      expect(
        live.body.links.map((l: { id: string; scopes: string[] }) => [l.id, l.scopes]),
      ).toEqual([[secondLink, ["assessments"]]]);
      const all = await patient.c.get("/api/care/links?include=all");
      const ended = all.body.links.find((l: { id: string }) => l.id === firstLink);
      expect(ended.revokedAt).not.toBeNull();
    },
  );

  it.skipIf(skip)(
    "ranks the dashboard worst first with signals, sparkline and last entry",
    async () => {
      const clinician = await person("clinician", "Dr Triage");
      const calm = await person("patient", "Calm");
      const troubled = await person("patient", "Troubled");
      const quiet = await person("patient", "Quiet");
      const now = server.clock.now();
      await calm.c.post("/api/assessments", {
        id: randomUUID(),
        instrument: "sows-gossop",
        answers: answersFor("sows-gossop", () => 0),
        takenAt: new Date(now.getTime() - HOUR).toISOString(),
      });
      await calm.c.post("/api/assessments", {
        id: randomUUID(),
        instrument: "sows-gossop",
        answers: answersFor("sows-gossop", () => 0),
        takenAt: new Date(now.getTime() - 25 * HOUR).toISOString(),
      });
      await calm.c.post("/api/assessments", {
        id: randomUUID(),
        instrument: "sows-gossop",
        answers: answersFor("sows-gossop", () => 0),
        takenAt: new Date(now.getTime() - 49 * HOUR).toISOString(),
      });
      await seedPatientRecord(troubled.c, now);
      for (const p of [calm, troubled, quiet]) await linkClinician(p.c, clinician.c);

      const res = await clinician.c.get("/api/clinician/patients");
      expect(res.status).toBe(200);
      const rows = res.body.patients;
      expect(rows.map((r: { patient: { displayName: string } }) => r.patient.displayName)).toEqual([
        "Troubled",
        "Quiet",
        "Calm",
      ]);
      const [worst, silent, fine] = rows;
      expect(worst).toMatchObject({
        level: "urgent",
        openRedFlags: 1,
        dosesOverPlan: 1,
        riskyCombinations: 1,
        worstCombination: "dangerous",
        missedCheckIns: 0,
      });
      expect(worst.rising.map((r: { instrument: string }) => r.instrument)).toEqual([
        "sows-gossop",
      ]);
      expect(worst.sparkline).toHaveLength(14);
      expect(worst.sparkline.at(-1)).toBeGreaterThan(worst.sparkline.at(-3));
      expect(worst.lastEntryAt).toBe(new Date(now.getTime() - 2 * HOUR).toISOString());
      expect(worst.reasons[0]).toMatchObject({ kind: "red-flag" });
      // Linked minutes ago: no day since the link to have missed a check-in on.
      expect(silent).toMatchObject({
        level: "ok",
        missedCheckIns: 0,
        checkInDaysCounted: 0,
        lastEntryAt: null,
      });
      expect(fine).toMatchObject({ level: "ok", openRedFlags: 0, missedCheckIns: 0, reasons: [] });
      expect(fine.sparkline.slice(-3)).toEqual([0, 0, 0]);

      // A note after the red flag marks it seen.
      await clinician.c.post(`/api/clinician/patients/${troubled.id}/notes`, {
        id: randomUUID(),
        body: "Called about the red flag; seen in clinic.",
      });
      const after = await clinician.c.get("/api/clinician/patients");
      const row = after.body.patients.find(
        (r: { patient: { id: string } }) => r.patient.id === troubled.id,
      );
      expect(row.openRedFlags).toBe(0);
      expect(row.level).toBe("high");

      // Every row the dashboard showed is in that patient's audit trail.
      const audit = await troubled.c.get("/api/audit");
      const summaries = audit.body.entries.filter(
        (e: { entity: string; actorId: string }) =>
          e.entity === "triage_summary" && e.actorId === clinician.id,
      );
      expect(summaries.length).toBe(2);
      expect(summaries[0]).toMatchObject({ action: "read", actorName: "Dr Triage" });
    },
  );

  it.skipIf(skip)("shows the timeline, takes notes once, records COWS and sets plans", async () => {
    const clinician = await person("clinician", "Dr View");
    const patient = await person("patient", "Cy");
    const seeded = await seedPatientRecord(patient.c, server.clock.now());
    await linkClinician(patient.c, clinician.c);
    const base = `/api/clinician/patients/${patient.id}`;

    const timeline = await clinician.c.get(`${base}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.assessments.map((a: { id: string }) => a.id).sort()).toEqual(
      [...seeded.assessmentIds].sort(),
    );
    expect(timeline.body.doses.map((d: { id: string }) => d.id).sort()).toEqual(
      [...seeded.doseIds].sort(),
    );
    const alprazolam = timeline.body.doses.find(
      (d: { substanceId: string }) => d.substanceId === "alprazolam",
    );
    expect(
      alprazolam.warnings.some((w: { code: string }) => w.code.startsWith("interaction.")),
    ).toBe(true);
    expect(timeline.body.plans.map((p: { id: string }) => p.id)).toEqual([seeded.planId]);
    expect(timeline.body.trends.trends.length).toBeGreaterThan(0);

    const note = { id: randomUUID(), body: "Plan discussed; next visit Friday." };
    const created = await clinician.c.post(`${base}/notes`, note);
    expect(created.status).toBe(201);
    expect(created.body.note).toMatchObject({ body: note.body, authorName: "Dr View" });
    const again = await clinician.c.post(`${base}/notes`, note);
    expect(again.status).toBe(200);
    const empty = await clinician.c.post(`${base}/notes`, { id: randomUUID(), body: "  " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields[0].field).toBe("body.body");
    const seen = await patient.c.get("/api/care/notes");
    expect(seen.body.notes.map((n: { id: string }) => n.id)).toEqual([note.id]);

    const cows = await clinician.c.post(`${base}/assessments`, {
      id: randomUUID(),
      instrument: "cows",
      answers: answersFor("cows", () => 1),
      takenAt: new Date(server.clock.now().getTime() - 60_000).toISOString(),
    });
    expect(cows.status).toBe(201);
    expect(cows.body.assessment.recordedBy).toBe(clinician.id);
    const ownCows = await patient.c.post("/api/assessments", {
      id: randomUUID(),
      instrument: "cows",
      answers: answersFor("cows", () => 1),
      takenAt: new Date(server.clock.now().getTime() - 60_000).toISOString(),
    });
    expect(ownCows.status).toBe(403);

    const plans = await clinician.c.get(`${base}/plans`);
    expect(plans.body.plans).toHaveLength(1);
    const adherence = await clinician.c.get(`${base}/plans/${seeded.planId}/adherence`);
    expect(adherence.status).toBe(200);
    expect(adherence.body.days.length).toBe(14);

    const audit = await patient.c.get("/api/audit");
    const byClinician = audit.body.entries.filter(
      (e: { actorId: string }) => e.actorId === clinician.id,
    );
    const kinds = new Set(
      byClinician.map((e: { action: string; entity: string }) => `${e.action} ${e.entity}`),
    );
    for (const k of ["read timeline", "create clinical_note", "create assessment", "read plan"]) {
      expect(kinds).toContain(k);
    }
    expect(byClinician.every((e: { address: string | null }) => e.address !== null)).toBe(true);
  });
});
