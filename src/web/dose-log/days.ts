import { nextDay, startOfZonedDay, zonedDay } from "../../core/zoned-time.ts";
import type { IngestionView } from "./types.ts";

/** The calendar day before `day` (YYYY-MM-DD). */
export function previousDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** Start (inclusive) and end (exclusive) of a calendar day in a zone, as ISO instants. */
export function dayRange(day: string, timeZone: string): { from: string; to: string } {
  return {
    from: startOfZonedDay(day, timeZone).toISOString(),
    to: startOfZonedDay(nextDay(day), timeZone).toISOString(),
  };
}

/** Doses grouped by calendar day in the zone, newest day first, keeping the given order inside. */
export function groupByDay(
  doses: readonly IngestionView[],
  timeZone: string,
): { day: string; doses: IngestionView[] }[] {
  const groups = new Map<string, IngestionView[]>();
  for (const dose of doses) {
    const day = zonedDay(dose.takenAt, timeZone);
    const list = groups.get(day) ?? [];
    list.push(dose);
    groups.set(day, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([day, list]) => ({ day, doses: list }));
}

export interface DayTotal {
  key: string;
  name: string;
  amount: number;
  unit: string;
}

/** Totals per pool in its canonical unit (leaf powder and capsules together), else as logged. */
export function dayTotals(doses: readonly IngestionView[]): DayTotal[] {
  const totals = new Map<string, DayTotal & { names: Set<string> }>();
  for (const d of doses) {
    const key = d.canonical ? `pool:${d.canonical.pool}` : `as-logged:${d.substanceId}:${d.unit}`;
    const t = totals.get(key) ?? {
      key,
      name: "",
      amount: 0,
      unit: d.canonical?.unit ?? d.unit,
      names: new Set<string>(),
    };
    t.amount += d.canonical?.amount ?? d.amount;
    t.names.add(d.substanceName);
    totals.set(key, t);
  }
  return [...totals.values()].map(({ names, ...t }) => ({ ...t, name: [...names].join(" + ") }));
}
