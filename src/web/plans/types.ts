import type {
  ActivePlanLimits,
  GovernedAdherenceDay,
  PlanDefinition,
  ScheduledDay,
} from "../../core/plan/index.ts";

/** Shapes of the plan API's answers (src/server/plans/schemas.ts). */

export interface PlanVersionView {
  id: string;
  version: number;
  definition: PlanDefinition;
  changedFields: string[];
  createdBy: string | null;
  createdAt: string;
}

export interface PlanView {
  id: string;
  userId: string;
  createdBy: string | null;
  status: "active" | "ended";
  createdAt: string;
  endedAt: string | null;
  endedBy: string | null;
  endReason: "ended" | "replaced" | null;
  replacedBy: string | null;
  current: PlanVersionView;
}

export interface PlanWithVersionsView extends PlanView {
  versions: PlanVersionView[];
}

export interface PlanResponse {
  plan: PlanWithVersionsView;
  replaced: string[];
}

export interface PlanListResponse {
  plans: PlanView[];
}

export interface TodaysPlanView {
  planId: string;
  version: number;
  definition: PlanDefinition;
  limits: ActivePlanLimits;
  nextChange: { day: string; targetPerDay: number } | null;
}

export interface TodayResponse {
  day: string;
  timeZone: string;
  plans: TodaysPlanView[];
}

export interface AdherenceResponse {
  planId: string;
  /** The current version's unit. */
  unit: string;
  /** The current version's number. */
  version: number;
  timeZone: string;
  /** The day the plan was ended on, the first it no longer governs; null while active. */
  endedOn: string | null;
  from: string;
  to: string;
  tolerance: number;
  /**
   * Each day judged against the version in force on it (its `version`, in its `unit`), with no
   * target on days the plan does not govern (`planState`).
   */
  days: GovernedAdherenceDay[];
  /** Versions that govern a day shown but no longer pass validation. */
  invalidVersions: { version: number; issues: { field: string; message: string }[] }[];
}

export type { ScheduledDay };
