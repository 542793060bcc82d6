import type { DatedPlanVersion } from "../../core/plan/index.ts";
import { startOfZonedDay, zonedDay } from "../../core/zoned-time.ts";
import { api } from "../api.ts";
import type { CatalogSubstance, IngestionView, Product } from "../dose-log/types.ts";
import { loadCatalog } from "../dose-log/use-catalog.ts";
import type { PlanListResponse, PlanResponse, PlanVersionView } from "../plans/types.ts";
import {
  type DoseDay,
  dailyDoseTotals,
  type LoggedDose,
  poolName,
  poolsLogged,
} from "./daily-dose-totals.ts";
import type { DoseOverlayData } from "./ScoreChart.tsx";

/** Most doses one list returns (the server's cap, MAX_LIST_LIMIT in dose-log/schemas.ts). */
const DOSE_LIMIT = 2000;

export interface PoolChoice {
  pool: string;
  unit: string;
  name: string;
}

/** A person's doses for the score charts, as daily totals, with the plans drawn over them. */
export interface ProgressDoses {
  days: DoseDay[];
  /** Pools that can be drawn: those with counted doses, and those of active plans. */
  pools: PoolChoice[];
  /** The active plan of each pool: every version, so each day takes the one in force on it. */
  plans: Map<string, readonly DatedPlanVersion[]>;
  /** What is drawn first: the active plan's pool, else kratom leaf, else the most logged. */
  defaultPool: string | null;
  /** When the list was cut at the server's cap: the first day that is complete. */
  completeFrom: string | null;
}

/**
 * What the daily totals and the plans' targets are made from, however they were read: the
 * person's own lists (Progress) or a clinician's timeline of a patient (the patient page).
 */
export interface DoseSources {
  /** The doses, in any order; deleted ones are skipped. */
  doses: readonly (LoggedDose & { productId?: string | null })[];
  /** How many the list could hold at most: a full list may have cut its oldest day short. */
  cap: number | null;
  /** The substance catalog, for pools (empty when it could not be read). */
  substances: readonly Pick<CatalogSubstance, "id" | "name" | "pool" | "canonicalUnit">[];
  /** Active plans: the current definition (for its substance) and every version. */
  plans: readonly {
    current: { definition: DatedPlanVersion["definition"] };
    versions: readonly DatedPlanVersion[];
  }[];
  /** Products known, to find the substance of a plan set for a product. */
  products: readonly Pick<Product, "id" | "substanceId">[];
}

/** Daily totals in `timeZone`, the pools to offer and each pool's active plan. Pure. */
export function progressDoses(sources: DoseSources, timeZone: string): ProgressDoses {
  const substances = new Map(sources.substances.map((s) => [s.id, s]));
  const poolOf = (substanceId: string) => substances.get(substanceId)?.pool;

  // A full list may have cut the oldest day short: leave that day out rather than draw it low.
  let doses = sources.doses;
  let completeFrom: string | null = null;
  if (sources.cap !== null && doses.length >= sources.cap && doses.length > 0) {
    const oldest = doses.reduce((a, b) => (Date.parse(b.takenAt) < Date.parse(a.takenAt) ? b : a));
    const cutDay = zonedDay(oldest.takenAt, timeZone);
    doses = doses.filter((d) => zonedDay(d.takenAt, timeZone) !== cutDay);
    completeFrom = doses.reduce<string | null>((first, d) => {
      const day = zonedDay(d.takenAt, timeZone);
      return first === null || day < first ? day : first;
    }, null);
  }
  const days = dailyDoseTotals(doses, timeZone, poolOf);

  // Each active plan's pool: its substance's, or its product's substance's (from the products
  // known, else from a dose of that product).
  const productSubstance = new Map<string, string>();
  for (const d of sources.doses) {
    if (d.productId) productSubstance.set(d.productId, d.substanceId);
  }
  for (const p of sources.products) productSubstance.set(p.id, p.substanceId);
  const plans = new Map<string, readonly DatedPlanVersion[]>();
  for (const { current, versions } of sources.plans) {
    const { definition } = current;
    const substanceId =
      definition.substanceId ??
      (definition.productId === undefined ? undefined : productSubstance.get(definition.productId));
    const pool = substanceId === undefined ? undefined : (poolOf(substanceId) ?? substanceId);
    if (pool !== undefined && !plans.has(pool)) plans.set(pool, versions);
  }

  const pools: PoolChoice[] = poolsLogged(days).map((p) => ({
    pool: p.pool,
    unit: p.unit,
    name: poolName(p.pool, p.names),
  }));
  for (const [pool, planVersions] of plans) {
    if (pools.some((p) => p.pool === pool)) continue;
    const canonical = [...substances.values()].find((s) => s.pool === pool);
    const unit = canonical?.canonicalUnit ?? planVersions.at(-1)?.definition.unit ?? "g";
    pools.push({ pool, unit, name: poolName(pool, canonical ? [canonical.name] : []) });
  }
  const planned = [...plans.keys()][0];
  const defaultPool =
    planned ?? pools.find((p) => p.pool === "kratom-leaf")?.pool ?? pools[0]?.pool ?? null;
  return { days, pools, plans, defaultPool, completeFrom };
}

/** What a score chart draws of the doses with `chosen` picked (null: the default pool). */
export function doseOverlay(
  doses: ProgressDoses,
  chosen: string | null,
): { pool: string | null; overlay: DoseOverlayData } {
  const pool = chosen ?? doses.defaultPool;
  const shown = doses.pools.find((p) => p.pool === pool) ?? null;
  return {
    pool,
    overlay: { days: doses.days, shown, plan: (pool && doses.plans.get(pool)) || null },
  };
}

/**
 * Loads the person's own doses from the start of `sinceDay` (the first check-in's day, in the
 * person's zone) on, the substance catalog (for pools), and the active plans.
 */
export async function loadProgressDoses(
  sinceDay: string,
  timeZone: string,
): Promise<ProgressDoses> {
  const from = startOfZonedDay(sinceDay, timeZone).toISOString();
  const [list, catalog, planList] = await Promise.all([
    api<{ ingestions: IngestionView[] }>(
      "GET",
      `/api/ingestions?from=${encodeURIComponent(from)}&limit=${DOSE_LIMIT}`,
    ),
    loadCatalog().catch(() => null),
    api<PlanListResponse>("GET", "/api/plans?status=active").catch(() => ({ plans: [] })),
  ]);
  const active = planList.plans.filter((p) => p.status === "active");
  const [products, versions] = await Promise.all([
    active.some((p) => p.current.definition.substanceId === undefined)
      ? api<{ products: Product[] }>("GET", "/api/products")
          .then((r) => r.products)
          .catch((): Product[] => [])
      : Promise.resolve<Product[]>([]),
    // Every version of each plan (the list holds only the current one); the current alone if
    // they cannot be had.
    Promise.all(
      active.map((p) =>
        api<PlanResponse>("GET", `/api/plans/${p.id}`)
          .then((r): PlanVersionView[] => r.plan.versions)
          .catch((): PlanVersionView[] => [p.current]),
      ),
    ),
  ]);
  return progressDoses(
    {
      doses: list.ingestions,
      cap: DOSE_LIMIT,
      substances: catalog?.substances ?? [],
      plans: active.map((p, index) => ({ current: p.current, versions: versions[index] ?? [] })),
      products,
    },
    timeZone,
  );
}
