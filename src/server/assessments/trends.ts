import type { Kysely } from "kysely";
import type { TrendsResponse } from "../../api/assessments.ts";
import {
  assessmentTrend,
  BASELINE_DEFINITION,
  RISING_PERCENT_OF_RANGE,
  TREND_WINDOW_HOURS,
} from "../../core/assessment/index.ts";
import { totalsHistory } from "../../db/assessments.ts";
import type { Database } from "../../db/schema.ts";
import { loadInstruments } from "../../knowledge/instruments.ts";

/**
 * A person's trend for every instrument with a total (COWS, SOWS, SOWS-Gossop) as of `now`:
 * baseline, latest, change over the last 72 hours, and whether it is rising. Instruments the
 * person never took come with nulls and a count of 0. Shared with the care team's dashboard.
 */
export async function assessmentTrends(
  db: Kysely<Database>,
  userId: string,
  now: Date,
): Promise<TrendsResponse> {
  const scored = loadInstruments().filter((i) => i.totalRange !== null);
  const trends = await Promise.all(
    scored.map(async (instrument) => {
      const range = instrument.totalRange ?? { min: 0, max: 0 };
      const history = await totalsHistory(db, userId, instrument.id);
      const trend = assessmentTrend(history, now, range);
      return {
        instrument: instrument.id,
        instrumentName: instrument.shortName,
        totalRange: { min: range.min, max: range.max },
        count: history.filter((p) => Date.parse(p.takenAt) <= now.getTime()).length,
        ...trend,
      };
    }),
  );
  return {
    trends,
    definitions: {
      baseline: BASELINE_DEFINITION,
      windowHours: TREND_WINDOW_HOURS,
      risingPercentOfRange: RISING_PERCENT_OF_RANGE,
    },
  };
}
