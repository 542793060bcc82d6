/**
 * One-compartment model with first-order absorption and elimination (the Bateman function).
 * The fraction of one oral dose in the body t hours after taking it, assuming it is all absorbed:
 *
 *   f(t) = ka / (ka - ke) * (exp(-ke t) - exp(-ka t)),   ke = ln 2 / half-life
 *
 * Its peak falls at tmax = ln(ka / ke) / (ka - ke); given a study's tmax and half-life, `ka` is
 * found by solving that equation (tmax falls as ka rises, so bisection converges).
 */

export interface OneCompartmentParameters {
  /** Absorption rate constant, 1/h. */
  ka: number;
  /** Elimination rate constant, 1/h. */
  ke: number;
  tmaxHours: number;
  halfLifeHours: number;
}

function peakTime(ka: number, ke: number): number {
  return Math.log(ka / ke) / (ka - ke);
}

/**
 * Parameters from a published tmax and half-life. Throws a RangeError when they cannot belong to
 * this model (tmax must be shorter than half-life / ln 2, both positive).
 */
export function parametersFrom(tmaxHours: number, halfLifeHours: number): OneCompartmentParameters {
  if (!(tmaxHours > 0) || !(halfLifeHours > 0)) {
    throw new RangeError("tmax and half-life must be positive");
  }
  const ke = Math.LN2 / halfLifeHours;
  if (tmaxHours >= 1 / ke) {
    throw new RangeError("tmax must be shorter than half-life / ln 2 for first-order absorption");
  }
  let low = ke * (1 + 1e-9);
  let high = ke * 2;
  while (peakTime(high, ke) > tmaxHours) high *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(low * high);
    if (peakTime(mid, ke) > tmaxHours) low = mid;
    else high = mid;
  }
  return { ka: Math.sqrt(low * high), ke, tmaxHours, halfLifeHours };
}

/** Fraction of one dose in the body `hours` after it was taken (0 before). */
export function fractionInBody(p: OneCompartmentParameters, hours: number): number {
  if (hours <= 0) return 0;
  return (p.ka / (p.ka - p.ke)) * (Math.exp(-p.ke * hours) - Math.exp(-p.ka * hours));
}
