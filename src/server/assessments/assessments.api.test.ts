import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InstrumentDefinition } from "../../core/assessment/index.ts";
import { findInstrument } from "../../knowledge/instruments.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { recordAssessment } from "./record-assessment.ts";

const pgReachable = await isPostgresReachable();

function instrument(id: string): InstrumentDefinition {
  const found = findInstrument(id);
  if (!found) throw new Error(`no instrument ${id}`);
  return found;
}

/** Every item of an instrument answered with its n-th allowed value (clamped to the last). */
function answersAt(id: string, pick: (itemIndex: number) => number): Record<string, number> {
  const answers: Record<string, number> = {};
  instrument(id).items.forEach((item, i) => {
    if (item.kind === "numeric") answers[item.id] = item.min;
    else {
      const n = Math.min(pick(i), item.answers.length - 1);
      answers[item.id] = item.answers[n]?.value ?? 0;
    }
  });
  return answers;
}

describe.each(engines)("assessments over HTTP on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  const client = () => new ApiClient(server.baseUrl);
  const ago = (hours: number) =>
    new Date(server.clock.now().getTime() - hours * 3_600_000).toISOString();

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)("lists instruments without a session, items in published order", async () => {
    const res = await client().get("/api/instruments");
    expect(res.status).toBe(200);
    expect(res.body.version).toMatch(/^\d+\.\d+\.\d+$/);
    const byId = new Map<string, any>(res.body.instruments.map((i: any) => [i.id, i]));
    expect([...byId.keys()]).toEqual(
      expect.arrayContaining(["cows", "sows", "sows-gossop", "quick-check", "red-flags"]),
    );
    const sows = byId.get("sows");
    expect(sows.items).toHaveLength(16);
    expect(sows.items[0].id).toBe("anxious");
    expect(sows.items[15].id).toBe("feel-like-using");
    expect(sows.items[0].answers.map((a: any) => a.value)).toEqual([0, 1, 2, 3, 4]);
    expect(sows.items[0].answers[4].label).toBe("Extremely");
    expect(sows.sources.length).toBeGreaterThan(0);
    const cows = byId.get("cows");
    expect(cows.recordedBy).toBe("clinician");
    expect(cows.items[0].answers.map((a: any) => a.value)).toEqual([0, 1, 2, 4]);
    expect(cows.bands.find((b: any) => b.id === "mild")).toMatchObject({ min: 5, max: 12 });
    expect(cows.bands.find((b: any) => b.id === "severe")).toMatchObject({ min: 37, max: 48 });
  });

  it.skipIf(skip)("scores and stores a SOWS, and a retry returns the stored record", async () => {
    const c = client();
    await c.register();
    const id = crypto.randomUUID();
    const answers = answersAt("sows", (i) => i % 5);
    const expected = Object.values(answers).reduce((a, b) => a + b, 0);
    const body = { id, instrument: "sows", answers, takenAt: ago(1) };
    const res = await c.post("/api/assessments", body);
    expect(res.status).toBe(201);
    expect(res.body.assessment).toMatchObject({
      id,
      instrument: "sows",
      instrumentName: "SOWS",
      total: expected,
      totalRange: { min: 0, max: 64 },
      band: null,
      redFlag: false,
      answers,
    });
    expect(res.body.assessment.subscores).toEqual([
      expect.objectContaining({ id: "craving", score: answers["feel-like-using"] }),
    ]);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.crisisResources).toEqual([]);

    const again = await c.post("/api/assessments", {
      ...body,
      answers: answersAt("sows", () => 4),
    });
    expect(again.status).toBe(200);
    expect(again.body.assessment.total).toBe(expected);
    const list = await c.get("/api/assessments");
    expect(list.body.assessments.filter((a: any) => a.id === id)).toHaveLength(1);

    const thief = client();
    await thief.register();
    const stolen = await thief.post("/api/assessments", body);
    expect(stolen.status).toBe(409);
    expect(stolen.body.error.code).toBe("id_conflict");
    expect((await thief.get("/api/assessments")).body.assessments).toEqual([]);
  });

  it.skipIf(skip)("refuses bad answers with a 400 naming the item", async () => {
    const c = client();
    await c.register();
    const good = answersAt("sows-gossop", () => 1);
    const post = (patch: Record<string, unknown>) =>
      c.post("/api/assessments", {
        id: crypto.randomUUID(),
        instrument: "sows-gossop",
        answers: good,
        takenAt: ago(0),
        ...patch,
      });
    const fieldsOf = (res: any) => res.body.error.details.fields.map((f: any) => f.field);

    const outside = await post({ answers: { ...good, yawning: 4 } });
    expect(outside.status).toBe(400);
    expect(outside.body.error.code).toBe("invalid_input");
    expect(fieldsOf(outside)).toEqual(["body.answers.yawning"]);
    expect(outside.body.error.message).toMatch(/allowed: 0, 1, 2, 3/);

    const { insomnia: _dropped, ...missingOne } = good;
    const missing = await post({ answers: missingOne });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing)).toEqual(["body.answers.insomnia"]);

    const unknownItem = await post({ answers: { ...good, sneezing: 1 } });
    expect(fieldsOf(unknownItem)).toEqual(["body.answers.sneezing"]);

    const notNumber = await post({ answers: { ...good, yawning: "2" } });
    expect(notNumber.status).toBe(400);
    expect(fieldsOf(notNumber)).toEqual(["body.answers.yawning"]);

    const fractional = await post({ answers: { ...good, yawning: 1.5 } });
    expect(fieldsOf(fractional)).toEqual(["body.answers.yawning"]);

    const unknownInstrument = await post({ instrument: "ciwa" });
    expect(unknownInstrument.status).toBe(400);
    expect(fieldsOf(unknownInstrument)).toEqual(["body.instrument"]);
    expect(unknownInstrument.body.error.message).toMatch(/sows-gossop/);

    const future = await post({
      takenAt: new Date(server.clock.now().getTime() + 10 * 60_000).toISOString(),
    });
    expect(future.status).toBe(400);
    expect(fieldsOf(future)).toEqual(["body.takenAt"]);
    expect(future.body.error.message).toMatch(/future/);

    const skewed = await post({
      takenAt: new Date(server.clock.now().getTime() + 3 * 60_000).toISOString(),
    });
    expect(skewed.status).toBe(201);

    expect(fieldsOf(await post({ takenAt: "yesterday" }))).toEqual(["body.takenAt"]);
    expect(fieldsOf(await post({ id: "not-a-uuid" }))).toEqual(["body.id"]);
    expect(fieldsOf(await post({ extra: true }))[0]).toMatch(/^body/);

    const listed = await c.get("/api/assessments");
    expect(listed.body.assessments).toHaveLength(1);
  });

  it.skipIf(skip)("accepts the quick check with hours slept on its half-hour grid", async () => {
    const c = client();
    await c.register();
    const answers = { ...answersAt("quick-check", () => 3), "hours-slept": 6.5 };
    const ok = await c.post("/api/assessments", {
      id: crypto.randomUUID(),
      instrument: "quick-check",
      answers,
      takenAt: ago(0),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.assessment.total).toBeNull();
    expect(ok.body.assessment.answers["hours-slept"]).toBe(6.5);
    const off = await c.post("/api/assessments", {
      id: crypto.randomUUID(),
      instrument: "quick-check",
      answers: { ...answers, "hours-slept": 6.2 },
      takenAt: ago(0),
    });
    expect(off.status).toBe(400);
    expect(off.body.error.details.fields[0].field).toBe("body.answers.hours-slept");
  });

  it.skipIf(skip)("answers a red flag with urgent warnings and help lines", async () => {
    const c = client();
    await c.register();
    const none = answersAt("red-flags", () => 0);
    const calm = await c.post("/api/assessments", {
      id: crypto.randomUUID(),
      instrument: "red-flags",
      answers: none,
      takenAt: ago(0),
    });
    expect(calm.status).toBe(201);
    expect(calm.body.warnings).toEqual([]);
    expect(calm.body.assessment.redFlag).toBe(false);

    const body = {
      id: crypto.randomUUID(),
      instrument: "red-flags",
      answers: { ...none, "self-harm": 1, "chest-pain": 1 },
      takenAt: ago(0),
    };
    const flagged = await c.post("/api/assessments", body);
    expect(flagged.status).toBe(201);
    expect(flagged.body.assessment.redFlag).toBe(true);
    const codes = flagged.body.warnings.map((w: any) => w.code).sort();
    expect(codes).toEqual(["redflag.chest-pain", "redflag.self-harm"]);
    for (const w of flagged.body.warnings) {
      expect(w.severity).toBe("urgent");
      expect(w.action.length).toBeGreaterThan(20);
      expect(w.sources.length).toBeGreaterThan(0);
    }
    const selfHarm = flagged.body.warnings.find((w: any) => w.code === "redflag.self-harm");
    expect(selfHarm.action).toMatch(/988/);
    const phones = flagged.body.crisisResources.map((r: any) => r.phone);
    expect(phones).toEqual(expect.arrayContaining(["911", "988", "1-800-222-1222"]));
    expect(flagged.body.crisisResources.map((r: any) => r.id)).toContain("us-samhsa-helpline");

    const retry = await c.post("/api/assessments", body);
    expect(retry.status).toBe(200);
    expect(retry.body.warnings.map((w: any) => w.code).sort()).toEqual(codes);
  });

  it.skipIf(skip)("lets only a clinician record COWS, for a patient", async () => {
    const patient = client();
    const { id: patientId } = await patient.register();
    const cowsAnswers = answersAt("cows", () => 0);
    const refused = await patient.post("/api/assessments", {
      id: crypto.randomUUID(),
      instrument: "cows",
      answers: cowsAnswers,
      takenAt: ago(0),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("clinician_recorded");
    expect(refused.body.error.message).toMatch(/clinician/);

    const clinician = client();
    const { id: clinicianId } = await clinician.register("clinician");
    const self = await clinician.post("/api/assessments", {
      id: crypto.randomUUID(),
      instrument: "cows",
      answers: cowsAnswers,
      takenAt: ago(0),
    });
    expect(self.status).toBe(403);

    // Total 13: pulse 4, sweating 4, restlessness 5 -> the first total of "moderate".
    const answers = { ...cowsAnswers, pulse: 4, sweating: 4, restlessness: 5 };
    const recorded = await recordAssessment(server.app, {
      subjectUserId: patientId,
      recordedBy: { id: clinicianId, role: "clinician" },
      body: { id: crypto.randomUUID(), instrument: "cows", answers, takenAt: ago(0) },
    });
    expect(recorded.status).toBe(201);
    expect(recorded.response.assessment).toMatchObject({
      total: 13,
      band: { id: "moderate", min: 13, max: 24 },
      recordedBy: clinicianId,
    });
    const mine = await patient.get("/api/assessments?instrument=cows");
    expect(mine.body.assessments.map((a: any) => a.total)).toEqual([13]);
  });

  it.skipIf(skip)("lists one's own assessments newest first, filtered and validated", async () => {
    const c = client();
    await c.register();
    const other = client();
    await other.register();
    const save = (who: ApiClient, instrumentId: string, hoursAgo: number) =>
      who.post("/api/assessments", {
        id: crypto.randomUUID(),
        instrument: instrumentId,
        answers: answersAt(instrumentId, () => 1),
        takenAt: ago(hoursAgo),
      });
    await save(c, "sows", 30);
    await save(c, "sows-gossop", 20);
    await save(c, "sows", 10);
    await save(other, "sows", 5);

    const all = await c.get("/api/assessments");
    expect(all.status).toBe(200);
    const times = all.body.assessments.map((a: any) => a.takenAt);
    expect(times).toEqual([ago(10), ago(20), ago(30)]);

    const sows = await c.get("/api/assessments?instrument=sows");
    expect(sows.body.assessments.map((a: any) => a.instrument)).toEqual(["sows", "sows"]);

    const from = encodeURIComponent(ago(25));
    const to = encodeURIComponent(ago(15));
    const window = await c.get(`/api/assessments?from=${from}&to=${to}`);
    expect(window.body.assessments.map((a: any) => a.instrument)).toEqual(["sows-gossop"]);
    const limited = await c.get("/api/assessments?limit=1");
    expect(limited.body.assessments.map((a: any) => a.takenAt)).toEqual([ago(10)]);

    const field = async (path: string) => {
      const res = await c.get(path);
      expect(res.status).toBe(400);
      return res.body.error.details.fields[0].field;
    };
    expect(await field(`/api/assessments?from=${to}&to=${from}`)).toBe("query.to");
    expect(await field("/api/assessments?instrument=ciwa")).toBe("query.instrument");
    expect(await field("/api/assessments?from=monday")).toBe("query.from");
    expect(await field("/api/assessments?limit=0")).toBe("query.limit");
    expect((await c.get("/api/assessments?sort=asc")).status).toBe(400);
  });

  it.skipIf(skip)("computes trends: baseline, 72-hour change and a rising flag", async () => {
    const c = client();
    await c.register();
    const sowsTotal = async (total: number, hoursAgo: number) => {
      // Spread the total over the 16 items (0-4 each), highest first.
      const items = instrument("sows").items;
      const answers: Record<string, number> = {};
      let left = total;
      for (const item of items) {
        const v = Math.min(4, left);
        answers[item.id] = v;
        left -= v;
      }
      const res = await c.post("/api/assessments", {
        id: crypto.randomUUID(),
        instrument: "sows",
        answers,
        takenAt: ago(hoursAgo),
      });
      expect(res.body.assessment.total).toBe(total);
    };
    await sowsTotal(20, 100);
    await sowsTotal(10, 48);
    await sowsTotal(18, 1);

    const res = await c.get("/api/assessments/trends");
    expect(res.status).toBe(200);
    const sows = res.body.trends.find((t: any) => t.instrument === "sows");
    expect(sows).toMatchObject({
      count: 3,
      baseline: { total: 20, takenAt: ago(100) },
      latest: { total: 18, takenAt: ago(1) },
      changeFromBaseline: -2,
      change72h: 8,
      lowestIn72h: { total: 10 },
      rising: true,
      windowHours: 72,
    });
    const gossop = res.body.trends.find((t: any) => t.instrument === "sows-gossop");
    expect(gossop).toMatchObject({ count: 0, baseline: null, latest: null, rising: false });
    expect(res.body.trends.map((t: any) => t.instrument)).not.toContain("red-flags");
    expect(res.body.definitions.baseline).toMatch(/earliest/);
  });

  it.skipIf(skip)("asks for a session for one's own data", async () => {
    const c = client();
    expect((await c.get("/api/assessments")).status).toBe(401);
    expect((await c.get("/api/assessments/trends")).status).toBe(401);
    const post = await c.post("/api/assessments", {
      id: crypto.randomUUID(),
      instrument: "sows",
      answers: answersAt("sows", () => 0),
      takenAt: ago(0),
    });
    expect(post.status).toBe(401);
  });

  it.skipIf(skip)("documents the routes in the OpenAPI document", async () => {
    const res = await client().get("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(["/api/instruments", "/api/assessments", "/api/assessments/trends"]),
    );
  });
});
