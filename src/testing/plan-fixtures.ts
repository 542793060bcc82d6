/** Plans shared by the tests in this folder (not part of the public API). */

import type { PlanDefinition } from "../core/plan/plan-definition.ts";

/** 4 g a day, down 0.5 g every 7 days to nothing. */
export const amountTaper: PlanDefinition = {
  kind: "taper",
  substanceId: "kratom-leaf",
  unit: "g",
  startDate: "2026-03-01",
  startAmountPerDay: 4,
  step: { kind: "amount", amount: 0.5 },
  stepLengthDays: 7,
};

/** 10 g a day, down 10 % every 3 days to nothing. */
export const percentTaper: PlanDefinition = {
  kind: "taper",
  substanceId: "kratom-leaf",
  unit: "g",
  startDate: "2026-03-01",
  startAmountPerDay: 10,
  step: { kind: "percent", percent: 10 },
  stepLengthDays: 3,
};

/** 100 mg a day, up 50 mg every 4 days, to a ceiling of 300 mg. */
export const titration: PlanDefinition = {
  kind: "titration",
  substanceId: "magnesium-glycinate",
  unit: "mg",
  startDate: "2026-03-01",
  startAmountPerDay: 100,
  step: { kind: "amount", amount: 50 },
  stepLengthDays: 4,
  limitAmountPerDay: 300,
};
