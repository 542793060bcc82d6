import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { singlePlanAdherence } from "../../testing/versioned-plans.ts";
import { zonedDay } from "../zoned-time.ts";
import { adherence } from "./adherence.ts";
import { addDays } from "./calendar-day.ts";
import type { PlanDefinition } from "./plan-definition.ts";
import { type DatedPlanVersion, versionInForceOn, versionSpans } from "./version-in-force.ts";

const zones = fc.constantFrom(
  "UTC",
  "America/New_York",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Pacific/Chatham",
);

const FROM = "2026-01-01";
const TO = "2026-03-31";
const FIRST_MS = Date.UTC(2025, 11, 20);
const LAST_MS = Date.UTC(2026, 3, 10);

const definitionArb: fc.Arbitrary<PlanDefinition> = fc
  .record({
    start: fc.integer({ min: 20, max: 80 }).map((n) => n / 10),
    stepLength: fc.integer({ min: 1, max: 14 }),
    startOffset: fc.integer({ min: -10, max: 60 }),
    minHours: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  })
  .map(({ start, stepLength, startOffset, minHours }) => ({
    kind: "taper",
    substanceId: "kratom-leaf",
    unit: "g",
    startDate: addDays(FROM, startOffset),
    startAmountPerDay: start,
    step: { kind: "amount", amount: 0.25 },
    stepLengthDays: stepLength,
    ...(minHours === undefined ? {} : { minHoursBetweenDoses: minHours }),
  }));

/** Versions numbered 1..n saved at increasing instants. */
const versionsArb: fc.Arbitrary<DatedPlanVersion[]> = fc
  .array(
    fc.record({ at: fc.integer({ min: FIRST_MS, max: LAST_MS }), definition: definitionArb }),
    { minLength: 1, maxLength: 5 },
  )
  .map((list) =>
    [...list]
      .sort((a, b) => a.at - b.at)
      .map((x, i) => ({
        version: i + 1,
        definition: x.definition,
        createdAt: new Date(x.at).toISOString(),
      })),
  );

const dosesArb = fc.array(
  fc.record({
    takenAt: fc
      .integer({ min: Date.UTC(2025, 11, 28), max: Date.UTC(2026, 3, 2) })
      .map((ms) => new Date(ms).toISOString()),
    amount: fc.integer({ min: 1, max: 400 }).map((n) => n / 100),
    unit: fc.constant("g"),
  }),
  { maxLength: 30 },
);

describe("version in force: properties", () => {
  it("never changes the verdict on a day when a later revision is saved", () => {
    fc.assert(
      fc.property(
        zones,
        versionsArb,
        dosesArb,
        definitionArb,
        fc.integer({ min: 0, max: 24 * 90 }),
        (timeZone, versions, doses, revised, hoursAfter) => {
          const last = versions.at(-1) as DatedPlanVersion;
          const savedAt = new Date(Date.parse(last.createdAt) + hoursAfter * 3_600_000);
          const revision = {
            version: last.version + 1,
            definition: revised,
            createdAt: savedAt.toISOString(),
          };
          const before = singlePlanAdherence(versions, () => doses, timeZone, FROM, TO);
          const after = singlePlanAdherence(
            [...versions, revision],
            () => doses,
            timeZone,
            FROM,
            TO,
          );
          const revisionDay = zonedDay(savedAt, timeZone);
          after.forEach((day, i) => {
            if (day.day < revisionDay) expect(day).toEqual(before[i]);
            else {
              expect(day.version).toBe(revision.version);
              expect(day.planned).toBe(
                adherence(revised, doses, timeZone, day.day, day.day)[0]?.planned,
              );
            }
          });
        },
      ),
    );
  });

  it("judges each day exactly as plain adherence does with the version in force on it", () => {
    fc.assert(
      fc.property(zones, versionsArb, dosesArb, (timeZone, versions, doses) => {
        const days = singlePlanAdherence(versions, () => doses, timeZone, FROM, TO);
        expect(days.map((d) => d.day)).toEqual(
          Array.from({ length: 90 }, (_, i) => addDays(FROM, i)),
        );
        for (const day of days) {
          const inForce = versionInForceOn(versions, day.day, timeZone);
          expect(day.version).toBe(inForce.version);
          const alone = adherence(inForce.definition, doses, timeZone, day.day, day.day)[0];
          const { version, unit, ...rest } = day;
          expect(rest).toEqual(alone);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("cuts any range into contiguous spans that agree with versionInForceOn", () => {
    fc.assert(
      fc.property(
        zones,
        versionsArb,
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 0, max: 40 }),
        (timeZone, versions, startOffset, length) => {
          const from = addDays("2025-12-15", startOffset);
          const to = addDays(from, length);
          const spans = versionSpans(versions, timeZone, from, to);
          expect(spans[0]?.from).toBe(from);
          expect(spans.at(-1)?.to).toBe(to);
          spans.forEach((span, i) => {
            expect(span.from <= span.to).toBe(true);
            const next = spans[i + 1];
            if (next) expect(next.from).toBe(addDays(span.to, 1));
            for (let d = span.from; d <= span.to; d = addDays(d, 1)) {
              expect(versionInForceOn(versions, d, timeZone)).toBe(span.version);
            }
          });
        },
      ),
    );
  });
});
