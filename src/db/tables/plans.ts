/** Titration and taper plans. A plan's content lives in versions: a change adds one, never overwrites. */
export interface PlansTable {
  /** Client-generated uuid, so a retried save never duplicates a plan. */
  id: string;
  /** The person the plan is for. */
  user_id: string;
  /** Who set the plan: the person, or a consenting clinician. Null if that account is gone. */
  created_by: string | null;
  status: "active" | "ended";
  created_at: string;
  /** When the plan stopped being in force; null while active. */
  ended_at: string | null;
  /** Who ended it (or whose new plan replaced it). */
  ended_by: string | null;
  /** Why it ended: `ended` by hand, or `replaced` by a new active plan for the same substance or product. */
  end_reason: "ended" | "replaced" | null;
  /** The plan that replaced this one, when `end_reason` is `replaced`. */
  replaced_by: string | null;
  /**
   * The current version's substance and product (copied from its definition), so that unique
   * indexes over active plans keep one per person and substance, and per person and product.
   */
  substance_id: string | null;
  product_id: string | null;
}

export interface PlanVersionsTable {
  id: string;
  plan_id: string;
  /** 1 for the plan as created, then 2, 3... */
  version: number;
  /** JSON of a core `PlanDefinition`. */
  definition: string;
  /** JSON array of field names that differ from the previous version (core `planChanged`); `[]` for version 1. */
  changed_fields: string;
  created_by: string | null;
  created_at: string;
}

export interface PlanTables {
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
}
