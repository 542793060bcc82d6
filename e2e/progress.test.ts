import { beforeAll, describe, expect, it } from "vitest";
import { ApiRecords } from "./support/api-records.ts";
import { setClockToNow } from "./support/app-server.ts";
import { browserAvailable } from "./support/browser.ts";
import * as dosesUnderScores from "./support/doses-under-scores.ts";
import * as progressChart from "./support/progress-chart.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

const available = browserAvailable();

// The person lives in Kolkata (UTC+5:30) while the browser runs in UTC: a dose at 00:10 there is
// the evening before in UTC, and must count on the person's day.
const personZone = "Asia/Kolkata";

describe.skipIf(!available)("progress: doses under the scores, in the browser", () => {
  const app = useSignedInBrowser(
    { name: "meera", displayName: "Meera", timeZone: personZone },
    { timezoneId: "UTC" },
  );
  let records: ApiRecords;
  let planId = "";

  // Four past days in the person's zone: A, B, C and E (yesterday).
  const days = dosesUnderScores.days(personZone);
  const { today, dayA, dayB, dayE } = days;

  beforeAll(async () => {
    // Past times must not be "future" to the server.
    setClockToNow(app.server);
    records = await ApiRecords.forContext(app.context, app.server.baseUrl);
    // The taper (revised today to start at 9 g), doses on days A, B and E, SOWS on A, C and E.
    const { revised, planId: id } = await dosesUnderScores.record(records, personZone, days);
    planId = id;
    expect(revised.current.version).toBe(2);
  });

  it("draws the day's leaf total as bars under the SOWS line, and the plan's target", async () => {
    await app.page.goto(`${app.server.baseUrl}/progress`);
    const chart = await progressChart.withDoses(app.page, "sows");
    // The plan's pool is drawn first: leaf powder and capsules together, by the person's days,
    // with the plan's target and the capsules that cannot be counted named.
    await dosesUnderScores.expectLeafChart(app.page, chart, days);
    // Taller bar for more grams, on the same axis.
    const heights = await chart
      .locator("rect.chart-dose-bar")
      .evaluateAll((rects) => rects.map((r) => Number(r.getAttribute("height"))));
    expect(heights[0]).toBeGreaterThan(heights[2] ?? 0);
    expect(heights[2]).toBeGreaterThan(heights[1] ?? 0);
    const desc = (await chart.locator("desc").textContent()) ?? "";
    expect(desc).toMatch(
      /Bars under the line: kratom leaf doses logged per day, on 3 days, from 3 to 5 g/,
    );

    const card = app.page.getByRole("region", { name: "Subjective Opiate Withdrawal Scale" });
    const legend = card.locator(".chart-legend");
    expect(await legend.textContent()).toMatch(
      /Doses logged: g\/day of kratom leaf \(right axis\)/,
    );
    expect(await legend.textContent()).toMatch(/Plan target: g\/day/);
    // Spoken to the person, whose product it is.
    expect(await card.getByTestId("chart-sows-uncounted").textContent()).toMatch(
      /\. Add the grams per capsule or serving to the product to count them\.$/,
    );

    await app.page.evaluate(() => window.scrollTo(0, 0));
    await card.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await app.page.screenshot({ path: "test-results/progress-doses-390.png" });
  });

  it("lists every day's dose totals and the target in the table, newest first", async () => {
    const card = app.page.getByRole("region", { name: "Subjective Opiate Withdrawal Scale" });
    const table = await progressChart.showAsTable(card, /SOWS totals and doses logged each day/);
    const headers = await table.getByRole("columnheader").allTextContents();
    expect(headers).toEqual(dosesUnderScores.tableHeaders);
    const rows = await progressChart.bodyRows(table);
    expect(rows.map((r) => r.slice(1))).toEqual(dosesUnderScores.tableRows);
    await table.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: "test-results/progress-doses-table-390.png" });
  });

  it("draws another pool when the person picks it", async () => {
    const picker = app.page.getByLabel("Doses drawn under the scores");
    const options = await picker.locator("option").allTextContents();
    expect(options[0]).toBe("kratom leaf (g/day)");
    expect(options).toContain("elemental magnesium (mg/day)");
    expect(options).toContain("kratom extract (mg/day)");
    await picker.selectOption({ label: "elemental magnesium (mg/day)" });
    // One bar on day E, and no target line: there is no magnesium plan.
    await dosesUnderScores.expectMagnesiumChart(app.page.getByTestId("chart-sows"), days);
    await picker.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await app.page.screenshot({ path: "test-results/progress-doses-magnesium-390.png" });
  });

  it("still draws a plan ended today on the days before, and no target from today", async () => {
    setClockToNow(app.server);
    expect((await records.endPlan(planId)).status).toBe("ended");
    // A dose today, so the chart runs to today.
    await records.dose("kratom-leaf", 2, "g", new Date(Date.now() - 60_000).toISOString());

    await app.page.goto(`${app.server.baseUrl}/progress`);
    const chart = await progressChart.withDoses(app.page, "sows");
    expect(await progressChart.doseBars(chart)).toEqual([
      [dayA, "5"],
      [dayB, "3"],
      [dayE, "4"],
      [today, "2"],
    ]);
    // The target line runs over the past days and stops where today begins.
    const xs = await progressChart.targetLineXs(chart, "sows");
    expect(xs.length).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(await progressChart.lastBarX(chart));
    const desc = (await chart.locator("desc").textContent()) ?? "";
    expect(desc).toMatch(/Plan target, a dashed step line: 6 g\/day on .* to 5 g\/day on/);

    const card = app.page.getByRole("region", { name: "Subjective Opiate Withdrawal Scale" });
    const table = await progressChart.showAsTable(card, /SOWS totals and doses logged each day/);
    expect((await progressChart.bodyRows(table)).map((r) => [r[1], r[3]])).toEqual(
      dosesUnderScores.endedTodayTotalsAndTargets,
    );
  });

  it("keeps chart text near body size on a desktop, with the score line over the bars", async () => {
    await app.page.goto(`${app.server.baseUrl}/progress`);
    const sizes: Record<number, number[]> = {};
    for (const width of [360, 1366]) {
      await app.page.setViewportSize({ width, height: 900 });
      const chart = await progressChart.withDoses(app.page, "sows");
      // What a reader sees: the rendered height of the axis numbers, in CSS pixels.
      sizes[width] = await chart
        .locator(".chart-y-label")
        .evaluateAll((labels) => labels.map((l) => l.getBoundingClientRect().height));
      if (width === 1366) {
        await chart.evaluate((el) => el.scrollIntoView({ block: "start" }));
        await app.page.screenshot({ path: "test-results/progress-doses-1366.png" });
      }
    }
    // A line of 16 px body text measures about 19 px this way; before, the desktop's were 30 px.
    for (const width of [360, 1366]) {
      expect(sizes[width]?.length).toBeGreaterThan(0);
      for (const h of sizes[width] ?? []) {
        expect(h).toBeGreaterThanOrEqual(9);
        expect(h).toBeLessThanOrEqual(20);
      }
    }
    // The line and its points are drawn after (over) the dose bars.
    const chart = await progressChart.withDoses(app.page, "sows");
    const order = await chart.evaluate((svg) => {
      const all = [...svg.querySelectorAll("rect.chart-dose-bar, .chart-line, .chart-point")];
      return all.map((el) => (el.matches("rect.chart-dose-bar") ? "bar" : "line"));
    });
    expect(order.lastIndexOf("bar")).toBeLessThan(order.indexOf("line"));
    const opacity = await chart
      .locator("rect.chart-dose-bar")
      .first()
      .evaluate((el) => Number(getComputedStyle(el).opacity));
    expect(opacity).toBeLessThan(1);
  });
});
