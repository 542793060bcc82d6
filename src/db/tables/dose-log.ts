import type { Generated } from "kysely";
import type { ProductForm } from "../../core/product-form.ts";

/**
 * Tables of the dose log: products, ingestions with their edit history, the safety profile and
 * custom substances. Ids are client-generated uuids (a retried write never duplicates); times are
 * UTC ISO-8601 text; JSON is text; amounts are double precision.
 */

export interface ProductsTable {
  id: string;
  user_id: string;
  vendor: string;
  name: string;
  form: ProductForm;
  /** Catalog substance id the product is (kratom-leaf, kratom-capsules, magnesium-citrate...). */
  substance_id: string;
  lot: string | null;
  /** Grams of leaf (or of the substance) in one capsule. */
  grams_per_capsule: number | null;
  /** Grams in one serving, tablet, drop or millilitre as the label says. */
  grams_per_serving: number | null;
  /** For magnesium: elemental magnesium in mg per capsule, tablet or serving, from the label. */
  elemental_mg_per_unit: number | null;
  /** JSON: the lab certificate's alkaloid and lab values (core/coa CertificateOfAnalysis). */
  certificate: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** 1 when created, raised by every change (the API's ETag). */
  version: Generated<number>;
}

export interface IngestionsTable {
  id: string;
  user_id: string;
  /** Catalog substance id, or a custom substance's id. */
  substance_id: string;
  /** Display name, kept for a custom substance (catalog names come from the catalog). */
  substance_name: string | null;
  /** JSON array of class ids, for a custom substance (what it inherits its rules from). */
  custom_classes: string | null;
  product_id: string | null;
  /** JSON: what one capsule or serving of the product held when logged (core ProductInfo). */
  product_info: string | null;
  amount: number;
  unit: string;
  route: string | null;
  taken_at: string;
  notes: string | null;
  /** The amount in the substance's canonical unit and pool when logged; null if not convertible. */
  canonical_amount: number | null;
  canonical_unit: string | null;
  pool: string | null;
  /** JSON array of the warnings shown when this version was saved. */
  warnings: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** 1 when logged, raised by every change (the API's ETag); the history keeps the ones before. */
  version: Generated<number>;
}

/** Each previous version of an ingestion, written before every change and delete. */
export interface IngestionHistoryTable {
  id: string;
  ingestion_id: string;
  user_id: string;
  /** 1 for the version first logged, 2 for the one after the first edit, and so on. */
  version: number;
  change: "update" | "delete";
  /** Who made the change. */
  changed_by: string | null;
  changed_at: string;
  /** JSON: the whole row as it was before the change. */
  previous: string;
}

/** What the safety engine needs to know about a person beyond their doses. */
export interface ProfilesTable {
  user_id: string;
  /** JSON array of condition ids from conditions.json. */
  conditions: string;
  /** JSON array of catalog substance ids taken regularly. */
  medicines: string;
  updated_at: string;
}

export interface CustomSubstancesTable {
  id: string;
  user_id: string;
  name: string;
  /** A pickable class id, or null for "I don't know" (the engine then says "no data"). */
  class: string | null;
  created_at: string;
  updated_at: string;
}

/** A person's "Got it, quiet for today" on a warning code (core/quiet-warnings.ts). */
export interface WarningAcknowledgementsTable {
  user_id: string;
  /** The calendar day (YYYY-MM-DD) in the person's time zone when they acknowledged it. */
  day: string;
  code: string;
  acknowledged_at: string;
}

export interface DoseLogTables {
  products: ProductsTable;
  ingestions: IngestionsTable;
  ingestion_history: IngestionHistoryTable;
  profiles: ProfilesTable;
  custom_substances: CustomSubstancesTable;
  warning_acknowledgements: WarningAcknowledgementsTable;
}
