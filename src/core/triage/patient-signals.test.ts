import { describe, expect, it } from "vitest";
import { flagScreen, gappedScale } from "../../testing/test-instruments.ts";
import { type PatientTriageInput, patientSignals } from "./patient-signals.ts";
import { scoreScales } from "./score-signals.ts";
import { TRIAGE_WINDOWS, triageSince } from "./windows.ts";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const knowledge = {
  instruments: [flagScreen, gappedScale],
  signRules: [],
  scales: scoreScales([flagScreen, gappedScale]),
};
const input: PatientTriageInput = {
  linkedAt: "2026-01-01T00:00:00.000Z",
  sharesAssessments: true,
  sharesDoses: true,
  points: [{ takenAt: "2026-06-15T11:00:00.000Z", instrument: "gapped", total: 6 }],
  checkIns: [
    {
      id: "open",
      takenAt: "2026-06-14T00:00:00.000Z",
      instrument: "flags",
      redFlag: true,
      answers: { first: 1 },
    },
    {
      id: "too-old",
      takenAt: "2026-06-08T11:59:00.000Z",
      instrument: "flags",
      redFlag: true,
      answers: { first: 1 },
    },
  ],
  lastNoteAt: null,
  doseWarnings: [
    [
      {
        code: "plan.over-target",
        severity: "caution",
        title: "",
        message: "",
        action: "",
        sources: [],
      },
    ],
  ],
  lastCheckInAt: "2026-06-15T11:00:00.000Z",
  lastDoseAt: "2026-06-15T11:30:00.000Z",
  activePlans: 1,
};

describe("triageSince", () => {
  it("starts each window its stated length before now", () => {
    expect(triageSince(NOW)).toEqual({
      assessments: new Date("2026-06-01T12:00:00.000Z"),
      checkIns: new Date("2026-06-08T12:00:00.000Z"),
      doses: new Date("2026-06-12T12:00:00.000Z"),
    });
    expect(TRIAGE_WINDOWS).toEqual({
      sparklineDays: 14,
      redFlagDays: 7,
      doseSignalHours: 72,
      trendHours: 72,
      checkInDays: 3,
    });
  });
});

describe("patientSignals", () => {
  it("counts the open red flags of the last 7 days and the dose flags", () => {
    const s = patientSignals(input, knowledge, NOW);
    expect(s).toMatchObject({
      openRedFlags: 1,
      lastRedFlagAt: "2026-06-14T00:00:00.000Z",
      dosesOverPlan: 1,
      riskyCombinations: 0,
      // Only the gapped score is an assessment point: two of the last three days have none.
      missedCheckIns: 2,
      lastEntryAt: "2026-06-15T11:30:00.000Z",
    });
    expect(s.sparkline?.[13]).toBe(50);
  });

  it("says whether a plan is in force, so no plan is not read as none over plan", () => {
    expect(patientSignals(input, knowledge, NOW).onPlan).toBe(true);
    const noPlan = patientSignals({ ...input, activePlans: 0, doseWarnings: [] }, knowledge, NOW);
    expect(noPlan).toMatchObject({ onPlan: false, dosesOverPlan: 0 });
  });

  it("closes red flags a clinician note followed", () => {
    const s = patientSignals({ ...input, lastNoteAt: "2026-06-14T00:00:00.000Z" }, knowledge, NOW);
    expect(s).toMatchObject({ openRedFlags: 0, lastRedFlagAt: null, alerts: [] });
  });

  it("leaves a signal null when the link does not share what it reads", () => {
    const s = patientSignals(
      { ...input, sharesAssessments: false, sharesDoses: false },
      knowledge,
      NOW,
    );
    expect(s).toMatchObject({
      openRedFlags: null,
      rising: null,
      reportedSigns: null,
      alerts: null,
      onPlan: null,
      dosesOverPlan: null,
      riskyCombinations: null,
      missedCheckIns: null,
      sparkline: null,
      lastEntryAt: "2026-06-15T11:30:00.000Z",
    });
  });
});
