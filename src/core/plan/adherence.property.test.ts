import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { zonedDay } from "../zoned-time.ts";
import { adherence } from "./adherence.ts";
import type { PlanDefinition } from "./plan-definition.ts";

const plan: PlanDefinition = {
  kind: "taper",
  substanceId: "kratom-leaf",
  unit: "g",
  startDate: "2026-01-01",
  startAmountPerDay: 4,
  step: { kind: "amount", amount: 0.25 },
  stepLengthDays: 14,
};

const zones = fc.constantFrom(
  "UTC",
  "America/New_York",
  "Europe/London",
  "Australia/Lord_Howe", // half-hour daylight-saving shift
  "Asia/Kathmandu", // UTC+05:45
  "Pacific/Chatham",
);

const doseArb = fc.record({
  takenAt: fc
    .integer({ min: Date.UTC(2026, 0, 2), max: Date.UTC(2026, 11, 30) })
    .map((ms) => new Date(ms).toISOString()),
  amount: fc.integer({ min: 1, max: 400 }).map((n) => n / 100),
  unit: fc.constantFrom("g", "g", "g", "capsule"),
});

describe("adherence properties", () => {
  it("puts every dose on its local day and loses none, in any zone", () => {
    fc.assert(
      fc.property(zones, fc.array(doseArb, { maxLength: 40 }), (timeZone, doses) => {
        const days = adherence(plan, doses, timeZone, "2026-01-01", "2026-12-31");
        const byDay = new Map(days.map((d) => [d.day, d]));
        const inGrams = doses.filter((d) => d.unit === "g");
        const total = days.reduce((sum, d) => sum + d.taken, 0);
        expect(total).toBeCloseTo(
          inGrams.reduce((sum, d) => sum + d.amount, 0),
          6,
        );
        expect(days.reduce((n, d) => n + d.doses, 0)).toBe(inGrams.length);
        const unconvertible = days.reduce(
          (n, d) => n + d.unconvertible.reduce((m, u) => m + u.doses, 0),
          0,
        );
        expect(unconvertible).toBe(doses.length - inGrams.length);
        for (const dose of inGrams) {
          expect(byDay.get(zonedDay(dose.takenAt, timeZone))?.doses).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });
});
