import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fixtureContext, fixtureRules } from "../../testing/safety-rules-fixture.ts";
import { zonedDay } from "../zoned-time.ts";
import { evaluate } from "./evaluate.ts";

const ZONES = [
  "UTC",
  "America/New_York",
  "America/Los_Angeles",
  "Europe/London",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
];
const H = 3_600_000;

describe("day totals in the person's time zone", () => {
  it("count an earlier dose exactly when it falls on the candidate's calendar day there", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        // Instants across 2026, including both daylight-saving changes.
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }),
        fc.double({ min: -30, max: 30, noNaN: true }),
        (timeZone, candidateMs, offsetHours) => {
          const candidateAt = new Date(candidateMs).toISOString();
          const historyAt = new Date(candidateMs + offsetHours * H).toISOString();
          const ws = evaluate(
            fixtureRules,
            fixtureContext({
              profile: { timeZone, conditions: [], medicines: [] },
              plan: { substanceId: "leaf", unit: "g", targetForDay: 2.5 },
              history: [{ id: "h", substanceId: "leaf", amount: 1, unit: "g", takenAt: historyAt }],
              candidate: {
                id: "c",
                substanceId: "leaf",
                amount: 2,
                unit: "g",
                takenAt: candidateAt,
              },
            }),
          );
          const sameDay = zonedDay(historyAt, timeZone) === zonedDay(candidateAt, timeZone);
          expect(ws.some((w) => w.code === "plan.over-target")).toBe(sameDay);
        },
      ),
      { numRuns: 500 },
    );
  });
});
