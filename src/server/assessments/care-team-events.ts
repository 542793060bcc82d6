import type { Kysely } from "kysely";
import type { TotalRange } from "../../core/assessment/instrument.ts";
import { RISING_LOOK_BACK_MS, startsRisingScore } from "../../core/notifications/rising-score.ts";
import { totalsHistory } from "../../db/assessments.ts";
import type { Database } from "../../db/schema.ts";
import type { Notifier } from "../notifications/notifier.ts";

/** A check-in just stored, as its care team's events need it. */
interface StoredCheckIn {
  userId: string;
  instrument: string;
  total: number | null;
  redFlag: boolean;
  takenAt: Date;
}

/**
 * Writes the care team's events a newly stored check-in raises, in the transaction that stored it
 * (the outbox): a red flag, and a rise in the instrument's totals that this check-in starts
 * (told once per rise, src/core/notifications/rising-score.ts).
 */
export async function recordCheckInEvents(
  trx: Kysely<Database>,
  notifier: Pick<Notifier, "record">,
  checkIn: StoredCheckIn,
  range: TotalRange | null,
  now: Date,
): Promise<void> {
  const subjectId = checkIn.userId;
  if (checkIn.redFlag) await notifier.record(trx, { kind: "red_flag", subjectId }, now);
  if (checkIn.total === null || !range) return;
  const since = new Date(checkIn.takenAt.getTime() - RISING_LOOK_BACK_MS);
  const history = await totalsHistory(trx, subjectId, checkIn.instrument, since);
  const added = { takenAt: checkIn.takenAt.toISOString(), total: checkIn.total };
  if (startsRisingScore(history, added, range)) {
    await notifier.record(trx, { kind: "rising_score", subjectId }, now);
  }
}
