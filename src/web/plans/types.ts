import type { contract } from "../../api/contract.ts";
import type { RouteOutput } from "../../api/define.ts";

/** The plans' data as the contract (src/api/plans.ts) says the server answers it. */

export type PlanResponse = RouteOutput<typeof contract.getPlan>;
export type PlanWithVersionsView = PlanResponse["plan"];
export type PlanVersionView = PlanWithVersionsView["current"];
export type PlanListResponse = RouteOutput<typeof contract.listPlans>;
export type PlanView = PlanListResponse["plans"][number];
export type PlansToday = RouteOutput<typeof contract.getPlansToday>;
export type TodaysPlanView = PlansToday["plans"][number];
export type AdherenceResponse = RouteOutput<typeof contract.getPlanAdherence>;
export type PlanPreview = RouteOutput<typeof contract.previewPlan>;
export type ScheduledDay = PlanPreview["schedule"][number];
