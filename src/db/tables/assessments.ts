/** Withdrawal assessments: one row per completed instrument (SOWS, COWS, quick check...). */
export interface AssessmentsTable {
  /** Client-generated uuid, so a retried save never duplicates a record. */
  id: string;
  /** Whose withdrawal the assessment describes. */
  user_id: string;
  /** Instrument id from src/knowledge/data/instruments.json, e.g. `sows`, `cows`. */
  instrument: string;
  /** JSON object of answers keyed by item id: `{"anxious": 2, ...}`. */
  answers: string;
  /** Summed total; null for instruments without a total (quick check, red flags). */
  total: number | null;
  /** Id of the band the total fell in when recorded; null when the instrument has no bands. */
  band: string | null;
  /** 1 when any answer raised a red flag (urgent warning), for the clinician's dashboard. */
  red_flag: number;
  /** When the answers describe (UTC ISO-8601). */
  taken_at: string;
  created_at: string;
  /** Who entered it: the person themselves, or a clinician (COWS). Null if that account is gone. */
  recorded_by: string | null;
}

export interface AssessmentTables {
  assessments: AssessmentsTable;
}
