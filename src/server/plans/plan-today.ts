import {
  type ActivePlanLimits,
  activePlanLimits,
  InvalidPlanError,
  nextTargetChange,
  type PlanDefinition,
} from "../../core/plan/index.ts";
import { zonedDay } from "../../core/zoned-time.ts";
import { findUserById } from "../../db/users.ts";
import type { App } from "../context.ts";
import { notFound } from "../http/api-error.ts";
import { type Actor, listPlansOf } from "./plan-service.ts";

export interface TodaysPlan {
  planId: string;
  version: number;
  definition: PlanDefinition;
  limits: ActivePlanLimits;
  nextChange: { day: string; targetPerDay: number } | null;
}

/** Today's day in the subject's zone and every active plan in force on it, with its limits. */
export async function plansForToday(
  app: App,
  who: Actor,
): Promise<{ day: string; timeZone: string; plans: TodaysPlan[] }> {
  const subject = await findUserById(app.mitra.db, who.subjectUserId);
  if (!subject) throw notFound("Person");
  const day = zonedDay(app.mitra.now(), subject.time_zone);
  const active = await listPlansOf(app, who, { status: "active" });
  const plans: TodaysPlan[] = [];
  for (const plan of active) {
    const definition = plan.current.definition;
    try {
      const limits = activePlanLimits(definition, day);
      if (!limits) continue;
      plans.push({
        planId: plan.id,
        version: plan.current.version,
        definition,
        limits,
        nextChange: nextTargetChange(definition, day, limits.targetForDay),
      });
    } catch (error) {
      // A definition stored before a newer validation rule sets no limits (as for the safety
      // engine, see activePlanForDay); the plan page shows it for correction.
      if (!(error instanceof InvalidPlanError)) throw error;
    }
  }
  return { day, timeZone: subject.time_zone, plans };
}
