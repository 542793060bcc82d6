/** The dose log API's shapes as the browser reads them (see src/server/dose-log/schemas.ts). */
import type { Citation } from "../../core/citation.ts";
import type { Warning } from "../../core/warning.ts";

export interface CatalogSubstance {
  id: string;
  name: string;
  aliases: string[];
  classes: string[];
  units: string[];
  routes: string[];
  canonicalUnit: string;
  pool: string;
}

export interface PickableClass {
  id: string;
  name: string;
  description: string;
  units: string[];
}

export interface Catalog {
  substances: CatalogSubstance[];
  pickableClasses: PickableClass[];
  conditions: { id: string; name: string; description: string }[];
  productForms: { form: ProductForm; substanceId: string | null }[];
}

export type ProductForm = "leaf-powder" | "capsules" | "extract" | "7-oh-product" | "other";

export interface Product {
  id: string;
  vendor: string;
  name: string;
  form: ProductForm;
  substanceId: string;
  substanceName: string;
  lot: string | null;
  gramsPerCapsule: number | null;
  gramsPerServing: number | null;
  elementalMgPerUnit: number | null;
  createdAt: string;
}

export interface CustomSubstance {
  id: string;
  name: string;
  classId: string | null;
  units: string[];
}

export interface IngestionView {
  id: string;
  substanceId: string;
  substanceName: string;
  custom: boolean;
  productId: string | null;
  productName: string | null;
  amount: number;
  unit: string;
  route: string | null;
  takenAt: string;
  notes: string | null;
  canonical: { amount: number; unit: string; pool: string } | null;
  deletedAt: string | null;
  /** Sent back as If-Match when editing, so an edit made meanwhile elsewhere is not overwritten. */
  version: number;
}

export interface IngestionResponse {
  ingestion: IngestionView;
  warnings: Warning[];
}

export interface RecentSubject {
  substanceId: string;
  substanceName: string;
  productId: string | null;
  productName: string | null;
  unit: string;
  amount: number;
}

export interface ExposurePoint {
  at: string;
  low: number;
  central: number;
  high: number;
}

export interface ExposureView {
  disclaimer: string;
  unit: string;
  substance: string;
  points: ExposurePoint[];
  doses: { takenAt: string; amount: number }[];
  now: string;
  central: { tmaxHours: number; halfLifeHours: number };
  studies: { id: string; label: string; sources?: Citation[] }[];
}

export interface TodaySummary {
  day: string;
  timeZone: string;
  ingestions: IngestionView[];
  totals: { key: string; name: string; amount: number; unit: string; count: number }[];
  warnings: Warning[];
  exposure: ExposureView | null;
}
