import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../src/testing/test-server.ts";
import type { ApiRecords } from "./support/api-records.ts";
import { setClockToNow } from "./support/app-server.ts";
import { browserAvailable } from "./support/browser.ts";
import { clinicianJoiner, startBrowserWithPatient } from "./support/care-team.ts";
import * as dosesUnderScores from "./support/doses-under-scores.ts";
import * as progressChart from "./support/progress-chart.ts";
import { closeBrowserAndServer } from "./support/signed-in-page.ts";
import { atLocalTime } from "./support/zoned-days.ts";

const available = browserAvailable();

// The patient lives in Kolkata (UTC+5:30); the clinicians, their profiles and their browsers, in
// Los Angeles. A dose at 00:10 in Kolkata is the morning before in Los Angeles: the patient's
// page must count it on the patient's day, not the clinician's.
const patientZone = "Asia/Kolkata";
const clinicianZone = "America/Los_Angeles";

describe.skipIf(!available)("clinician's patient page: doses under the scores, by consent", () => {
  let server: TestServer;
  let browser: Browser;
  let patientId = "";
  let records: ApiRecords;
  let planId = "";
  /** A clinician the patient shares everything with, and one who sees check-ins only. */
  let full: Page;
  let narrow: Page;

  // Four past days in the patient's zone: A, B, C and E (yesterday).
  const days = dosesUnderScores.days(patientZone);
  const { today, dayA, dayB, dayE } = days;

  beforeAll(async () => {
    let patient: ApiClient;
    ({ server, browser, patient, patientId, records } = await startBrowserWithPatient({
      displayName: "Meera Patient",
      timeZone: patientZone,
    }));
    // The taper (revised today to start at 9 g), doses on days A, B and E, SOWS on A, C and E.
    ({ planId } = await dosesUnderScores.record(records, patientZone, days));
    // Deleted: never counted.
    const gone = await records.dose(
      "kratom-leaf",
      20,
      "g",
      atLocalTime(dayE, "09:00", patientZone),
    );
    await records.deleteDose(gone.id);

    const clinician = clinicianJoiner(browser, server.baseUrl, patient, clinicianZone);
    full = await clinician("dr-full", ["doses", "assessments", "notes", "products"]);
    narrow = await clinician("dr-narrow", ["assessments"]);
  });
  afterAll(() => closeBrowserAndServer(browser, server));

  it("draws the patient's daily leaf totals and plan target under SOWS, on the patient's days", async () => {
    await full.goto(`${server.baseUrl}/patients/${patientId}`);
    const chart = await progressChart.withDoses(full, "sows");
    // The patient's days' leaf totals, the plan's target, the capsules that cannot be counted.
    await dosesUnderScores.expectLeafChart(full, chart, days);
    // Spoken of the patient, whose product it is, not to the clinician.
    expect(await full.getByTestId("chart-sows-uncounted").textContent()).toMatch(
      /\. Meera Patient can add the grams per capsule or serving to the product to count them\.$/,
    );
    expect(await full.getByTestId("doses-not-shared").count()).toBe(0);
    const options = await full
      .getByLabel("Doses drawn under the scores")
      .locator("option")
      .allTextContents();
    expect(options[0]).toBe("kratom leaf (g/day)");
    expect(options).toContain("elemental magnesium (mg/day)");

    const scores = full.getByRole("region", { name: "Scores, last 30 days" });
    // The section's heading just under the sticky top bar.
    await scores.evaluate((el) =>
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 70),
    );
    await full.screenshot({ path: "test-results/clinician-progress-doses-390.png" });
  });

  it("lists the day's totals and the plan target in the table, in the patient's zone", async () => {
    const table = await progressChart.showAsTable(full, /SOWS totals and doses logged each day/);
    expect(await table.getByRole("columnheader").allTextContents()).toEqual(
      dosesUnderScores.tableHeaders,
    );
    const rows = await progressChart.bodyRows(table);
    expect(rows.map((r) => r.slice(1))).toEqual(dosesUnderScores.tableRows);
    // Day E's check-in at 20:00 in Kolkata, not 06:30 in Los Angeles.
    expect(rows[0]?.[0]).toMatch(/8:00\sPM$/);
    await table.scrollIntoViewIfNeeded();
    await full.screenshot({ path: "test-results/clinician-progress-table-390.png" });
  });

  it("draws the magnesium pool when the clinician picks it", async () => {
    await full
      .getByLabel("Doses drawn under the scores")
      .selectOption({ label: "elemental magnesium (mg/day)" });
    await dosesUnderScores.expectMagnesiumChart(full.getByTestId("chart-sows"), days);
  });

  it("shows a clinician who sees check-ins only the scores, without doses, and says why", async () => {
    await narrow.goto(`${server.baseUrl}/patients/${patientId}`);
    const chart = narrow.getByTestId("chart-sows");
    await chart.waitFor();
    expect(await chart.locator("circle.chart-point").count()).toBe(3);
    expect(await narrow.getByTestId("doses-not-shared").textContent()).toBe(
      "Meera Patient does not share doses and plans with you, so the charts show scores only.",
    );
    expect(await chart.getByTestId("chart-sows-doses").count()).toBe(0);
    expect(await narrow.locator("rect.chart-dose-bar").count()).toBe(0);
    expect(await narrow.locator(".chart-legend").count()).toBe(0);
    expect(await narrow.getByLabel("Doses drawn under the scores").count()).toBe(0);
    await narrow.getByText("Show as a table").click();
    const table = narrow.getByRole("table", { name: /SOWS totals, newest first/ });
    expect(await table.getByRole("columnheader").allTextContents()).toEqual([
      "When",
      "Total (of 64)",
    ]);
    expect(await table.getByRole("row").count()).toBe(4);
    expect(await narrow.locator(".timeline-dose").count()).toBe(0);
    await narrow.evaluate(() => window.scrollTo(0, 0));
    await narrow.screenshot({ path: "test-results/clinician-progress-narrow-390.png" });
  });

  it("still draws a plan the patient ended today on the days before, and no target from today", async () => {
    setClockToNow(server);
    expect((await records.endPlan(planId)).status).toBe("ended");
    await records.dose("kratom-leaf", 2, "g", new Date(Date.now() - 60_000).toISOString());

    await full.goto(`${server.baseUrl}/patients/${patientId}`);
    const chart = await progressChart.withDoses(full, "sows");
    expect((await progressChart.doseBars(chart)).map(([day]) => day)).toEqual([
      dayA,
      dayB,
      dayE,
      today,
    ]);
    const xs = await progressChart.targetLineXs(chart, "sows");
    expect(xs.length).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(await progressChart.lastBarX(chart));

    const table = await progressChart.showAsTable(full, /SOWS totals and doses logged each day/);
    expect((await progressChart.bodyRows(table)).map((r) => [r[1], r[3]])).toEqual(
      dosesUnderScores.endedTodayTotalsAndTargets,
    );
  });
});
