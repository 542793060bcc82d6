/**
 * The rounding grid for scheduled amounts. A schedule says "3.45 g", not "3.4516 g": after the
 * first step every target is a multiple of the plan's rounding unit (or the plan's limit).
 *
 * These are measuring conventions (what a kitchen scale or a capsule count can resolve), not
 * medical facts. A plan can override them with `roundTo`.
 */

import type { PlanDefinition } from "./plan-definition.ts";

/** Default rounding unit by plan unit (matched case-insensitively). */
export const DEFAULT_ROUNDING_BY_UNIT: Readonly<Record<string, number>> = {
  g: 0.05,
  mg: 1,
  mcg: 1,
  µg: 1,
  ml: 0.1,
  capsule: 1,
  capsules: 1,
  tablet: 1,
  tablets: 1,
  drop: 1,
  drops: 1,
};

/** Rounding unit for a unit missing from `DEFAULT_ROUNDING_BY_UNIT`. */
export const FALLBACK_ROUNDING_STEP = 0.01;

/** The default rounding unit for a plan unit. */
export function defaultRoundingStep(unit: string): number {
  return DEFAULT_ROUNDING_BY_UNIT[unit.trim().toLowerCase()] ?? FALLBACK_ROUNDING_STEP;
}

/** The rounding unit a plan uses: its own `roundTo`, else the default for its unit. */
export function roundingStepOf(plan: Pick<PlanDefinition, "unit" | "roundTo">): number {
  return plan.roundTo ?? defaultRoundingStep(plan.unit);
}

/** Tolerance for floating-point noise when dividing by the grid (e.g. 3.45 / 0.05). */
const GRID_EPSILON = 1e-9;

function decimalsOf(step: number): number {
  for (let decimals = 0; decimals < 12; decimals++) {
    const scaled = step * 10 ** decimals;
    if (Math.abs(Math.round(scaled) - scaled) < GRID_EPSILON) return decimals;
  }
  return 12;
}

/** `count` grid steps, written without floating-point noise (70 × 0.05 = 3.5, not 3.5000000000000004). */
function gridPoint(count: number, step: number): number {
  return Number((count * step).toFixed(decimalsOf(step)));
}

/** The grid point nearest to `value` (halves go up). */
export function roundToGrid(value: number, step: number): number {
  return gridPoint(Math.round(value / step + GRID_EPSILON), step);
}

/** The largest grid point not above `value`. */
export function floorToGrid(value: number, step: number): number {
  return gridPoint(Math.floor(value / step + GRID_EPSILON), step);
}

/** The smallest grid point not below `value`. */
export function ceilToGrid(value: number, step: number): number {
  return gridPoint(Math.ceil(value / step - GRID_EPSILON), step);
}
