/**
 * The clinician's triage policy: which signals count (windows, open red flags, reported signs,
 * rising scores, doses over plan, risky combinations, missed check-ins), the reasons shown for
 * each and the worst-first order. Pure: callers load the records and pass `now`.
 */

export {
  type AnsweredCheckIn,
  type CheckInAlert,
  type CheckInKnowledge,
  checkInAlerts,
  type ReportedSign,
  signInstruments,
} from "./check-in-signals.ts";
export {
  type PatientTriageInput,
  patientSignals,
  type TriageKnowledge,
  type TriageSignals,
} from "./patient-signals.ts";
export { rankTriageRows, type TriageLevel, triageLevel } from "./ranking.ts";
export { type TriageReason, triageReasons } from "./reasons.ts";
export { type AssessmentPoint, type RisingScore, scoreScales } from "./score-signals.ts";
export { type TriageTableQuery, triageTablePage } from "./table-page.ts";
export { TRIAGE_WINDOWS, type TriageWindows, triageSince } from "./windows.ts";
