import type { contract } from "../../api/contract.ts";
import type { RouteOutput } from "../../api/define.ts";
import type { RouteItem } from "../api-client.ts";

/** The plans' data as the contract (src/api/plans.ts) says the server answers it. */

export type PlanResponse = RouteOutput<typeof contract.getPlan>;
export type PlanWithVersionsView = PlanResponse["plan"];
export type PlanVersionView = PlanWithVersionsView["current"];
export type PlanListResponse = RouteOutput<typeof contract.listPlans>;
export type PlanView = RouteItem<typeof contract.listPlans, "plans">;
export type PlansToday = RouteOutput<typeof contract.getPlansToday>;
export type AdherenceResponse = RouteOutput<typeof contract.getPlanAdherence>;
export type PlanPreview = RouteOutput<typeof contract.previewPlan>;
export type ScheduledDay = RouteItem<typeof contract.previewPlan, "schedule">;
