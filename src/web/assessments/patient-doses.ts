import type { contract } from "../../api/contract.ts";
import type { RouteOutput } from "../../api/define.ts";
import { zonedDay } from "../../core/zoned-time.ts";
import type { Catalog } from "../use-catalog.ts";
import { type ProgressDoses, progressDoses } from "./progress-doses.ts";

/** Most doses one timeline holds (RECORD_LIMIT in src/server/reports/patient-record.ts). */
const TIMELINE_LIMIT = 5000;

/**
 * A patient's doses from their clinician's timeline, as the daily totals the score charts draw:
 * days in the PATIENT's zone, with the targets of every plan the timeline holds (active, and
 * ended or replaced within its range, every version) on the days each governed. Null when the
 * patient does not share doses (no doses scope: the timeline has no doses and no plans).
 */
export function patientDoses(
  timeline: RouteOutput<typeof contract.getPatientTimeline>,
  catalog: Catalog | null,
): ProgressDoses | null {
  if (!timeline.doses) return null;
  const timeZone = timeline.patient.timeZone;
  return progressDoses(
    {
      doses: timeline.doses,
      cap: TIMELINE_LIMIT,
      substances: catalog?.substances ?? [],
      plans: timeline.plans ?? [],
      products: timeline.products ?? [],
      range: { from: zonedDay(timeline.from, timeZone), to: zonedDay(timeline.to, timeZone) },
    },
    timeZone,
  );
}
