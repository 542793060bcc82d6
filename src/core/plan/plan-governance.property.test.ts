import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zonedDay } from "../zoned-time.ts";
import { addDays } from "./calendar-day.ts";
import { governedAdherence } from "./governed-adherence.ts";
import type { PlanDefinition } from "./plan-definition.ts";
import { type GovernedPlan, planDays, plansInForceOn } from "./plan-governance.ts";
import { coversSameSubject } from "./plan-subject.ts";
import type { DatedPlanVersion } from "./version-in-force.ts";

const zones = fc.constantFrom("UTC", "America/New_York", "Asia/Kathmandu", "Pacific/Chatham");

const FROM = "2026-01-01";
const TO = "2026-02-28";
const FIRST_MS = Date.UTC(2025, 11, 20);
const LAST_MS = Date.UTC(2026, 2, 10);
const HOUR = 3_600_000;

/** Two substances and a product, so some plans cover the same subject and some do not. */
const subjectArb = fc.constantFrom(
  { substanceId: "kratom-leaf" },
  { substanceId: "kratom-extract" },
  { productId: "p-1" },
  { substanceId: "kratom-leaf", productId: "p-1" },
);

const definitionArb: fc.Arbitrary<PlanDefinition> = fc
  .record({
    subject: subjectArb,
    start: fc.integer({ min: 20, max: 80 }).map((n) => n / 10),
    stepLength: fc.integer({ min: 1, max: 14 }),
    startOffset: fc.integer({ min: -20, max: 50 }),
    length: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
  })
  .map(({ subject, start, stepLength, startOffset, length }) => ({
    kind: "taper",
    ...subject,
    unit: "g",
    startDate: addDays(FROM, startOffset),
    startAmountPerDay: start,
    step: { kind: "amount", amount: 0.25 },
    stepLengthDays: stepLength,
    ...(length === undefined ? {} : { endDate: addDays(FROM, startOffset + length) }),
  }));

/** A plan created at a random instant, revised up to twice, ended or not. */
const planArb = (id: string): fc.Arbitrary<GovernedPlan> =>
  fc
    .record({
      at: fc.integer({ min: FIRST_MS, max: LAST_MS }),
      revisions: fc.array(
        fc.record({ hoursLater: fc.integer({ min: 0, max: 24 * 30 }), definition: definitionArb }),
        { maxLength: 2 },
      ),
      first: definitionArb,
      endHoursLater: fc.option(fc.integer({ min: 0, max: 24 * 60 }), { nil: null }),
    })
    .map(({ at, revisions, first, endHoursLater }) => {
      const versions: DatedPlanVersion[] = [
        { version: 1, definition: first, createdAt: new Date(at).toISOString() },
      ];
      let last = at;
      for (const r of revisions) {
        last += r.hoursLater * HOUR;
        versions.push({
          version: versions.length + 1,
          definition: r.definition,
          createdAt: new Date(last).toISOString(),
        });
      }
      return {
        id,
        createdAt: versions[0]?.createdAt as string,
        endedAt:
          endHoursLater === null ? null : new Date(last + endHoursLater * HOUR).toISOString(),
        versions,
      };
    });

const plansArb = fc
  .integer({ min: 1, max: 4 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => planArb(`plan-${i}`))));

const dosesArb = fc.array(
  fc.record({
    takenAt: fc
      .integer({ min: Date.UTC(2025, 11, 30), max: Date.UTC(2026, 2, 2) })
      .map((ms) => new Date(ms).toISOString()),
    amount: fc.integer({ min: 1, max: 400 }).map((n) => n / 100),
    unit: fc.constant("g"),
  }),
  { maxLength: 20 },
);

const days = Array.from({ length: 59 }, (_, i) => addDays(FROM, i));

describe("plan governance: properties", () => {
  it("gives a day to at most one plan per substance or product", () => {
    fc.assert(
      fc.property(zones, plansArb, (timeZone, plans) => {
        for (const day of days) {
          const inForce = plansInForceOn(plans, day, timeZone);
          inForce.forEach((a, i) => {
            for (const b of inForce.slice(i + 1)) {
              expect(coversSameSubject(a.version.definition, b.version.definition)).toBe(false);
            }
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it("agrees between the per-plan days and the plans in force on a day", () => {
    fc.assert(
      fc.property(zones, plansArb, (timeZone, plans) => {
        for (const p of plans) {
          for (const d of planDays(plans, p.id, timeZone, FROM, TO)) {
            const def = d.version.definition;
            const setsTarget =
              def.startDate <= d.day && (def.endDate === undefined || d.day <= def.endDate);
            const governs = plansInForceOn(plans, d.day, timeZone).some((x) => x.plan.id === p.id);
            expect(governs).toBe(d.state === "in-force" && setsTarget);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it("never changes an earlier plan's days when a later plan is created", () => {
    fc.assert(
      fc.property(zones, plansArb, planArb("later"), (timeZone, plans, later) => {
        const newest = Math.max(...plans.map((p) => Date.parse(p.createdAt)));
        const after = {
          ...later,
          createdAt: new Date(newest + 1000).toISOString(),
          versions: later.versions.map((v) => ({
            ...v,
            createdAt: new Date(Math.max(Date.parse(v.createdAt), newest + 1000)).toISOString(),
          })),
        };
        for (const p of plans) {
          expect(planDays([...plans, after], p.id, timeZone, FROM, TO)).toEqual(
            planDays(plans, p.id, timeZone, FROM, TO),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it("never changes the judgement of a day before the day a plan is ended", () => {
    fc.assert(
      fc.property(
        zones,
        planArb("p"),
        dosesArb,
        fc.integer({ min: 0, max: 24 * 70 }),
        (timeZone, open, doses, hoursAfter) => {
          const active = { ...open, endedAt: null };
          const lastSaved = Math.max(...active.versions.map((v) => Date.parse(v.createdAt)));
          const endedAt = new Date(lastSaved + hoursAfter * HOUR);
          const ended = { ...active, endedAt: endedAt.toISOString() };
          const endDay = zonedDay(endedAt, timeZone);
          const before = governedAdherence([active], "p", () => doses, timeZone, FROM, TO).days;
          const after = governedAdherence([ended], "p", () => doses, timeZone, FROM, TO).days;
          after.forEach((day, i) => {
            const was = before[i];
            if (day.day < endDay) expect(day).toEqual(was);
            else {
              expect(day).toMatchObject({ planned: null, planState: "ended", status: "no-plan" });
              // What was taken is still shown.
              expect(day.taken).toBe(was?.taken);
            }
          });
        },
      ),
      { numRuns: 80 },
    );
  });
});
