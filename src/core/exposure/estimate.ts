/**
 * Estimated exposure to mitragynine from the dose history: a one-compartment model with
 * first-order absorption (./one-compartment.ts), run with each published study's tmax and
 * half-life. The studies differ (half-lives from about a day to nearly three days), so the result
 * is a band: `central` uses the median study values, `low` and `high` are the lowest and highest
 * of all study curves at each point.
 *
 * THIS IS AN ESTIMATE FROM POPULATION AVERAGES, NOT A MEASUREMENT. It assumes every dose is fully
 * absorbed, that the person is an average participant of small studies, and that products are
 * alike. It shows shape and relative size (accumulation over days of regular use, slow fall after
 * a cut), never a level in the blood. Amounts come out in the unit the doses go in (grams of leaf,
 * or mg of mitragynine); pass leaf and capsule doses only: extracts and 7-OH products differ.
 */

import type { Citation } from "../citation.ts";
import {
  fractionInBody,
  type OneCompartmentParameters,
  parametersFrom,
} from "./one-compartment.ts";

export const EXPOSURE_DISCLAIMER =
  "Estimate from population averages in published studies of mitragynine, not a measurement. " +
  "Your body, your products and your days differ; use it to see the shape (build-up with daily " +
  "use, slow fall after a cut), never as a blood level.";

/** One study's parameters (see PharmacokineticStudy in the substance catalog). */
export interface ExposureParameterSet {
  id: string;
  label: string;
  tmaxHours: number;
  halfLifeHours: number;
  sources?: Citation[];
}

export interface ExposureCurve {
  set: ExposureParameterSet;
  parameters: OneCompartmentParameters;
}

export interface ExposureModel {
  central: ExposureCurve;
  /** Every study's curve; `low`/`high` in the output are the envelope of these. */
  curves: ExposureCurve[];
}

export interface ExposureDose {
  takenAt: string;
  /** In one unit for all doses: grams of leaf, or mg of mitragynine. */
  amount: number;
}

export interface ExposurePoint {
  at: string;
  low: number;
  central: number;
  high: number;
}

export interface ExposureEstimate {
  disclaimer: string;
  /** Amounts are in the doses' unit: an estimated amount still in the body. */
  points: ExposurePoint[];
  central: { tmaxHours: number; halfLifeHours: number };
  studies: ExposureParameterSet[];
}

const MAX_POINTS = 20_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** The model from study parameter sets (at least one). Throws RangeError on impossible values. */
export function buildExposureModel(sets: readonly ExposureParameterSet[]): ExposureModel {
  if (sets.length === 0) throw new RangeError("the exposure model needs at least one study");
  const curves = sets.map((set) => ({
    set,
    parameters: parametersFrom(set.tmaxHours, set.halfLifeHours),
  }));
  const centralSet: ExposureParameterSet = {
    id: "median",
    label: "Median of the studies' tmax and half-life",
    tmaxHours: median(sets.map((s) => s.tmaxHours)),
    halfLifeHours: median(sets.map((s) => s.halfLifeHours)),
  };
  return {
    central: {
      set: centralSet,
      parameters: parametersFrom(centralSet.tmaxHours, centralSet.halfLifeHours),
    },
    curves,
  };
}

function amountAt(p: OneCompartmentParameters, doses: { at: number; amount: number }[], t: number) {
  let total = 0;
  for (const d of doses) {
    if (d.at >= t) break;
    total += d.amount * fractionInBody(p, (t - d.at) / 3_600_000);
  }
  return total;
}

/**
 * Estimated amount in the body from `from` to `to` (inclusive) every `stepMinutes`, as a band.
 * Doses with an unreadable time or a non-positive amount are ignored. Throws RangeError for a
 * step that is not positive, `to` before `from`, or more than 20,000 points.
 */
export function estimateExposure(
  model: ExposureModel,
  doses: readonly ExposureDose[],
  from: Date | string,
  to: Date | string,
  stepMinutes: number,
): ExposureEstimate {
  const start = new Date(from).getTime();
  const end = new Date(to).getTime();
  if (!(stepMinutes > 0) || !Number.isFinite(start) || !Number.isFinite(end) || end < start) {
    throw new RangeError("need a positive step and from <= to");
  }
  const stepMs = stepMinutes * 60_000;
  if ((end - start) / stepMs + 1 > MAX_POINTS) {
    throw new RangeError(`more than ${MAX_POINTS} points; use a longer step`);
  }
  // A dose more than 20 half-lives (of the slowest curve) before `from` leaves under a millionth
  // of itself in the body: skipping it changes nothing visible and keeps a year of history fast.
  const longest = Math.max(
    model.central.set.halfLifeHours,
    ...model.curves.map((c) => c.set.halfLifeHours),
  );
  const horizon = start - 20 * longest * 3_600_000;
  const timed = doses
    .map((d) => ({ at: Date.parse(d.takenAt), amount: d.amount }))
    .filter(
      (d) => Number.isFinite(d.at) && d.at >= horizon && Number.isFinite(d.amount) && d.amount > 0,
    )
    .sort((a, b) => a.at - b.at);

  const points: ExposurePoint[] = [];
  for (let t = start; t <= end; t += stepMs) {
    const central = amountAt(model.central.parameters, timed, t);
    let low = central;
    let high = central;
    for (const curve of model.curves) {
      const v = amountAt(curve.parameters, timed, t);
      if (v < low) low = v;
      if (v > high) high = v;
    }
    points.push({ at: new Date(t).toISOString(), low, central, high });
  }
  return {
    disclaimer: EXPOSURE_DISCLAIMER,
    points,
    central: {
      tmaxHours: model.central.set.tmaxHours,
      halfLifeHours: model.central.set.halfLifeHours,
    },
    studies: model.curves.map((c) => c.set),
  };
}
