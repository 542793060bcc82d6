import { contract } from "../../api/contract.ts";
import type { RouteOutput } from "../../api/define.ts";
import { endedOnDay, type GovernedPlan, type PlanDefinition } from "../../core/plan/index.ts";
import { startOfZonedDay, zonedDay } from "../../core/zoned-time.ts";
import { fetchRoute } from "../api-client.ts";
import type { CatalogSubstance } from "../use-catalog.ts";
import { loadCatalog } from "../use-catalog.ts";
import {
  type DoseDay,
  dailyDoseTotals,
  type LoggedDose,
  poolName,
  poolsLogged,
} from "./daily-dose-totals.ts";
import { type PoolTargets, poolTargets } from "./plan-targets.ts";
import type { DoseOverlayData } from "./ScoreChart.tsx";

type Product = RouteOutput<typeof contract.getProduct>["product"];
type PlanListResponse = RouteOutput<typeof contract.listPlans>;
type PlanResponse = RouteOutput<typeof contract.getPlan>;
type PlanVersionView = PlanResponse["plan"]["current"];

/** Most doses one list returns (the server's cap, MAX_LIST_LIMIT in dose-log/schemas.ts). */
const DOSE_LIMIT = 2000;

export interface PoolChoice {
  pool: string;
  unit: string;
  name: string;
}

/** A person's doses for the score charts, as daily totals, with the plans' targets over them. */
export interface ProgressDoses {
  days: DoseDay[];
  /**
   * Pools that can be drawn: those with counted doses, those of active plans, and those an ended
   * plan set a target for in the range.
   */
  pools: PoolChoice[];
  /**
   * Each planned pool's daily targets in the pool's unit over the range, as core's plan
   * governance sets them (ended and replaced plans on the days they governed).
   */
  plans: Map<string, PoolTargets>;
  /**
   * What is drawn first: an active plan's pool, else an ended plan's, else kratom leaf, else the
   * most logged.
   */
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
  /**
   * The person's plans, active and ended, each with every version: all of those that may govern
   * a day of `range` (a plan ended before it can be left out).
   */
  plans: readonly GovernedPlan[];
  /** Products known, to find the substance of a plan set for a product. */
  products: readonly Pick<Product, "id" | "substanceId">[];
  /** The calendar days (in the person's zone) targets are wanted for, inclusive. */
  range: { from: string; to: string };
}

/** Daily totals in `timeZone`, the pools to offer and each pool's plan targets. Pure. */
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

  // A plan version's pool: its substance's, or its product's substance's (from the products
  // known, else from a dose of that product).
  const productSubstance = new Map<string, string>();
  for (const d of sources.doses) {
    if (d.productId) productSubstance.set(d.productId, d.substanceId);
  }
  for (const p of sources.products) productSubstance.set(p.id, p.substanceId);
  const planPool = (definition: PlanDefinition): string | undefined => {
    const substanceId =
      definition.substanceId ??
      (definition.productId === undefined ? undefined : productSubstance.get(definition.productId));
    return substanceId === undefined ? undefined : (poolOf(substanceId) ?? substanceId);
  };

  const pools: PoolChoice[] = poolsLogged(days).map((p) => ({
    pool: p.pool,
    unit: p.unit,
    name: poolName(p.pool, p.names),
  }));
  // Pools plans are about, active plans first (as listed), then the others.
  const active = (p: GovernedPlan) => p.endedAt === null;
  const planned: string[] = [];
  const activePools = new Set<string>();
  for (const plan of [
    ...sources.plans.filter(active),
    ...sources.plans.filter((p) => !active(p)),
  ]) {
    for (const v of plan.versions) {
      const pool = planPool(v.definition);
      if (pool === undefined) continue;
      if (active(plan)) activePools.add(pool);
      if (!planned.includes(pool)) planned.push(pool);
    }
  }
  const unitOf = (pool: string) => {
    const logged = pools.find((p) => p.pool === pool);
    if (logged) return logged;
    const canonical = [...substances.values()].find((s) => s.pool === pool);
    const lastVersion = sources.plans
      .flatMap((p) => p.versions)
      .filter((v) => planPool(v.definition) === pool)
      .at(-1);
    return {
      pool,
      unit: canonical?.canonicalUnit ?? lastVersion?.definition.unit ?? "g",
      name: poolName(pool, canonical ? [canonical.name] : []),
    };
  };
  const plans = new Map<string, PoolTargets>();
  for (const pool of planned) {
    const choice = unitOf(pool);
    const { from, to } = sources.range;
    const targets = poolTargets(sources.plans, planPool, pool, choice.unit, from, to, timeZone);
    if (!targets) continue;
    // An ended plan's pool is offered only for the days it set a target on in the range.
    const setsAny = targets.targets.length > 0 || targets.unconvertibleUnits.length > 0;
    if (!activePools.has(pool) && !setsAny) continue;
    plans.set(pool, targets);
    if (!pools.some((p) => p.pool === pool)) pools.push(choice);
  }
  const first =
    planned.find((p) => activePools.has(p) && plans.has(p)) ?? planned.find((p) => plans.has(p));
  const defaultPool =
    first ?? pools.find((p) => p.pool === "kratom-leaf")?.pool ?? pools[0]?.pool ?? null;
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
 * person's zone) on, the substance catalog (for pools), and every plan that may govern a day
 * since then (active ones, and those ended after `sinceDay`), each with every version.
 */
export async function loadProgressDoses(
  sinceDay: string,
  timeZone: string,
): Promise<ProgressDoses> {
  const from = startOfZonedDay(sinceDay, timeZone).toISOString();
  const [list, catalog, planList] = await Promise.all([
    fetchRoute(contract.listIngestions, { query: { from, limit: DOSE_LIMIT } }),
    loadCatalog().catch(() => null),
    fetchRoute(contract.listPlans).catch((): PlanListResponse => ({ plans: [] })),
  ]);
  // A plan ended on or before the first day governs none of the days drawn.
  const governing = planList.plans.filter((p) => {
    const endedOn = endedOnDay(p, timeZone);
    return endedOn === null || endedOn > sinceDay;
  });
  const [products, versions] = await Promise.all([
    governing.some((p) => p.current.definition.substanceId === undefined)
      ? fetchRoute(contract.listProducts)
          .then((r) => r.products)
          .catch((): Product[] => [])
      : Promise.resolve<Product[]>([]),
    // Every version of each plan (the list holds only the current one); the current alone if
    // they cannot be had.
    Promise.all(
      governing.map((p) =>
        fetchRoute(contract.getPlan, { params: { id: p.id } })
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
      plans: governing.map((p, index) => ({ ...p, versions: versions[index] ?? [p.current] })),
      products,
      range: { from: sinceDay, to: zonedDay(new Date(), timeZone) },
    },
    timeZone,
  );
}
