import { contract } from "../../api/contract.ts";
import { estimateExposure } from "../../core/exposure/estimate.ts";
import { sortWarnings, type Warning } from "../../core/warning.ts";
import { zonedDayBounds } from "../../core/zoned-time.ts";
import { type IngestionRecord, listIngestions, toSafetyIngestion } from "../../db/ingestions.ts";
import { acknowledgedWarningCodes } from "../../db/warning-acknowledgements.ts";
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { handle } from "../http/handle.ts";
import { CLOCK_SKEW_MS } from "./dose-input.ts";
import { ingestionViewer, substanceNameOf } from "./ingestion-view.ts";
import type { DoseLogKnowledge } from "./knowledge.ts";
import { loadSafetyData, safeZonedDay, warningsFor } from "./safety-context.ts";

const HOUR_MS = 3_600_000;
/** The pool the exposure model is for: leaf powder and leaf capsules, in grams of leaf. */
export const EXPOSURE_POOL = "kratom-leaf";
/** Doses further back than this add next to nothing to the curve (many half-lives). */
const EXPOSURE_LOOKBACK_MS = 14 * 24 * HOUR_MS;
/** The chart shows the last three days and the next one, hour by hour. */
const CHART_PAST_MS = 72 * HOUR_MS;
const CHART_FUTURE_MS = 24 * HOUR_MS;
const CHART_STEP_MINUTES = 60;

interface Total {
  key: string;
  name: string;
  amount: number;
  unit: string;
  count: number;
}

/** The day's totals: per pool in its canonical unit, else per substance and unit as logged. */
function totalsOf(records: IngestionRecord[], nameOf: (r: IngestionRecord) => string): Total[] {
  const groups = new Map<string, Total & { names: Set<string> }>();
  for (const r of records) {
    const key = r.canonical ? `pool:${r.canonical.pool}` : `as-logged:${r.substanceId}:${r.unit}`;
    const amount = r.canonical ? r.canonical.amount : r.amount;
    const unit = r.canonical ? r.canonical.unit : r.unit;
    const group = groups.get(key) ?? { key, name: "", amount: 0, unit, count: 0, names: new Set() };
    group.amount += amount;
    group.count += 1;
    group.names.add(nameOf(r));
    groups.set(key, group);
  }
  return [...groups.values()].map(({ names, ...t }) => ({ ...t, name: [...names].join(" + ") }));
}

/** One warning per code, the worst first. */
function mergeWarnings(lists: Warning[][]): Warning[] {
  const seen = new Set<string>();
  return sortWarnings(lists.flat()).filter((w) => {
    if (seen.has(w.code)) return false;
    seen.add(w.code);
    return true;
  });
}

/** Today in the person's zone: what was taken, totals, open warnings, the exposure estimate. */
export async function todayRoutes(app: App, knowledge: DoseLogKnowledge): Promise<void> {
  const { rules, exposureModel } = knowledge;
  const db = app.mitra.db;

  handle(app, contract.getToday, async (request) => {
    const user = requireUser(request);
    const now = app.mitra.now();
    const day = safeZonedDay(now, user.timeZone);
    let bounds: { start: Date; end: Date };
    try {
      bounds = zonedDayBounds(now, user.timeZone);
    } catch {
      bounds = zonedDayBounds(now, "UTC");
    }
    const data = await loadSafetyData(app, rules, user, {
      from: bounds.start,
      to: bounds.end,
      day,
    });
    const todays = data.records
      .filter((r) => {
        const t = Date.parse(r.takenAt);
        return t >= bounds.start.getTime() && t < bounds.end.getTime();
      })
      .sort((a, b) => a.takenAt.localeCompare(b.takenAt));
    const warnings = mergeWarnings(
      todays.map((r) => warningsFor(rules, data, toSafetyIngestion(r), now)),
    );
    const view = await ingestionViewer(db, rules, user.id);

    let exposure = null;
    if (exposureModel) {
      const leaf = await listIngestions(db, user.id, {
        from: new Date(now.getTime() - EXPOSURE_LOOKBACK_MS),
        // Doses a little ahead of the server's clock (allowed skew) count too.
        to: new Date(now.getTime() + CLOCK_SKEW_MS + 1),
        pools: [EXPOSURE_POOL],
      });
      const doses = leaf
        .filter((r) => r.canonical !== null)
        .map((r) => ({ takenAt: r.takenAt, amount: r.canonical?.amount ?? 0 }))
        .reverse();
      if (doses.length > 0) {
        const estimate = estimateExposure(
          exposureModel,
          doses,
          new Date(now.getTime() - CHART_PAST_MS),
          new Date(now.getTime() + CHART_FUTURE_MS),
          CHART_STEP_MINUTES,
        );
        exposure = {
          ...estimate,
          unit: rules.poolUnits.get(EXPOSURE_POOL) ?? "g",
          substance: "Kratom leaf (mitragynine)",
          doses: doses.filter((d) => Date.parse(d.takenAt) >= now.getTime() - CHART_PAST_MS),
          now: now.toISOString(),
        };
      }
    }

    return {
      day,
      timeZone: user.timeZone,
      ingestions: todays.map(view),
      totals: totalsOf(todays, (r) => substanceNameOf(rules, r.substanceId, r.substanceName)),
      warnings,
      acknowledgedWarnings: await acknowledgedWarningCodes(db, user.id, day),
      exposure,
    };
  });
}
