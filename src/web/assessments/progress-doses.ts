import type { DatedPlanVersion } from "../../core/plan/index.ts";
import { startOfZonedDay, zonedDay } from "../../core/zoned-time.ts";
import { api } from "../api.ts";
import type { IngestionView, Product } from "../dose-log/types.ts";
import { loadCatalog } from "../dose-log/use-catalog.ts";
import type { PlanListResponse, PlanResponse, PlanVersionView } from "../plans/types.ts";
import { type DoseDay, dailyDoseTotals, poolName, poolsLogged } from "./daily-dose-totals.ts";

/** Most doses one list returns (the server's cap, MAX_LIST_LIMIT in dose-log/schemas.ts). */
const DOSE_LIMIT = 2000;

export interface PoolChoice {
  pool: string;
  unit: string;
  name: string;
}

/** The person's doses for the Progress page, as daily totals, with the plans drawn over them. */
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
 * Loads the doses from the start of `sinceDay` (the first check-in's day, in the person's zone)
 * on, the substance catalog (for pools), and the active plans.
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
  const substances = new Map((catalog?.substances ?? []).map((s) => [s.id, s]));
  const poolOf = (substanceId: string) => substances.get(substanceId)?.pool;

  // A full list may have cut the oldest day short: leave that day out rather than draw it low.
  let doses = list.ingestions;
  let completeFrom: string | null = null;
  const oldest = doses.at(-1);
  if (doses.length >= DOSE_LIMIT && oldest) {
    const cutDay = zonedDay(oldest.takenAt, timeZone);
    doses = doses.filter((d) => zonedDay(d.takenAt, timeZone) !== cutDay);
    completeFrom = doses.length > 0 ? zonedDay(doses.at(-1)?.takenAt ?? "", timeZone) : null;
  }
  const days = dailyDoseTotals(doses, timeZone, poolOf);

  // Each active plan's pool: its substance's, or its product's substance's.
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
  const plans = new Map<string, readonly DatedPlanVersion[]>();
  active.forEach(({ current: { definition } }, index) => {
    const substanceId =
      definition.substanceId ??
      products.find((p) => p.id === definition.productId)?.substanceId ??
      undefined;
    const pool = substanceId === undefined ? undefined : (poolOf(substanceId) ?? substanceId);
    if (pool !== undefined && !plans.has(pool)) plans.set(pool, versions[index] ?? []);
  });

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
