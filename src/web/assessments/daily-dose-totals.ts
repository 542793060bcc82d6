import { convertMass } from "../../core/units.ts";
import { zonedDay } from "../../core/zoned-time.ts";

/**
 * Doses as daily totals per pool, for drawing under the score chart. Pure: the caller passes the
 * doses, the person's time zone and what the catalog says about pools.
 *
 * A pool is what the safety engine and plan adherence add up together (`canonical.pool`): kratom
 * leaf powder and leaf capsules share one; an extract or a 7-OH product is its own pool and never
 * adds to leaf. A dose Mitra could not convert to its pool's unit (capsules of a product without
 * grams per capsule, a custom substance) is left out of the totals and listed as not counted.
 */

/** What the grouping reads of a dose (a subset of the API's ingestion view). */
export interface LoggedDose {
  substanceId: string;
  substanceName: string;
  amount: number;
  unit: string;
  takenAt: string;
  canonical: { amount: number; unit: string; pool: string } | null;
  deletedAt?: string | null;
}

export interface PoolTotal {
  pool: string;
  /** Sum of the day's counted doses in the pool's unit. */
  amount: number;
  unit: string;
  /** Doses added into `amount`. */
  doses: number;
  /** The substances logged in this pool that day, as the person named them. */
  names: string[];
}

export interface UncountedDose {
  substanceName: string;
  amount: number;
  unit: string;
  /** The pool it would belong to, when the catalog knows the substance; else null. */
  pool: string | null;
}

export interface DoseDay {
  /** Calendar day (YYYY-MM-DD) in the person's zone. */
  day: string;
  /** Per pool, in the pool's unit, ordered by pool id. */
  totals: PoolTotal[];
  /** Doses that day that could not be counted into any total. */
  uncounted: UncountedDose[];
}

/**
 * Daily totals per pool in the person's time zone, oldest day first. Each pool is kept in one
 * unit (the canonical unit of its first dose); a dose in another mass unit is converted, one that
 * cannot be is left out as not counted. Deleted doses are skipped.
 */
export function dailyDoseTotals(
  doses: readonly LoggedDose[],
  timeZone: string,
  poolOfSubstance: (substanceId: string) => string | undefined = () => undefined,
): DoseDay[] {
  const poolUnits = new Map<string, string>();
  type Gathered = {
    totals: Map<string, PoolTotal & { nameSet: Set<string> }>;
    uncounted: UncountedDose[];
  };
  const days = new Map<string, Gathered>();
  const chronological = [...doses].sort((a, b) => Date.parse(a.takenAt) - Date.parse(b.takenAt));
  for (const dose of chronological) {
    if (dose.deletedAt) continue;
    const day = zonedDay(dose.takenAt, timeZone);
    const entry: Gathered = days.get(day) ?? { totals: new Map(), uncounted: [] };
    days.set(day, entry);
    const canonical = dose.canonical;
    const unit = canonical ? (poolUnits.get(canonical.pool) ?? canonical.unit) : null;
    const amount =
      canonical && unit !== null ? convertMass(canonical.amount, canonical.unit, unit) : null;
    if (!canonical || unit === null || amount === null || !Number.isFinite(amount)) {
      entry.uncounted.push({
        substanceName: dose.substanceName,
        amount: dose.amount,
        unit: dose.unit,
        pool: canonical?.pool ?? poolOfSubstance(dose.substanceId) ?? null,
      });
      continue;
    }
    poolUnits.set(canonical.pool, unit);
    const total = entry.totals.get(canonical.pool) ?? {
      pool: canonical.pool,
      amount: 0,
      unit,
      doses: 0,
      names: [],
      nameSet: new Set<string>(),
    };
    total.amount += amount;
    total.doses += 1;
    total.nameSet.add(dose.substanceName);
    entry.totals.set(canonical.pool, total);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, { totals, uncounted }]) => ({
      day,
      totals: [...totals.values()]
        .sort((a, b) => a.pool.localeCompare(b.pool))
        .map(({ nameSet, ...t }) => ({ ...t, names: [...nameSet] })),
      uncounted,
    }));
}

export interface PoolLogged {
  pool: string;
  unit: string;
  /** Doses counted in this pool over all days. */
  doses: number;
  /** Substance names logged in it. */
  names: string[];
}

/** The pools that have counted doses, most doses first (ties by pool id). */
export function poolsLogged(days: readonly DoseDay[]): PoolLogged[] {
  const pools = new Map<string, PoolLogged & { nameSet: Set<string> }>();
  for (const day of days) {
    for (const t of day.totals) {
      const p = pools.get(t.pool) ?? {
        pool: t.pool,
        unit: t.unit,
        doses: 0,
        names: [],
        nameSet: new Set<string>(),
      };
      p.doses += t.doses;
      for (const n of t.names) p.nameSet.add(n);
      pools.set(t.pool, p);
    }
  }
  return [...pools.values()]
    .sort((a, b) => b.doses - a.doses || a.pool.localeCompare(b.pool))
    .map(({ nameSet, ...p }) => ({ ...p, names: [...nameSet] }));
}

/** How the chart and table name a pool: "kratom leaf", else the substances logged in it. */
const POOL_NAMES: Readonly<Record<string, string>> = {
  "kratom-leaf": "kratom leaf",
  "kratom-extract": "kratom extract",
  "7-oh": "7-OH products",
  "magnesium-elemental": "elemental magnesium",
};

export function poolName(pool: string, names: readonly string[] = []): string {
  return POOL_NAMES[pool] ?? (names.length > 0 ? names.join(" + ") : pool);
}

/** One pool's total on one day (0 when nothing was counted in it that day). */
export interface PoolBar {
  day: string;
  amount: number;
}

/** One pool's non-zero daily totals within [fromDay, toDay] (inclusive), oldest first. */
export function poolBars(
  days: readonly DoseDay[],
  pool: string,
  fromDay: string,
  toDay: string,
): PoolBar[] {
  return days.flatMap((d) => {
    if (d.day < fromDay || d.day > toDay) return [];
    const total = d.totals.find((t) => t.pool === pool);
    return total && total.amount > 0 ? [{ day: d.day, amount: total.amount }] : [];
  });
}

/** Doses within [fromDay, toDay] that belong to the pool (or to none known) but are not counted. */
export function uncountedIn(
  days: readonly DoseDay[],
  pool: string,
  fromDay: string,
  toDay: string,
): (UncountedDose & { day: string })[] {
  return days.flatMap((d) =>
    d.day < fromDay || d.day > toDay
      ? []
      : d.uncounted
          .filter((u) => u.pool === pool || u.pool === null)
          .map((u) => ({ ...u, day: d.day })),
  );
}
