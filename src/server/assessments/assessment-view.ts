import type { AssessmentView } from "../../api/assessments.ts";
import {
  bandFor,
  type InstrumentDefinition,
  redFlagWarnings,
  reportedSignWarnings,
  scoreAssessment,
} from "../../core/assessment/index.ts";
import { sortWarnings, type Warning } from "../../core/warning.ts";
import type { AssessmentRecord } from "../../db/assessments.ts";
import { findInstrument } from "../../knowledge/instruments.ts";
import { loadLimits } from "../../knowledge/limits.ts";

/**
 * How a stored assessment leaves the server: the stored total and band, with the band's label
 * and the subscores looked up in the instrument's data. Shared by the person's routes and the
 * care team's.
 */
export function toAssessmentView(record: AssessmentRecord): AssessmentView {
  const instrument = findInstrument(record.instrument);
  return {
    id: record.id,
    instrument: record.instrument,
    instrumentName: instrument?.shortName ?? record.instrument,
    answers: record.answers,
    total: record.total,
    totalRange: instrument?.totalRange ? { ...instrument.totalRange } : null,
    band: instrument ? storedBand(instrument, record) : null,
    subscores: instrument
      ? scoreAssessment(instrument, record.answers).subscores.map((s) => ({
          id: s.id,
          label: s.label,
          score: s.score,
        }))
      : [],
    redFlag: record.redFlag,
    takenAt: record.takenAt,
    createdAt: record.createdAt,
    recordedBy: record.recordedBy,
  };
}

/** The band recorded with the assessment; if the data no longer has it, the band of the total. */
function storedBand(
  instrument: InstrumentDefinition,
  record: AssessmentRecord,
): AssessmentView["band"] {
  const band =
    instrument.bands.find((b) => b.id === record.band) ??
    (record.band !== null && record.total !== null
      ? bandFor(instrument.bands, record.total)
      : null);
  if (!band) return null;
  return {
    id: band.id,
    label: band.label,
    min: band.min,
    max: band.max,
    ...(band.convention ? { convention: true as const } : {}),
  };
}

/**
 * The warnings a stored assessment's answers raise, worst first: the instrument's red flags
 * (urgent) and the reported-sign rules of limits.json about its items (e.g. skin darkening on the
 * side-effects checklist), each with its sources.
 */
export function assessmentWarnings(record: AssessmentRecord): Warning[] {
  const instrument = findInstrument(record.instrument);
  if (!instrument) return [];
  return sortWarnings([
    ...redFlagWarnings(instrument, record.answers),
    ...reportedSignWarnings(instrument, record.answers, loadLimits().reportedSigns),
  ]);
}
