import { buildExposureModel, type ExposureModel } from "../../core/exposure/estimate.ts";
import type { CompiledRules } from "../../core/safety/compile.ts";
import { loadCompiledSafetyRules, mitragynineExposureSets } from "../../knowledge/safety-rules.ts";

/** What the dose log's routes read: loaded, validated and compiled once, at start. */
export interface DoseLogKnowledge {
  rules: CompiledRules;
  /** Null when the catalog holds no mitragynine study (then Today shows no curve). */
  exposureModel: ExposureModel | null;
}

/** Throws when the knowledge base is broken: Mitra must not start without its safety rules. */
export function loadDoseLogKnowledge(): DoseLogKnowledge {
  const rules = loadCompiledSafetyRules();
  const sets = mitragynineExposureSets();
  return { rules, exposureModel: sets.length > 0 ? buildExposureModel(sets) : null };
}
