/** Shapes of the assessment API as the browser sees them: the contract's (src/api/assessments.ts). */
import type { contract } from "../../api/contract.ts";
import type { RouteOutput } from "../../api/define.ts";

export type {
  AssessmentView,
  InstrumentTrendView,
  RecordResponse,
  TrendsResponse,
} from "../../api/assessments.ts";

export type InstrumentsResponse = RouteOutput<typeof contract.listInstruments>;
export type AssessmentListResponse = RouteOutput<typeof contract.listAssessments>;
