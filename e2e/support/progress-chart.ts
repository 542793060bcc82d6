/**
 * Reading a score chart with doses under it (Progress, and the clinician's patient page) and
 * the table it can be shown as (import it as a namespace: `progressChart.doseBars(chart)`).
 */
import type { Locator, Page } from "playwright-core";

/** The chart of an instrument's totals, once its dose bars are on the page. */
export async function withDoses(page: Page, instrument: string): Promise<Locator> {
  const chart = page.getByTestId(`chart-${instrument}`);
  await chart.waitFor();
  await chart.getByTestId(`chart-${instrument}-doses`).waitFor({ state: "attached" });
  return chart;
}

/** The dose bars drawn, in drawing order, as [day, amount] (their data-day and data-amount). */
export function doseBars(chart: Locator): Promise<(string | null)[][]> {
  return chart
    .locator("rect.chart-dose-bar")
    .evaluateAll((rects) =>
      rects.map((r) => [r.getAttribute("data-day"), r.getAttribute("data-amount")]),
    );
}

/** The x positions the plan target's step line passes through (its M and H commands). */
export async function targetLineXs(chart: Locator, instrument: string): Promise<number[]> {
  const path = (await chart.getByTestId(`chart-${instrument}-target`).getAttribute("d")) ?? "";
  return [...path.matchAll(/[MH]([\d.]+)/g)].map((m) => Number(m[1]));
}

/** The x of the last dose bar drawn (the latest day with doses). */
export async function lastBarX(chart: Locator): Promise<number> {
  return Number(await chart.locator("rect.chart-dose-bar").last().getAttribute("x"));
}

/** Opens the chart's table ("Show as a table" in `scope`) and answers the table named. */
export async function showAsTable(scope: Page | Locator, name: RegExp): Promise<Locator> {
  await scope.getByText("Show as a table").click();
  const page = "page" in scope ? scope.page() : scope;
  return page.getByRole("table", { name });
}

/** The text of every cell of every row below the header row. */
export function bodyRows(table: Locator): Promise<(string | null)[][]> {
  return table
    .getByRole("row")
    .evaluateAll((trs) =>
      trs.slice(1).map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)),
    );
}
