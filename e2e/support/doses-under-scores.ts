/**
 * A scenario of doses under SOWS scores, recorded over the API and read back on Progress and on
 * the clinician's patient page (import it as a namespace: `dosesUnderScores.record(...)`).
 */
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";
import type { ApiRecords } from "./api-records.ts";
import * as progressChart from "./progress-chart.ts";
import { atLocalTime, daysFromToday } from "./zoned-days.ts";

/** The days the scenario records on, in the person's zone: A, B, C and E (yesterday). */
export interface Days {
  today: string;
  dayA: string;
  dayB: string;
  dayC: string;
  dayE: string;
}

/** Four days ago to yesterday in a zone: A, B, C and E. */
export function days(zone: string): Days {
  const { today, days } = daysFromToday(zone, [-4, -3, -2, -1]);
  const [dayA, dayB, dayC, dayE] = days as [string, string, string, string];
  return { today, dayA, dayB, dayC, dayE };
}

/**
 * Doses under SOWS scores, recorded for a person whose zone keeps no DST (the times are local
 * times there), on `days(zone)`:
 *
 * - A taper of kratom leaf from day A: 6 g a day, 1 g less every 2 days (A, B: 6; C, E: 5),
 *   revised today to start at 9 g: that version governs from today on, so the past days keep the
 *   first version's targets, as the Plan page's adherence judges them.
 * - Day A: 3 g + 2 g of leaf (the second at 23:50 local) = 5 g.
 * - Day B: 1 g of leaf at 00:10 local (still day A in UTC and to the west) + 2 g of leaf capsules
 *   = 3 g of leaf; 0.5 g of extract, its own pool; 3 capsules of kratom capsules, which cannot be
 *   counted without grams per capsule.
 * - Day C: nothing. Day E: 4 g of leaf and a 400 mg magnesium oxide tablet (60.3 % elemental).
 * - SOWS check-ins on A and C at 10:00 and on E at 20:00, every item answered the same: totals
 *   48, 32 and 16.
 *
 * Answers the plan's id and its revised version as the server stored it.
 */
export async function record(records: ApiRecords, zone: string, days: Days) {
  const { dayA, dayB, dayC, dayE } = days;
  const at = (day: string, hhmm: string) => atLocalTime(day, hhmm, zone);
  const taper = {
    kind: "taper",
    substanceId: "kratom-leaf",
    unit: "g",
    startDate: dayA,
    startAmountPerDay: 6,
    step: { kind: "amount", amount: 1 },
    stepLengthDays: 2,
  };
  const plan = await records.createPlan(taper);
  const revised = await records.revisePlan(plan.id, { ...taper, startAmountPerDay: 9 });

  await records.dose("kratom-leaf", 3, "g", at(dayA, "09:00"));
  await records.dose("kratom-leaf", 2, "g", at(dayA, "23:50"));
  await records.dose("kratom-leaf", 1, "g", at(dayB, "00:10"));
  await records.dose("kratom-capsules", 2, "g", at(dayB, "12:00"));
  await records.dose("kratom-extract", 0.5, "g", at(dayB, "13:00"));
  await records.dose("kratom-capsules", 3, "capsule", at(dayB, "14:00"));
  await records.dose("kratom-leaf", 4, "g", at(dayE, "08:00"));
  await records.dose("magnesium-oxide", 400, "mg", at(dayE, "21:00"));

  for (const [day, value, hhmm] of [
    [dayA, 3, "10:00"],
    [dayC, 2, "10:00"],
    [dayE, 1, "20:00"],
  ] as const) {
    await records.checkIn("sows", at(day, hhmm), await records.everyItem("sows", value));
  }
  return { planId: plan.id as string, revised };
}

/** The header of the scenario's SOWS table with doses and a plan target. */
export const tableHeaders = [
  "When",
  "Total (of 64)",
  "Doses logged that day",
  "Plan target (g/day)",
];

/**
 * The scenario's SOWS table below the header, newest first (days E, C, B, A), without the When
 * column: total, doses logged that day, plan target.
 */
export const tableRows = [
  ["16", "4 g kratom leaf; 241.2 mg elemental magnesium", "5 g"],
  ["32", "none logged", "5 g"],
  [
    "no check-in",
    "500 mg kratom extract; 3 g kratom leaf; not counted: 3 capsule Kratom capsules (leaf powder)",
    "6 g",
  ],
  ["48", "5 g kratom leaf", "6 g"],
];

/**
 * Total and plan target of each row once the plan is ended today and a dose is logged today:
 * today has no target, the past days keep theirs.
 */
export const endedTodayTotalsAndTargets = [
  ["no check-in", "–"],
  ["16", "5 g"],
  ["32", "5 g"],
  ["no check-in", "6 g"],
  ["48", "6 g"],
];

/**
 * What a page shows of the scenario on its SOWS chart with the kratom leaf pool drawn (the
 * default): the three check-ins, a bar on each day with leaf (A: 5 g, B: 3 g, E: 4 g), the plan's
 * target line from 6 to 5 g/day on a g/day axis, the chart named for its doses, and the capsules
 * that cannot be counted named under it.
 */
export async function expectLeafChart(page: Page, chart: Locator, days: Days): Promise<void> {
  expect(await chart.locator("circle.chart-point").count()).toBe(3);
  expect(await progressChart.doseBars(chart)).toEqual([
    [days.dayA, "5"],
    [days.dayB, "3"],
    [days.dayE, "4"],
  ]);
  expect(await chart.getByTestId("chart-sows-target").getAttribute("d")).toMatch(/^M[\d.]+,/);
  expect(await chart.locator(".chart-axis-title-right").textContent()).toBe("g/day");
  expect(
    await page
      .getByRole("img", { name: /SOWS totals over time, with kratom leaf doses logged/ })
      .count(),
  ).toBe(1);
  const desc = (await chart.locator("desc").textContent()) ?? "";
  expect(desc).toMatch(/Plan target, a dashed step line: 6 g\/day on .* to 5 g\/day on/);
  expect(await page.getByTestId("chart-sows-uncounted").textContent()).toMatch(
    /Not in the bars: 1 dose Mitra cannot turn into g \(3 capsule Kratom capsules/,
  );
}

/**
 * The same chart once elemental magnesium is picked: an mg/day axis (waited for), one bar on day
 * E (241.2 mg from the 400 mg oxide tablet), and no target line, as there is no magnesium plan.
 */
export async function expectMagnesiumChart(chart: Locator, days: Days): Promise<void> {
  await expect.poll(() => chart.locator(".chart-axis-title-right").textContent()).toBe("mg/day");
  expect(await progressChart.doseBars(chart)).toEqual([[days.dayE, "241.2"]]);
  expect(await chart.getByTestId("chart-sows-target").count()).toBe(0);
}
