import { useId } from "react";
import { startOfZonedDay } from "../../core/zoned-time.ts";
import { formatDay } from "../components/format-time.ts";
import type { ProgressDoses } from "./progress-doses.ts";

/**
 * Above the score charts: which pool's daily totals are drawn under the scores (when more than
 * one can be), and from which day on the doses are complete when a list was cut.
 */
export function DosePoolField({
  doses,
  pool,
  onPick,
  timeZone,
}: {
  doses: ProgressDoses;
  pool: string | null;
  onPick: (pool: string) => void;
  timeZone: string;
}) {
  const field = useId();
  return (
    <>
      {doses.pools.length > 1 && (
        <div className="field progress-pool">
          <label htmlFor={field}>Doses drawn under the scores</label>
          <select id={field} value={pool ?? ""} onChange={(event) => onPick(event.target.value)}>
            {doses.pools.map((p) => (
              <option key={p.pool} value={p.pool}>
                {p.name} ({p.unit}/day)
              </option>
            ))}
          </select>
        </div>
      )}
      {doses.completeFrom && (
        <p className="muted small">
          Doses are drawn from {formatDay(startOfZonedDay(doses.completeFrom, timeZone), timeZone)}{" "}
          on (the most one list holds).
        </p>
      )}
    </>
  );
}
