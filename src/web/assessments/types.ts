/**
 * Shapes of the assessment API as the browser sees them. Types only: nothing of the server
 * (zod, the knowledge loaders) is bundled into the web app.
 */

import type {
  AssessmentView,
  InstrumentTrendView,
  RecordResponse,
  TrendsResponse,
} from "../../api/assessments.ts";
import type { CrisisResource } from "../../core/assessment/crisis-resource.ts";
import type { InstrumentDefinition } from "../../core/assessment/index.ts";

export type { AssessmentView, InstrumentTrendView, RecordResponse, TrendsResponse };

export interface InstrumentsResponse {
  version: string;
  asOf: string;
  instruments: InstrumentDefinition[];
}

export interface AssessmentListResponse {
  assessments: AssessmentView[];
}

export type { CrisisResource, InstrumentDefinition };
