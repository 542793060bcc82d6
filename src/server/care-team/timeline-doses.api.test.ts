import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../core/plan/index.ts";
import { startOfZonedDay, zonedDay } from "../../core/zoned-time.ts";
import { linkClinician } from "../../testing/care-team-records.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

const pgReachable = await isPostgresReachable();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// The patient lives in Kolkata (UTC+5:30, no DST); the server runs in UTC.
const zone = "Asia/Kolkata";

/**
 * What the clinician's patient page needs to draw daily dose totals under the scores: whole days
 * in the patient's zone, each dose's pool and canonical amount, and every version of the plans;
 * and none of it without the doses scope.
 */
describe.each(engines)("clinician timeline: doses for the charts on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
    // Put the clock at 15:00 in Kolkata, so "30 days ago" falls well inside a day there.
    const now = server.clock.now();
    const target = startOfZonedDay(zonedDay(now, zone), zone).getTime() + 15 * HOUR;
    server.clock.advance((target - now.getTime() + DAY) % DAY);
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)(
    "starts at the patient's midnight 30 days back and carries pools, amounts and plan versions",
    async () => {
      const patient = new ApiClient(server.baseUrl);
      const { id } = await patient.register("patient", { displayName: "Noor", timeZone: zone });
      const full = new ApiClient(server.baseUrl);
      await full.register("clinician", { displayName: "Dr Full" });
      const narrow = new ApiClient(server.baseUrl);
      await narrow.register("clinician", { displayName: "Dr Narrow" });
      await linkClinician(patient, full);
      await linkClinician(patient, narrow, ["assessments"], false);

      const now = server.clock.now();
      const firstDay = zonedDay(new Date(now.getTime() - 30 * DAY), zone);
      const midnight = startOfZonedDay(firstDay, zone).getTime();
      // 30 days ago it is 15:00 in Kolkata: a dose at 00:30 that day is older than "30 days",
      // but on a day the chart draws; one a minute before that midnight is on the day before.
      expect(midnight + 30 * MINUTE).toBeLessThan(now.getTime() - 30 * DAY);
      const dose = async (substance: string, amount: number, unit: string, at: number) => {
        const res = await patient.post("/api/ingestions", {
          id: randomUUID(),
          substance,
          amount,
          unit,
          takenAt: new Date(at).toISOString(),
        });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body.ingestion.id as string;
      };
      const early = await dose("kratom-leaf", 2, "g", midnight + 30 * MINUTE);
      const dayBefore = await dose("kratom-leaf", 3, "g", midnight - MINUTE);
      const capsules = await dose("kratom-capsules", 1.5, "g", now.getTime() - 2 * HOUR);
      const deleted = await dose("kratom-leaf", 9, "g", now.getTime() - HOUR);
      expect((await patient.delete(`/api/ingestions/${deleted}`)).status).toBe(204);

      const taper = {
        kind: "taper",
        substanceId: "kratom-leaf",
        unit: "g",
        startDate: addDays(zonedDay(now, zone), -7),
        startAmountPerDay: 6,
        step: { kind: "amount", amount: 1 },
        stepLengthDays: 7,
      };
      const plan = await patient.post("/api/plans", { id: randomUUID(), definition: taper });
      expect(plan.status).toBe(201);
      const revised = await patient.request("PUT", `/api/plans/${plan.body.plan.id}`, {
        definition: { ...taper, startAmountPerDay: 5 },
      });
      expect(revised.status).toBe(200);

      const base = `/api/clinician/patients/${id}/timeline`;
      const timeline = await full.get(base);
      expect(timeline.status).toBe(200);
      expect(timeline.body.patient.timeZone).toBe(zone);
      expect(timeline.body.from).toBe(new Date(midnight).toISOString());
      expect(timeline.body.to).toBe(now.toISOString());
      const doses = timeline.body.doses as {
        id: string;
        canonical: { amount: number; unit: string; pool: string } | null;
        deletedAt: string | null;
      }[];
      // The whole first day, nothing of the day before, no deleted dose.
      expect(doses.map((d) => d.id).sort()).toEqual([early, capsules].sort());
      expect(doses.map((d) => d.id)).not.toContain(dayBefore);
      expect(doses.every((d) => d.deletedAt === null)).toBe(true);
      // Leaf powder and capsules share a pool, in grams.
      expect(doses.find((d) => d.id === early)?.canonical).toEqual({
        amount: 2,
        unit: "g",
        pool: "kratom-leaf",
      });
      expect(doses.find((d) => d.id === capsules)?.canonical).toEqual({
        amount: 1.5,
        unit: "g",
        pool: "kratom-leaf",
      });
      expect(timeline.body.plans).toHaveLength(1);
      expect(
        timeline.body.plans[0].versions.map(
          (v: { version: number; definition: { startAmountPerDay: number } }) => [
            v.version,
            v.definition.startAmountPerDay,
          ],
        ),
      ).toEqual([
        [1, 6],
        [2, 5],
      ]);

      // A range the clinician names is kept as given.
      const asked = new Date(now.getTime() - 30 * DAY).toISOString();
      const named = await full.get(`${base}?from=${encodeURIComponent(asked)}`);
      expect(named.status).toBe(200);
      expect(named.body.from).toBe(asked);
      expect(named.body.doses.map((d: { id: string }) => d.id)).toEqual([capsules]);

      // Assessments only: the same whole days, and no doses or plans at all.
      const scoped = await narrow.get(base);
      expect(scoped.status).toBe(200);
      expect(scoped.body.from).toBe(new Date(midnight).toISOString());
      expect(scoped.body.access.scopes).toEqual(["assessments"]);
      expect(scoped.body).not.toHaveProperty("doses");
      expect(scoped.body).not.toHaveProperty("plans");
      expect(JSON.stringify(scoped.body)).not.toContain(early);
    },
  );
});
