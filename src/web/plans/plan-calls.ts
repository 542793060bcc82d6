import { contract } from "../../api/contract.ts";
import type { RouteInput } from "../../api/define.ts";
import { useRouteMutation, useRouteQuery } from "../api-client.ts";

/**
 * The plan routes a component calls: the person's own plans, or, given `patientId`, a consenting
 * patient's plans for their clinician. Each write refreshes the reads of both.
 */

type Definition = RouteInput<typeof contract.createPlan>["body"]["definition"];

export function usePlanWrites(patientId: string | undefined) {
  const create = useRouteMutation(contract.createPlan, ["clinician"]);
  const revise = useRouteMutation(contract.revisePlan, ["clinician"]);
  const end = useRouteMutation(contract.endPlan, ["clinician"]);
  const createFor = useRouteMutation(contract.createPatientPlan, ["plans"]);
  const reviseFor = useRouteMutation(contract.revisePatientPlan, ["plans"]);
  const endFor = useRouteMutation(contract.endPatientPlan, ["plans"]);
  return {
    create: (id: string, definition: Definition) =>
      patientId === undefined
        ? create.mutateAsync({ body: { id, definition } })
        : createFor.mutateAsync({ params: { id: patientId }, body: { id, definition } }),
    revise: (planId: string, definition: Definition) =>
      patientId === undefined
        ? revise.mutateAsync({ params: { id: planId }, body: { definition } })
        : reviseFor.mutateAsync({ params: { id: patientId, planId }, body: { definition } }),
    end: (planId: string) =>
      patientId === undefined
        ? end.mutateAsync({ params: { id: planId } })
        : endFor.mutateAsync({ params: { id: patientId, planId } }),
  };
}

/** Taken against planned per day for one plan (the server's default window: 14 days). */
export function usePlanAdherence(patientId: string | undefined, planId: string) {
  const own = useRouteQuery(
    contract.getPlanAdherence,
    { params: { id: planId } },
    { enabled: patientId === undefined },
  );
  const theirs = useRouteQuery(
    contract.getPatientPlanAdherence,
    { params: { id: patientId ?? "", planId } },
    { enabled: patientId !== undefined },
  );
  return patientId === undefined ? own : theirs;
}
