import { type ProgressDoses, progressDoses } from "../assessments/progress-doses.ts";
import type { Catalog } from "../dose-log/types.ts";
import type { Timeline } from "./types.ts";

/** Most doses one timeline holds (RECORD_LIMIT in src/server/reports/patient-record.ts). */
const TIMELINE_LIMIT = 5000;

/**
 * A patient's doses from their clinician's timeline, as the daily totals the score charts draw:
 * days in the PATIENT's zone, each active plan with every version. Null when the patient does
 * not share doses (no doses scope: the timeline has no doses and no plans).
 */
export function patientDoses(timeline: Timeline, catalog: Catalog | null): ProgressDoses | null {
  if (!timeline.doses) return null;
  return progressDoses(
    {
      doses: timeline.doses,
      cap: TIMELINE_LIMIT,
      substances: catalog?.substances ?? [],
      plans: (timeline.plans ?? []).filter((p) => p.status === "active"),
      products: timeline.products ?? [],
    },
    timeline.patient.timeZone,
  );
}
