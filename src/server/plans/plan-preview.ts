import {
  limitReachedOn,
  type PlanDefinition,
  planSchedule,
  type ScheduledDay,
} from "../../core/plan/index.ts";
import { assertPlanValid } from "./plan-service.ts";

export interface PlanPreview {
  unit: string;
  schedule: ScheduledDay[];
  limitReachedOn: { day: string; stepIndex: number } | null;
}

/**
 * The plan's targets day by day over `days` days from `from` (default: its start). Pure: nothing
 * is read or written. 400 naming `<prefix>.<field>` for an invalid definition.
 */
export function previewPlan(
  definition: PlanDefinition,
  window: { days: number; from?: string | undefined },
): PlanPreview {
  assertPlanValid(definition);
  return storedPlanPreview(definition, window);
}

/**
 * The preview of a stored plan (validated when it was saved). Throws core's `InvalidPlanError`
 * if it no longer passes validation.
 */
export function storedPlanPreview(
  definition: PlanDefinition,
  window: { days: number; from?: string | undefined },
): PlanPreview {
  return {
    unit: definition.unit,
    schedule: planSchedule(definition, {
      days: window.days,
      ...(window.from !== undefined ? { from: window.from } : {}),
    }),
    limitReachedOn: limitReachedOn(definition),
  };
}
