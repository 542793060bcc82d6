import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, type PlanDefinition, planSchedule } from "../../core/plan/index.ts";
import { zonedDay } from "../../core/zoned-time.ts";
import { insertIngestion, type NewIngestion } from "../../db/ingestions.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

const pgReachable = await isPostgresReachable();

const ZONE = "America/New_York";

describe.each(engines)("plans over HTTP on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  let today: string;

  /** A taper that started a week ago: 10 g a day, down 1 g every 7 days to 2 g. */
  const taper = (extra: Partial<PlanDefinition> = {}): PlanDefinition => ({
    kind: "taper",
    substanceId: "kratom-leaf",
    unit: "g",
    startDate: addDays(today, -7),
    startAmountPerDay: 10,
    step: { kind: "amount", amount: 1 },
    stepLengthDays: 7,
    limitAmountPerDay: 2,
    maxPerDose: 4,
    minHoursBetweenDoses: 3,
    ...extra,
  });

  async function patient(): Promise<{ client: ApiClient; id: string }> {
    const client = new ApiClient(server.baseUrl);
    const { id } = await client.register("patient", { timeZone: ZONE });
    return { client, id };
  }

  async function createPlan(client: ApiClient, definition = taper()) {
    const res = await client.post("/api/plans", { id: randomUUID(), definition });
    expect(res.status).toBe(201);
    return res.body.plan as { id: string; current: { version: number } };
  }

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
    today = zonedDay(server.clock.now(), ZONE);
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)("needs a session", async () => {
    const res = await new ApiClient(server.baseUrl).get("/api/plans");
    expect(res.status).toBe(401);
  });

  it.skipIf(skip)("creates a plan with version 1, and a retry returns it", async () => {
    const { client, id } = await patient();
    const planId = randomUUID();
    const definition = taper();
    const res = await client.post("/api/plans", { id: planId, definition });
    expect(res.status).toBe(201);
    expect(res.body.plan).toMatchObject({
      id: planId,
      userId: id,
      createdBy: id,
      status: "active",
      current: { version: 1, definition, changedFields: [] },
    });
    expect(res.body.plan.versions).toHaveLength(1);
    const again = await client.post("/api/plans", {
      id: planId,
      definition: { ...definition, startAmountPerDay: 12 },
    });
    expect(again.status).toBe(200);
    expect(again.body.plan.current.definition.startAmountPerDay).toBe(10);
    const list = await client.get("/api/plans");
    expect(list.body.plans).toHaveLength(1);
  });

  it.skipIf(skip)("refuses an id that belongs to someone else's plan with 409", async () => {
    const a = await patient();
    const b = await patient();
    const planId = randomUUID();
    await a.client.post("/api/plans", { id: planId, definition: taper() });
    const res = await b.client.post("/api/plans", { id: planId, definition: taper() });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("id_conflict");
  });

  it.skipIf(skip)("names the field of a rule core's validatePlan finds broken", async () => {
    const { client } = await patient();
    const floorAbove = await client.post("/api/plans", {
      id: randomUUID(),
      definition: taper({ limitAmountPerDay: 12 }),
    });
    expect(floorAbove.status).toBe(400);
    expect(floorAbove.body.error.code).toBe("invalid_input");
    expect(floorAbove.body.error.details.fields.map((f: { field: string }) => f.field)).toContain(
      "body.definition.limitAmountPerDay",
    );

    const badStep = await client.post("/api/plans", {
      id: randomUUID(),
      definition: taper({ step: { kind: "amount", amount: -1 }, stepLengthDays: 0 }),
    });
    expect(badStep.status).toBe(400);
    const fields = badStep.body.error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining(["body.definition.step.amount", "body.definition.stepLengthDays"]),
    );

    const noSubject = await client.post("/api/plans", {
      id: randomUUID(),
      definition: taper({ substanceId: undefined }),
    });
    expect(noSubject.status).toBe(400);
    expect(noSubject.body.error.details.fields[0].field).toMatch(/^body\.definition\./);

    const badDay = await client.post("/api/plans", {
      id: randomUUID(),
      definition: taper({ startDate: "2026-02-30" }),
    });
    expect(badDay.status).toBe(400);
    expect(badDay.body.error.details.fields[0].field).toBe("body.definition.startDate");

    const tooFine = await client.post("/api/plans", {
      id: randomUUID(),
      definition: taper({ roundTo: 0.0001, step: { kind: "amount", amount: 0.0001 } }),
    });
    expect(tooFine.status).toBe(400);
    expect(tooFine.body.error.details.fields[0].field).toBe("body.definition.roundTo");

    expect((await client.get("/api/plans")).body.plans).toEqual([]);
  });

  it.skipIf(skip)("names fields of the wrong shape, and an unknown field", async () => {
    const { client } = await patient();
    const noUnit = await client.post("/api/plans", {
      id: randomUUID(),
      definition: { ...taper(), unit: undefined },
    });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.error.details.fields[0].field).toBe("body.definition.unit");

    const text = await client.post("/api/plans", {
      id: randomUUID(),
      definition: { ...taper(), startAmountPerDay: "ten" },
    });
    expect(text.status).toBe(400);
    expect(text.body.error.details.fields[0].field).toBe("body.definition.startAmountPerDay");

    const extra = await client.post("/api/plans", {
      id: randomUUID(),
      definition: { ...taper(), dosePerDay: 3 },
    });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details.fields[0].field).toMatch(/^body\.definition/);

    const badId = await client.post("/api/plans", { id: "plan-1", definition: taper() });
    expect(badId.status).toBe(400);
    expect(badId.body.error.details.fields[0].field).toBe("body.id");
  });

  it.skipIf(skip)("versions a change instead of overwriting it", async () => {
    const { client, id } = await patient();
    const plan = await createPlan(client);
    const changed = taper({ stepLengthDays: 10, step: { kind: "percent", percent: 10 } });
    const res = await client.request("PUT", `/api/plans/${plan.id}`, { definition: changed });
    expect(res.status).toBe(200);
    expect(res.body.plan.current).toMatchObject({
      version: 2,
      definition: changed,
      changedFields: ["step", "stepLengthDays"],
      createdBy: id,
    });
    const same = await client.request("PUT", `/api/plans/${plan.id}`, { definition: changed });
    expect(same.status).toBe(200);
    expect(same.body.plan.current.version).toBe(2);

    const full = await client.get(`/api/plans/${plan.id}`);
    expect(full.status).toBe(200);
    expect(full.body.plan.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(full.body.plan.versions[0].definition).toEqual(taper());

    const invalid = await client.request("PUT", `/api/plans/${plan.id}`, {
      definition: taper({ maxPerDose: -2 }),
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.fields[0].field).toBe("body.definition.maxPerDose");
    const list = await client.get("/api/plans");
    expect(list.body.plans[0].current.version).toBe(2);
    expect(list.body.plans[0]).not.toHaveProperty("versions");
  });

  it.skipIf(skip)("keeps one active plan per substance, recording the replacement", async () => {
    const { client } = await patient();
    const first = await createPlan(client);
    const magnesium = await createPlan(
      client,
      taper({
        substanceId: "magnesium-citrate",
        unit: "mg",
        startAmountPerDay: 300,
        limitAmountPerDay: 100,
        step: { kind: "amount", amount: 50 },
        maxPerDose: 150,
      }),
    );
    const res = await client.post("/api/plans", {
      id: randomUUID(),
      definition: taper({ startAmountPerDay: 8 }),
    });
    expect(res.status).toBe(201);
    expect(res.body.replaced).toEqual([first.id]);
    const old = await client.get(`/api/plans/${first.id}`);
    expect(old.body.plan).toMatchObject({
      status: "ended",
      endReason: "replaced",
      replacedBy: res.body.plan.id,
    });
    const active = await client.get("/api/plans?status=active");
    expect(active.body.plans.map((p: { id: string }) => p.id).sort()).toEqual(
      [magnesium.id, res.body.plan.id].sort(),
    );
    const changeEnded = await client.request("PUT", `/api/plans/${first.id}`, {
      definition: taper({ stepLengthDays: 3 }),
    });
    expect(changeEnded.status).toBe(409);
    expect(changeEnded.body.error.code).toBe("plan_ended");
  });

  it.skipIf(skip)("keeps one active plan when ten for one substance arrive at once", async () => {
    const { client } = await patient();
    const sent = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        client.post("/api/plans", {
          id: randomUUID(),
          definition: taper({ startAmountPerDay: 10 + i / 10 }),
        }),
      ),
    );
    expect(sent.map((r) => r.status)).toEqual(Array(10).fill(201));
    const active = await client.get("/api/plans?status=active");
    expect(active.body.plans).toHaveLength(1);
    // Each replaced plan names its successor; exactly one plan was never replaced.
    const ended = (await client.get("/api/plans?status=ended")).body.plans;
    expect(ended).toHaveLength(9);
    for (const plan of ended) expect(plan.endReason).toBe("replaced");
  });

  it.skipIf(skip)("keeps one active plan when a revision and a new plan race", async () => {
    const { client } = await patient();
    const magnesium = await createPlan(
      client,
      taper({
        substanceId: "magnesium-citrate",
        unit: "mg",
        startAmountPerDay: 300,
        limitAmountPerDay: 100,
        step: { kind: "amount", amount: 50 },
        maxPerDose: 150,
      }),
    );
    // Moving the magnesium plan to kratom while two kratom plans are created.
    const answers = await Promise.all([
      client.request("PUT", `/api/plans/${magnesium.id}`, { definition: taper() }),
      client.post("/api/plans", { id: randomUUID(), definition: taper() }),
      client.post("/api/plans", { id: randomUUID(), definition: taper() }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 201, 201]);
    const active = await client.get("/api/plans?status=active");
    expect(active.body.plans).toHaveLength(1);
  });

  it.skipIf(skip)("ends a plan; ending it again changes nothing", async () => {
    const { client } = await patient();
    const plan = await createPlan(client);
    const ended = await client.post(`/api/plans/${plan.id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.plan).toMatchObject({ status: "ended", endReason: "ended" });
    const again = await client.post(`/api/plans/${plan.id}/end`);
    expect(again.body.plan.endedAt).toBe(ended.body.plan.endedAt);
    const todayRes = await client.get("/api/plans/today");
    expect(todayRes.body.plans).toEqual([]);
  });

  it.skipIf(skip)("answers 404 for another person's plan on every route", async () => {
    const owner = await patient();
    const stranger = await patient();
    const plan = await createPlan(owner.client);
    const routes = [
      stranger.client.get(`/api/plans/${plan.id}`),
      stranger.client.request("PUT", `/api/plans/${plan.id}`, { definition: taper() }),
      stranger.client.post(`/api/plans/${plan.id}/end`),
      stranger.client.get(`/api/plans/${plan.id}/preview?days=7`),
      stranger.client.get(`/api/plans/${plan.id}/adherence`),
    ];
    for (const res of await Promise.all(routes)) {
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
    }
    expect((await stranger.client.get("/api/plans")).body.plans).toEqual([]);
    const still = await owner.client.get(`/api/plans/${plan.id}`);
    expect(still.body.plan.status).toBe("active");
    const missing = await owner.client.get(`/api/plans/${randomUUID()}`);
    expect(missing.status).toBe(404);
  });

  it.skipIf(skip)("previews a definition without storing it", async () => {
    const { client } = await patient();
    const definition = taper({ startDate: "2026-03-01" });
    const res = await client.post("/api/plans/preview", { definition, days: 21 });
    expect(res.status).toBe(200);
    expect(res.body.schedule).toEqual(planSchedule(definition, { days: 21 }));
    expect(res.body.schedule.map((d: { targetPerDay: number }) => d.targetPerDay)).toEqual([
      ...Array(7).fill(10),
      ...Array(7).fill(9),
      ...Array(7).fill(8),
    ]);
    // 10 g down 1 g a week reaches the 2 g floor at step 8, 56 days in.
    expect(res.body.limitReachedOn).toEqual({ day: "2026-04-26", stepIndex: 8 });
    expect((await client.get("/api/plans")).body.plans).toEqual([]);

    const invalid = await client.post("/api/plans/preview", {
      definition: taper({ stepLengthDays: 1.5 }),
      days: 7,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.details.fields[0].field).toBe("body.definition.stepLengthDays");
    const tooLong = await client.post("/api/plans/preview", { definition, days: 5000 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details.fields[0].field).toBe("body.days");
  });

  it.skipIf(skip)("previews a stored plan's current version", async () => {
    const { client } = await patient();
    const plan = await createPlan(client);
    const res = await client.get(`/api/plans/${plan.id}/preview?days=14&from=${today}`);
    expect(res.status).toBe(200);
    expect(res.body.schedule).toHaveLength(14);
    expect(res.body.schedule[0]).toMatchObject({ day: today, targetPerDay: 9, stepIndex: 1 });
    const bad = await client.get(`/api/plans/${plan.id}/preview?days=0`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0].field).toBe("query.days");
  });

  it.skipIf(skip)("gives today's target and limits in the person's zone", async () => {
    const { client } = await patient();
    const plan = await createPlan(client);
    const res = await client.get("/api/plans/today");
    expect(res.status).toBe(200);
    expect(res.body.day).toBe(today);
    expect(res.body.timeZone).toBe(ZONE);
    expect(res.body.plans).toEqual([
      {
        planId: plan.id,
        version: 1,
        definition: taper(),
        limits: {
          kind: "taper",
          substanceId: "kratom-leaf",
          unit: "g",
          targetForDay: 9,
          maxPerDay: 9,
          maxPerDose: 4,
          minIntervalHours: 3,
        },
        nextChange: { day: addDays(today, 7), targetPerDay: 8 },
      },
    ]);
  });

  it.skipIf(skip)("counts taken against planned per day, pooled as the engine pools", async () => {
    const { client, id } = await patient();
    const plan = await createPlan(client);
    const now = server.clock.now();
    const yesterday = addDays(today, -1);
    // Local noon yesterday in New York is 16:00 or 17:00 UTC; 17:00 is safely inside that day.
    const atYesterday = (hourUtc: number) => new Date(`${yesterday}T${hourUtc}:00:00.000Z`);
    const dose = (n: Partial<NewIngestion>): NewIngestion => ({
      id: randomUUID(),
      userId: id,
      substanceId: "kratom-leaf",
      substanceName: null,
      customClasses: null,
      productId: null,
      productInfo: null,
      amount: 3,
      unit: "g",
      route: "oral",
      takenAt: atYesterday(17),
      notes: null,
      canonical: { amount: 3, unit: "g", pool: "kratom-leaf" },
      warnings: [],
      now,
      ...n,
    });
    const db = server.database.db;
    await insertIngestion(db, dose({}));
    // Capsules pool with leaf: 4 capsules of 0.5 g count as 2 g; given in mg, converted.
    await insertIngestion(
      db,
      dose({
        substanceId: "kratom-capsules",
        amount: 4,
        unit: "capsule",
        takenAt: atYesterday(18),
        canonical: { amount: 2, unit: "g", pool: "kratom-leaf" },
      }),
    );
    await insertIngestion(
      db,
      dose({
        amount: 500,
        unit: "mg",
        takenAt: atYesterday(22),
        canonical: { amount: 0.5, unit: "g", pool: "kratom-leaf" },
      }),
    );
    // An extract is never counted as leaf.
    await insertIngestion(
      db,
      dose({
        substanceId: "kratom-extract",
        amount: 50,
        unit: "mg",
        takenAt: atYesterday(19),
        canonical: { amount: 50, unit: "mg", pool: "kratom-extract" },
      }),
    );
    // A deleted dose does not count.
    const deleted = dose({ takenAt: atYesterday(20) });
    await insertIngestion(db, deleted);
    await db
      .updateTable("ingestions")
      .set({ deleted_at: now.toISOString() })
      .where("id", "=", deleted.id)
      .execute();
    // Another person's dose does not count.
    const other = await patient();
    await insertIngestion(db, dose({ userId: other.id, amount: 7 }));

    const res = await client.get(`/api/plans/${plan.id}/adherence`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ planId: plan.id, unit: "g", timeZone: ZONE, to: today });
    expect(res.body.from).toBe(addDays(today, -13));
    expect(res.body.days).toHaveLength(14);
    const day = res.body.days.find((d: { day: string }) => d.day === yesterday);
    expect(day).toMatchObject({ taken: 5.5, doses: 3, unconvertible: [] });
    // Yesterday is the last day of the first step (10 g) when the plan started 7 days ago.
    expect(day.planned).toBe(10);
    expect(day.status).toBe("under");
    // 18:00 came 1 h after 17:00, within the 3-hour minimum.
    expect(day.dosesTooSoon).toBe(1);
    const beforeStart = res.body.days.find((d: { day: string }) => d.day === addDays(today, -10));
    expect(beforeStart).toMatchObject({ planned: null, status: "no-plan" });

    const ranged = await client.get(
      `/api/plans/${plan.id}/adherence?from=${yesterday}&to=${yesterday}`,
    );
    expect(ranged.body.days).toHaveLength(1);
    const backwards = await client.get(
      `/api/plans/${plan.id}/adherence?from=${today}&to=${yesterday}`,
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.fields[0].field).toBe("query.to");
    const badDay = await client.get(`/api/plans/${plan.id}/adherence?from=2026-13-01`);
    expect(badDay.status).toBe(400);
    expect(badDay.body.error.details.fields[0].field).toBe("query.from");
  });
});
