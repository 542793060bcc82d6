import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanDefinition } from "../core/plan/index.ts";
import {
  createTestDatabase,
  engines,
  isPostgresReachable,
  type TestDatabase,
} from "../testing/test-databases.ts";
import { insertTestUser } from "../testing/test-users.ts";
import {
  activePlanForDay,
  endPlan,
  getPlan,
  getPlanAmongOwnPlans,
  insertPlan,
  listPlans,
  revisePlan,
} from "./plans.ts";

const reachable = await isPostgresReachable();

const taper: PlanDefinition = {
  kind: "taper",
  substanceId: "kratom-leaf",
  unit: "g",
  startDate: "2026-03-01",
  startAmountPerDay: 10,
  step: { kind: "amount", amount: 1 },
  stepLengthDays: 7,
  limitAmountPerDay: 2,
  maxPerDose: 4,
  minHoursBetweenDoses: 3,
};

const at = (iso: string) => new Date(iso);

describe.each(engines)("plans repository on %s", (engine) => {
  const skip = engine === "postgres" && !reachable;
  let handle: TestDatabase;

  const newUser = () => insertTestUser(handle.db);

  function create(userId: string, definition: PlanDefinition = taper, id = randomUUID()) {
    return insertPlan(handle.db, {
      id,
      userId,
      createdBy: userId,
      definition,
      now: at("2026-02-28T10:00:00Z"),
    });
  }

  beforeAll(async () => {
    if (skip) return;
    handle = await createTestDatabase(engine);
  });
  afterAll(async () => handle?.destroy());

  it.skipIf(skip)("stores a plan with its first version and reads it back", async () => {
    const user = await newUser();
    const { created, plan, replaced } = await create(user);
    expect(created).toBe(true);
    expect(replaced).toEqual([]);
    expect(plan).toMatchObject({
      userId: user,
      createdBy: user,
      status: "active",
      createdAt: "2026-02-28T10:00:00.000Z",
      endedAt: null,
      current: { version: 1, definition: taper, changedFields: [] },
    });
    expect(plan.versions).toHaveLength(1);
  });

  it.skipIf(skip)("keeps the first plan when the same id comes again", async () => {
    const user = await newUser();
    const id = randomUUID();
    await create(user, taper, id);
    const again = await create(user, { ...taper, startAmountPerDay: 20 }, id);
    expect(again.created).toBe(false);
    expect(again.plan.current.definition.startAmountPerDay).toBe(10);
    expect(await listPlans(handle.db, user)).toHaveLength(1);
  });

  it.skipIf(skip)("ends the active plan for the same substance when a new one starts", async () => {
    const user = await newUser();
    const first = await create(user);
    const magnesium = await create(user, {
      ...taper,
      substanceId: "magnesium-citrate",
      unit: "mg",
      startAmountPerDay: 300,
      limitAmountPerDay: 100,
      step: { kind: "amount", amount: 50 },
      maxPerDose: 150,
    });
    const second = await create(user, { ...taper, startAmountPerDay: 8 });
    expect(second.replaced).toEqual([first.plan.id]);
    const old = await getPlan(handle.db, first.plan.id);
    expect(old).toMatchObject({
      status: "ended",
      endReason: "replaced",
      replacedBy: second.plan.id,
      endedBy: user,
      endedAt: "2026-02-28T10:00:00.000Z",
    });
    const active = await listPlans(handle.db, user, { status: "active" });
    expect(active.map((p) => p.id).sort()).toEqual([magnesium.plan.id, second.plan.id].sort());
  });

  it.skipIf(skip)(
    "gives the safety engine the limits of every plan in force that day",
    async () => {
      const user = await newUser();
      expect(await activePlanForDay(handle.db, user, "2026-03-01", "UTC")).toEqual([]);
      await create(user);
      // Step 1 (days 8-14) has a target of 9 g.
      expect(await activePlanForDay(handle.db, user, "2026-03-09", "UTC")).toEqual([
        {
          kind: "taper",
          substanceId: "kratom-leaf",
          unit: "g",
          targetForDay: 9,
          maxPerDay: 9,
          maxPerDose: 4,
          minIntervalHours: 3,
        },
      ]);
      // Before the start the plan is not in force.
      expect(await activePlanForDay(handle.db, user, "2026-02-27", "UTC")).toEqual([]);
      // Someone else's plans never leak in.
      expect(await activePlanForDay(handle.db, await newUser(), "2026-03-09", "UTC")).toEqual([]);
    },
  );

  it.skipIf(skip)(
    "reads a plan ended after the checked day, and none ended on or before it",
    async () => {
      // Ended at midnight (Kolkata) starting 10 March: it governed up to 9 March.
      const zone = "Asia/Kolkata";
      const user = await newUser();
      const { plan } = await create(user);
      await endPlan(handle.db, plan.id, user, at("2026-03-09T18:30:00Z"));
      expect(await activePlanForDay(handle.db, user, "2026-03-09", zone)).toMatchObject([
        { targetForDay: 9 },
      ]);
      expect(await activePlanForDay(handle.db, user, "2026-03-10", zone)).toEqual([]);
      // One millisecond earlier it was ended on 9 March, which it then no longer governs.
      const other = await newUser();
      const { plan: early } = await create(other);
      await endPlan(handle.db, early.id, other, at("2026-03-09T18:29:59.999Z"));
      expect(await activePlanForDay(handle.db, other, "2026-03-08", zone)).toHaveLength(1);
      expect(await activePlanForDay(handle.db, other, "2026-03-09", zone)).toEqual([]);
    },
  );

  it.skipIf(skip)("reads a plan with every plan of its owner, and no one else's", async () => {
    const user = await newUser();
    const first = await create(user);
    const second = await create(user, { ...taper, startAmountPerDay: 8 });
    await create(await newUser());
    const found = await getPlanAmongOwnPlans(handle.db, second.plan.id);
    expect(found?.plan.id).toBe(second.plan.id);
    expect(found?.plans.map((p) => p.id).sort()).toEqual([first.plan.id, second.plan.id].sort());
    expect(found?.plans.every((p) => p.versions.length === 1)).toBe(true);
    expect(await getPlanAmongOwnPlans(handle.db, randomUUID())).toBeNull();
  });

  it.skipIf(skip)("versions changes instead of overwriting them", async () => {
    const user = await newUser();
    const { plan } = await create(user);
    const revised = await revisePlan(handle.db, {
      planId: plan.id,
      createdBy: user,
      definition: { ...taper, stepLengthDays: 10, step: { kind: "amount", amount: 0.5 } },
      now: at("2026-03-05T10:00:00Z"),
    });
    expect(revised.outcome).toBe("revised");
    if (revised.outcome !== "revised") return;
    expect(revised.plan.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(revised.plan.versions[0]?.definition).toEqual(taper);
    expect(revised.plan.current.changedFields).toEqual(["step.amount", "stepLengthDays"]);
    expect(revised.plan.current.createdAt).toBe("2026-03-05T10:00:00.000Z");
    // The new version drives the limits: day 11 is still step 0 with 10-day steps.
    const limits = await activePlanForDay(handle.db, user, "2026-03-09", "UTC");
    expect(limits[0]?.targetForDay).toBe(10);

    const same = await revisePlan(handle.db, {
      planId: plan.id,
      createdBy: user,
      definition: revised.plan.current.definition,
      now: at("2026-03-06T10:00:00Z"),
    });
    expect(same.outcome).toBe("unchanged");
  });

  it.skipIf(skip)(
    "gives a day before a revision the limits of the version in force on it, in the zone",
    async () => {
      const user = await newUser();
      const { plan } = await create(user);
      // Saved at 22:00 on 4 March in New York, already 5 March in UTC.
      await revisePlan(handle.db, {
        planId: plan.id,
        createdBy: user,
        definition: { ...taper, startAmountPerDay: 8, maxPerDose: 3 },
        now: at("2026-03-05T03:00:00Z"),
      });
      const targets = async (day: string, zone: string) =>
        (await activePlanForDay(handle.db, user, day, zone)).map((l) => [
          l.targetForDay,
          l.maxPerDose,
        ]);
      expect(await targets("2026-03-03", "America/New_York")).toEqual([[10, 4]]);
      expect(await targets("2026-03-04", "America/New_York")).toEqual([[8, 3]]);
      expect(await targets("2026-03-04", "UTC")).toEqual([[10, 4]]);
      expect(await targets("2026-03-05", "UTC")).toEqual([[8, 3]]);
      // A zone the runtime does not know is read as UTC, never a failure.
      expect(await targets("2026-03-04", "Mars/Olympus")).toEqual([[10, 4]]);
    },
  );

  it.skipIf(skip)("ends a plan, refuses to revise it, and drops it from the limits", async () => {
    const user = await newUser();
    const { plan } = await create(user);
    const ended = await endPlan(handle.db, plan.id, user, at("2026-03-02T09:00:00Z"));
    expect(ended).toMatchObject({ status: "ended", endReason: "ended" });
    const again = await endPlan(handle.db, plan.id, user, at("2026-03-03T09:00:00Z"));
    expect(again?.endedAt).toBe("2026-03-02T09:00:00.000Z");
    expect(await activePlanForDay(handle.db, user, "2026-03-03", "UTC")).toEqual([]);
    const revision = await revisePlan(handle.db, {
      planId: plan.id,
      createdBy: user,
      definition: { ...taper, stepLengthDays: 3 },
      now: at("2026-03-03T10:00:00Z"),
    });
    expect(revision.outcome).toBe("ended");
    expect(await endPlan(handle.db, randomUUID(), user, at("2026-03-03T09:00:00Z"))).toBeNull();
  });

  it.skipIf(skip)("deletes plans and versions with the person", async () => {
    const user = await newUser();
    const { plan } = await create(user);
    await handle.db.deleteFrom("users").where("id", "=", user).execute();
    expect(await getPlan(handle.db, plan.id)).toBeNull();
    const versions = await handle.db
      .selectFrom("plan_versions")
      .select("id")
      .where("plan_id", "=", plan.id)
      .execute();
    expect(versions).toEqual([]);
  });
});
