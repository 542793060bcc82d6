import { formatDateTime } from "../components/format-time.ts";
import type { InstrumentTrendView } from "./types.ts";

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : "0");

/** Latest total, change from the baseline and over the last 72 hours, and a rising flag. */
export function TrendSummary({
  trend,
  timeZone,
  risingPercent,
}: {
  trend: InstrumentTrendView;
  timeZone: string;
  risingPercent: number;
}) {
  const { latest, baseline, lowestIn72h } = trend;
  if (!latest) return null;
  return (
    <div className="trend-summary">
      {trend.rising && lowestIn72h && (
        <p className="trend-rising" data-testid="trend-rising">
          <strong>Rising.</strong> Up {latest.total - lowestIn72h.total} from your lowest in the
          last {trend.windowHours} hours ({lowestIn72h.total}). Mitra flags a rise of{" "}
          {trend.risingThreshold} or more ({risingPercent}% of the range). If you feel worse, tell
          your clinician.
        </p>
      )}
      <dl className="trend-facts">
        <div>
          <dt>Latest</dt>
          <dd>
            <strong>{latest.total}</strong> of {trend.totalRange.max}{" "}
            <span className="muted">({formatDateTime(latest.takenAt, timeZone)})</span>
          </dd>
        </div>
        {baseline && trend.changeFromBaseline !== null && (
          <div>
            <dt>Since your first ({baseline.total})</dt>
            <dd>{signed(trend.changeFromBaseline)}</dd>
          </div>
        )}
        {trend.change72h !== null && (
          <div>
            <dt>Last {trend.windowHours} hours</dt>
            <dd>{signed(trend.change72h)}</dd>
          </div>
        )}
      </dl>
    </div>
  );
}
