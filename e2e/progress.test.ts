import type { APIRequestContext, Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/core/plan/index.ts";
import { startOfZonedDay, zonedDay } from "../src/core/zoned-time.ts";
import type { TestServer } from "../src/testing/test-server.ts";
import { startAppServer } from "./support/app-server.ts";
import { browserAvailable, launchBrowser } from "./support/browser.ts";
import { openSignedInPage } from "./support/signed-in-page.ts";

const available = browserAvailable();

// The person lives in Kolkata (UTC+5:30) while the browser runs in UTC: a dose at 00:10 there is
// the evening before in UTC, and must count on the person's day.
const personZone = "Asia/Kolkata";

/** An instant at a local time on a calendar day in the person's zone (Kolkata keeps no DST). */
const at = (day: string, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return new Date(
    startOfZonedDay(day, personZone).getTime() + h * 3_600_000 + m * 60_000,
  ).toISOString();
};

describe.skipIf(!available)("progress: doses under the scores, in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let request: APIRequestContext;
  let csrf: string;
  let planId = "";

  // Four past days in the person's zone: A, B, C and E (yesterday).
  const today = zonedDay(new Date(), personZone);
  const [dayA, dayB, dayC, dayE] = [-4, -3, -2, -1].map((n) => addDays(today, n)) as [
    string,
    string,
    string,
    string,
  ];

  const post = async (path: string, data: unknown) => {
    const res = await request.post(`${server.baseUrl}${path}`, {
      data,
      headers: { "x-csrf-token": csrf },
    });
    if (res.status() !== 201) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
    return res.json();
  };
  const dose = (substance: string, amount: number, unit: string, takenAt: string) =>
    post("/api/ingestions", { id: crypto.randomUUID(), substance, amount, unit, takenAt });

  beforeAll(async () => {
    server = await startAppServer();
    // The server's test clock stands still; set it to now so past times are not "future".
    server.clock.advance(Date.now() - server.clock.now().getTime());
    browser = await launchBrowser();
    let context: Awaited<ReturnType<typeof openSignedInPage>>["context"];
    ({ page, context } = await openSignedInPage(
      browser,
      server.baseUrl,
      { name: "meera", displayName: "Meera", timeZone: personZone },
      { timezoneId: "UTC" },
    ));
    request = context.request;
    csrf = (await (await request.get(`${server.baseUrl}/api/me`)).json()).csrfToken;

    // A taper of kratom leaf from day A: 6 g a day, 1 g less every 2 days (A, B: 6; C, E: 5).
    const taper = {
      kind: "taper",
      substanceId: "kratom-leaf",
      unit: "g",
      startDate: dayA,
      startAmountPerDay: 6,
      step: { kind: "amount", amount: 1 },
      stepLengthDays: 2,
    };
    const created = await post("/api/plans", { id: crypto.randomUUID(), definition: taper });
    planId = created.plan.id;
    // Revised today to start at 9 g: that version governs from today on, so the past days drawn
    // keep the targets of the first version, as the Plan page's adherence judges them.
    const revised = await request.put(`${server.baseUrl}/api/plans/${created.plan.id}`, {
      data: { definition: { ...taper, startAmountPerDay: 9 } },
      headers: { "x-csrf-token": csrf },
    });
    expect(revised.status(), await revised.text()).toBe(200);
    expect((await revised.json()).plan.current.version).toBe(2);

    // Day A: 3 g + 2 g of leaf (the second at 23:50 local) = 5 g.
    await dose("kratom-leaf", 3, "g", at(dayA, "09:00"));
    await dose("kratom-leaf", 2, "g", at(dayA, "23:50"));
    // Day B: 1 g of leaf at 00:10 local (still day A in UTC) + 2 g of leaf capsules = 3 g of leaf;
    // an extract is its own pool; capsules counted without grams per capsule cannot be counted.
    await dose("kratom-leaf", 1, "g", at(dayB, "00:10"));
    await dose("kratom-capsules", 2, "g", at(dayB, "12:00"));
    await dose("kratom-extract", 0.5, "g", at(dayB, "13:00"));
    await dose("kratom-capsules", 3, "capsule", at(dayB, "14:00"));
    // Day C: nothing. Day E: 4 g of leaf and a magnesium oxide tablet (60.3 % elemental).
    await dose("kratom-leaf", 4, "g", at(dayE, "08:00"));
    await dose("magnesium-oxide", 400, "mg", at(dayE, "21:00"));

    // SOWS check-ins on A, C and E: every item answered the same, so totals 48, 32 and 16.
    const instruments = await (await request.get(`${server.baseUrl}/api/instruments`)).json();
    const sows = instruments.instruments.find((i: { id: string }) => i.id === "sows");
    const answers = (value: number) =>
      Object.fromEntries(sows.items.map((item: { id: string }) => [item.id, value]));
    for (const [day, value] of [
      [dayA, 3],
      [dayC, 2],
      [dayE, 1],
    ] as const) {
      await post("/api/assessments", {
        id: crypto.randomUUID(),
        instrument: "sows",
        takenAt: at(day, day === dayE ? "20:00" : "10:00"),
        answers: answers(value),
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("draws the day's leaf total as bars under the SOWS line, and the plan's target", async () => {
    await page.goto(`${server.baseUrl}/progress`);
    const chart = page.getByTestId("chart-sows");
    await chart.waitFor();
    await chart.getByTestId("chart-sows-doses").waitFor({ state: "attached" });
    expect(await chart.locator("circle.chart-point").count()).toBe(3);

    const bars = chart.locator("rect.chart-dose-bar");
    const drawn = await bars.evaluateAll((rects) =>
      rects.map((r) => [r.getAttribute("data-day"), r.getAttribute("data-amount")]),
    );
    // The plan's pool is drawn first: leaf powder and capsules together, by the person's days.
    expect(drawn).toEqual([
      [dayA, "5"],
      [dayB, "3"],
      [dayE, "4"],
    ]);
    // Taller bar for more grams, on the same axis.
    const heights = await bars.evaluateAll((rects) =>
      rects.map((r) => Number(r.getAttribute("height"))),
    );
    expect(heights[0]).toBeGreaterThan(heights[2] ?? 0);
    expect(heights[2]).toBeGreaterThan(heights[1] ?? 0);
    expect(await chart.getByTestId("chart-sows-target").getAttribute("d")).toMatch(/^M[\d.]+,/);
    expect(await chart.locator(".chart-axis-title-right").textContent()).toBe("g/day");

    expect(
      await page
        .getByRole("img", { name: /SOWS totals over time, with kratom leaf doses logged/ })
        .count(),
    ).toBe(1);
    const desc = (await chart.locator("desc").textContent()) ?? "";
    expect(desc).toMatch(
      /Bars under the line: kratom leaf doses logged per day, on 3 days, from 3 to 5 g/,
    );
    expect(desc).toMatch(/Plan target, a dashed step line: 6 g\/day on .* to 5 g\/day on/);

    const card = page.getByRole("region", { name: "Subjective Opiate Withdrawal Scale" });
    const legend = card.locator(".chart-legend");
    expect(await legend.textContent()).toMatch(
      /Doses logged: g\/day of kratom leaf \(right axis\)/,
    );
    expect(await legend.textContent()).toMatch(/Plan target: g\/day/);
    expect(await card.getByTestId("chart-sows-uncounted").textContent()).toMatch(
      /Not in the bars: 1 dose Mitra cannot turn into g \(3 capsule Kratom capsules/,
    );
    // Spoken to the person, whose product it is.
    expect(await card.getByTestId("chart-sows-uncounted").textContent()).toMatch(
      /\. Add the grams per capsule or serving to the product to count them\.$/,
    );

    await page.evaluate(() => window.scrollTo(0, 0));
    await card.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: "test-results/progress-doses-390.png" });
  });

  it("lists every day's dose totals and the target in the table, newest first", async () => {
    const card = page.getByRole("region", { name: "Subjective Opiate Withdrawal Scale" });
    await card.getByText("Show as a table").click();
    const table = page.getByRole("table", { name: /SOWS totals and doses logged each day/ });
    const headers = await table.getByRole("columnheader").allTextContents();
    expect(headers).toEqual([
      "When",
      "Total (of 64)",
      "Doses logged that day",
      "Plan target (g/day)",
    ]);
    const rows = await table
      .getByRole("row")
      .evaluateAll((trs) =>
        trs.slice(1).map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)),
      );
    expect(rows.map((r) => r.slice(1))).toEqual([
      ["16", "4 g kratom leaf; 241.2 mg elemental magnesium", "5 g"],
      ["32", "none logged", "5 g"],
      [
        "no check-in",
        "500 mg kratom extract; 3 g kratom leaf; not counted: 3 capsule Kratom capsules (leaf powder)",
        "6 g",
      ],
      ["48", "5 g kratom leaf", "6 g"],
    ]);
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/progress-doses-table-390.png" });
  });

  it("draws another pool when the person picks it", async () => {
    const picker = page.getByLabel("Doses drawn under the scores");
    const options = await picker.locator("option").allTextContents();
    expect(options[0]).toBe("kratom leaf (g/day)");
    expect(options).toContain("elemental magnesium (mg/day)");
    expect(options).toContain("kratom extract (mg/day)");
    await picker.selectOption({ label: "elemental magnesium (mg/day)" });
    const chart = page.getByTestId("chart-sows");
    await expect.poll(() => chart.locator(".chart-axis-title-right").textContent()).toBe("mg/day");
    const drawn = await chart
      .locator("rect.chart-dose-bar")
      .evaluateAll((rects) =>
        rects.map((r) => [r.getAttribute("data-day"), r.getAttribute("data-amount")]),
      );
    expect(drawn).toEqual([[dayE, "241.2"]]);
    // No magnesium plan: no target line.
    expect(await chart.getByTestId("chart-sows-target").count()).toBe(0);
    await picker.evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: "test-results/progress-doses-magnesium-390.png" });
  });

  it("still draws a plan ended today on the days before, and no target from today", async () => {
    server.clock.advance(Date.now() - server.clock.now().getTime());
    const ended = await request.post(`${server.baseUrl}/api/plans/${planId}/end`, {
      headers: { "x-csrf-token": csrf },
    });
    expect(ended.status(), await ended.text()).toBe(200);
    expect((await ended.json()).plan.status).toBe("ended");
    // A dose today, so the chart runs to today.
    await dose("kratom-leaf", 2, "g", new Date(Date.now() - 60_000).toISOString());

    await page.goto(`${server.baseUrl}/progress`);
    const chart = page.getByTestId("chart-sows");
    await chart.getByTestId("chart-sows-doses").waitFor({ state: "attached" });
    const bars = chart.locator("rect.chart-dose-bar");
    expect(
      await bars.evaluateAll((rects) =>
        rects.map((r) => [r.getAttribute("data-day"), r.getAttribute("data-amount")]),
      ),
    ).toEqual([
      [dayA, "5"],
      [dayB, "3"],
      [dayE, "4"],
      [today, "2"],
    ]);
    // The target line runs over the past days and stops where today begins.
    const path = (await chart.getByTestId("chart-sows-target").getAttribute("d")) ?? "";
    const xs = [...path.matchAll(/[MH]([\d.]+)/g)].map((m) => Number(m[1]));
    const todayBarX = Number(await bars.last().getAttribute("x"));
    expect(xs.length).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(todayBarX);
    const desc = (await chart.locator("desc").textContent()) ?? "";
    expect(desc).toMatch(/Plan target, a dashed step line: 6 g\/day on .* to 5 g\/day on/);

    const card = page.getByRole("region", { name: "Subjective Opiate Withdrawal Scale" });
    await card.getByText("Show as a table").click();
    const table = page.getByRole("table", { name: /SOWS totals and doses logged each day/ });
    const rows = await table
      .getByRole("row")
      .evaluateAll((trs) =>
        trs.slice(1).map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)),
      );
    expect(rows.map((r) => [r[1], r[3]])).toEqual([
      ["no check-in", "–"],
      ["16", "5 g"],
      ["32", "5 g"],
      ["no check-in", "6 g"],
      ["48", "6 g"],
    ]);
  });
});
