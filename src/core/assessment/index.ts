/**
 * Withdrawal assessments: instrument types, answer validation, scoring and bands, red-flag
 * warnings and score trends. Pure and deterministic: no clock, no I/O; runs in the browser too.
 */
export type { CrisisResource, CrisisResourceKind } from "./crisis-resource.ts";
export { CRISIS_RESOURCE_KINDS } from "./crisis-resource.ts";
export type { FlaggedItem } from "./flagged-items.ts";
export { flaggedItems } from "./flagged-items.ts";
export type {
  AnswerOption,
  AssessmentAnswers,
  Band,
  ChoiceItem,
  InstrumentCode,
  InstrumentDefinition,
  InstrumentItem,
  ItemDirection,
  NumericItem,
  RecordedBy,
  RedFlagRule,
  SubscoreDefinition,
  TotalRange,
} from "./instrument.ts";
export { allowedValues, answerLabel, isAllowedAnswer } from "./instrument.ts";
export { redFlagWarnings } from "./red-flags.ts";
export type { ReportedItem } from "./reported-items.ts";
export { reportedItems } from "./reported-items.ts";
export { reportedSignWarnings } from "./reported-signs.ts";
export type { AssessmentScore, ItemScore, SubscoreResult } from "./score.ts";
export { bandFor, scoreAssessment } from "./score.ts";
export type { AssessmentTrend, ScorePoint } from "./trend.ts";
export {
  assessmentTrend,
  BASELINE_DEFINITION,
  RISING_PERCENT_OF_RANGE,
  TREND_WINDOW_HOURS,
} from "./trend.ts";
export type { AnswerIssue, AnswerValidation } from "./validate-answers.ts";
export { validateAnswers } from "./validate-answers.ts";
