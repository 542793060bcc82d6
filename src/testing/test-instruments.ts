/**
 * Small made-up instruments shared by the assessment tests (src/core/assessment,
 * src/server/reports); not medical data. The real instruments are tested against their
 * published forms in src/knowledge/instruments.test.ts.
 */

import type { InstrumentDefinition } from "../core/assessment/instrument.ts";

const source = [{ title: "Test fixture, not a real source", url: "https://example.org/fixture" }];

/** Three items with gaps in their score sets (like COWS), total 0-12, three bands. */
export const gappedScale: InstrumentDefinition = {
  id: "gapped",
  name: "Gapped test scale",
  shortName: "Gapped",
  description: "Test fixture.",
  validated: true,
  recordedBy: "clinician",
  recallPeriod: "now",
  instructions: "Test fixture.",
  items: [
    {
      kind: "choice",
      id: "alpha",
      text: "Alpha",
      shortLabel: "Alpha",
      direction: "higher-is-worse",
      answers: [
        { value: 0, label: "none" },
        { value: 1, label: "some" },
        { value: 2, label: "more" },
        { value: 4, label: "most" },
      ],
    },
    {
      kind: "choice",
      id: "beta",
      text: "Beta",
      shortLabel: "Beta",
      direction: "higher-is-worse",
      answers: [
        { value: 0, label: "none" },
        { value: 3, label: "some" },
        { value: 5, label: "most" },
      ],
    },
    {
      kind: "choice",
      id: "gamma",
      text: "Gamma",
      shortLabel: "Gamma",
      direction: "higher-is-worse",
      answers: [
        { value: 0, label: "none" },
        { value: 1, label: "some" },
        { value: 3, label: "most" },
      ],
    },
  ],
  totalRange: { min: 0, max: 12 },
  bands: [
    { id: "low", label: "Low", min: 0, max: 3 },
    { id: "mid", label: "Mid", min: 4, max: 8 },
    { id: "high", label: "High", min: 9, max: 12 },
  ],
  subscores: [{ id: "beta-gamma", label: "Beta and gamma", items: ["beta", "gamma"] }],
  codes: [],
  sources: source,
};

/** No total: one 0-2 rating and one numeric item on a 0.5 grid. */
export const dailyCheck: InstrumentDefinition = {
  id: "daily",
  name: "Daily test check",
  shortName: "Daily",
  description: "Test fixture.",
  validated: false,
  recordedBy: "patient",
  recallPeriod: "today",
  instructions: "Test fixture.",
  items: [
    {
      kind: "choice",
      id: "mood",
      text: "Mood",
      shortLabel: "Mood",
      direction: "higher-is-better",
      answers: [
        { value: 0, label: "0 - low" },
        { value: 1, label: "1" },
        { value: 2, label: "2 - good" },
      ],
    },
    {
      kind: "numeric",
      id: "hours",
      text: "Hours",
      shortLabel: "Hours slept",
      direction: "higher-is-better",
      min: 0,
      max: 24,
      step: 0.5,
      unit: "hours",
    },
  ],
  totalRange: null,
  bands: [],
  subscores: [],
  codes: [],
  sources: source,
};

function yesNoFlag(id: string) {
  return {
    kind: "choice" as const,
    id,
    text: `${id}?`,
    shortLabel: id,
    direction: "higher-is-worse" as const,
    answers: [
      { value: 0, label: "No" },
      { value: 1, label: "Yes" },
    ],
    redFlag: {
      whenValue: 1,
      warning: {
        code: `redflag.${id}`,
        severity: "urgent" as const,
        title: `${id} title`,
        message: `${id} message`,
        action: `${id} action`,
        sources: source,
      },
    },
  };
}

/** Two yes/no red flags and one plain item without a rule. */
export const flagScreen: InstrumentDefinition = {
  id: "flags",
  name: "Test red flags",
  shortName: "Flags",
  description: "Test fixture.",
  validated: false,
  recordedBy: "patient",
  recallPeriod: "now",
  instructions: "Test fixture.",
  items: [
    yesNoFlag("first"),
    {
      kind: "choice",
      id: "plain",
      text: "Plain?",
      shortLabel: "Plain",
      direction: "higher-is-worse",
      answers: [
        { value: 0, label: "No" },
        { value: 1, label: "Yes" },
      ],
    },
    yesNoFlag("second"),
  ],
  totalRange: null,
  bands: [],
  subscores: [],
  codes: [],
  sources: source,
};
