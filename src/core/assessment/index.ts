/**
 * Withdrawal assessments: instrument types, answer validation, scoring and bands, red-flag
 * warnings and score trends. Pure and deterministic: no clock, no I/O; runs in the browser too.
 */
export type { FlaggedItem } from "./flagged-items.ts";
export { flaggedItems } from "./flagged-items.ts";
export type {
  AssessmentAnswers,
  Band,
  ChoiceItem,
  InstrumentDefinition,
  InstrumentItem,
  NumericItem,
  TotalRange,
} from "./instrument.ts";
export { answerLabel, isAllowedAnswer } from "./instrument.ts";
export { redFlagWarnings } from "./red-flags.ts";
export type { ReportedItem } from "./reported-items.ts";
export { reportedItems } from "./reported-items.ts";
export { reportedSignWarnings } from "./reported-signs.ts";
export type { AssessmentScore } from "./score.ts";
export { bandFor, scoreAssessment } from "./score.ts";
export {
  assessmentTrend,
  BASELINE_DEFINITION,
  RISING_PERCENT_OF_RANGE,
  TREND_WINDOW_HOURS,
} from "./trend.ts";
export { validateAnswers } from "./validate-answers.ts";
