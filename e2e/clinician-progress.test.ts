import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../src/core/plan/index.ts";
import { startOfZonedDay, zonedDay } from "../src/core/zoned-time.ts";
import { ApiClient, type TestServer } from "../src/testing/test-server.ts";
import { startAppServer } from "./support/app-server.ts";
import { browserAvailable, launchBrowser } from "./support/browser.ts";
import { openSignedInPage } from "./support/signed-in-page.ts";

const available = browserAvailable();

// The patient lives in Kolkata (UTC+5:30); the clinicians, their profiles and their browsers, in
// Los Angeles. A dose at 00:10 in Kolkata is the morning before in Los Angeles: the patient's
// page must count it on the patient's day, not the clinician's.
const patientZone = "Asia/Kolkata";
const clinicianZone = "America/Los_Angeles";

/** An instant at a local time on a calendar day in the patient's zone (Kolkata keeps no DST). */
const at = (day: string, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number) as [number, number];
  return new Date(
    startOfZonedDay(day, patientZone).getTime() + h * 3_600_000 + m * 60_000,
  ).toISOString();
};

describe.skipIf(!available)("clinician's patient page: doses under the scores, by consent", () => {
  let server: TestServer;
  let browser: Browser;
  let patientId = "";
  let patient: ApiClient;
  let planId = "";
  /** A clinician the patient shares everything with, and one who sees check-ins only. */
  let full: Page;
  let narrow: Page;

  // Four past days in the patient's zone: A, B, C and E (yesterday).
  const today = zonedDay(new Date(), patientZone);
  const [dayA, dayB, dayC, dayE] = [-4, -3, -2, -1].map((n) => addDays(today, n)) as [
    string,
    string,
    string,
    string,
  ];

  /** A clinician signed in in a browser, joined to the patient with these scopes. */
  async function clinicianPage(patient: ApiClient, name: string, scopes: string[]) {
    const { page, context } = await openSignedInPage(
      browser,
      server.baseUrl,
      { name, displayName: name, timeZone: clinicianZone, role: "clinician" },
      { timezoneId: clinicianZone },
    );
    const invitation = await patient.post("/api/care/invitations", { scopes });
    expect(invitation.status).toBe(201);
    const csrf = (await (await context.request.get(`${server.baseUrl}/api/me`)).json()).csrfToken;
    const joined = await context.request.post(`${server.baseUrl}/api/care/join`, {
      data: { code: invitation.body.code },
      headers: { "x-csrf-token": csrf },
    });
    expect(joined.status(), await joined.text()).toBe(201);
    return page;
  }

  beforeAll(async () => {
    server = await startAppServer();
    // The server's test clock stands still; set it to now so past times are not "future".
    server.clock.advance(Date.now() - server.clock.now().getTime());
    browser = await launchBrowser();

    patient = new ApiClient(server.baseUrl);
    ({ id: patientId } = await patient.register("patient", {
      displayName: "Meera Patient",
      timeZone: patientZone,
    }));
    const post = async (path: string, body: unknown) => {
      const res = await patient.post(path, body);
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    const dose = (substance: string, amount: number, unit: string, takenAt: string) =>
      post("/api/ingestions", { id: crypto.randomUUID(), substance, amount, unit, takenAt });

    // A taper of kratom leaf from day A: 6 g a day, 1 g less every 2 days (A, B: 6; C, E: 5),
    // revised today to start at 9 g: the past days keep the first version's targets.
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
    const revised = await patient.request("PUT", `/api/plans/${created.plan.id}`, {
      definition: { ...taper, startAmountPerDay: 9 },
    });
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);

    // Day A: 3 g + 2 g of leaf (the second at 23:50 local) = 5 g.
    await dose("kratom-leaf", 3, "g", at(dayA, "09:00"));
    await dose("kratom-leaf", 2, "g", at(dayA, "23:50"));
    // Day B: 1 g of leaf at 00:10 local (still day A in Los Angeles and UTC) + 2 g of leaf
    // capsules = 3 g of leaf; an extract is its own pool; capsules without grams per capsule
    // cannot be counted.
    await dose("kratom-leaf", 1, "g", at(dayB, "00:10"));
    await dose("kratom-capsules", 2, "g", at(dayB, "12:00"));
    await dose("kratom-extract", 0.5, "g", at(dayB, "13:00"));
    await dose("kratom-capsules", 3, "capsule", at(dayB, "14:00"));
    // Day C: nothing. Day E: 4 g of leaf and a magnesium oxide tablet (60.3 % elemental).
    await dose("kratom-leaf", 4, "g", at(dayE, "08:00"));
    await dose("magnesium-oxide", 400, "mg", at(dayE, "21:00"));
    // Deleted: never counted.
    const gone = await dose("kratom-leaf", 20, "g", at(dayE, "09:00"));
    expect((await patient.delete(`/api/ingestions/${gone.ingestion.id}`)).status).toBe(204);

    // SOWS check-ins on A, C and E: every item answered the same, so totals 48, 32 and 16.
    const instruments = (await patient.get("/api/instruments")).body;
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

    full = await clinicianPage(patient, "dr-full", ["doses", "assessments", "notes", "products"]);
    narrow = await clinicianPage(patient, "dr-narrow", ["assessments"]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("draws the patient's daily leaf totals and plan target under SOWS, on the patient's days", async () => {
    await full.goto(`${server.baseUrl}/patients/${patientId}`);
    const chart = full.getByTestId("chart-sows");
    await chart.waitFor();
    await chart.getByTestId("chart-sows-doses").waitFor({ state: "attached" });
    expect(await chart.locator("circle.chart-point").count()).toBe(3);
    const drawn = await chart
      .locator("rect.chart-dose-bar")
      .evaluateAll((rects) =>
        rects.map((r) => [r.getAttribute("data-day"), r.getAttribute("data-amount")]),
      );
    expect(drawn).toEqual([
      [dayA, "5"],
      [dayB, "3"],
      [dayE, "4"],
    ]);
    expect(await chart.getByTestId("chart-sows-target").getAttribute("d")).toMatch(/^M[\d.]+,/);
    expect(await chart.locator(".chart-axis-title-right").textContent()).toBe("g/day");
    expect(
      await full
        .getByRole("img", { name: /SOWS totals over time, with kratom leaf doses logged/ })
        .count(),
    ).toBe(1);
    const desc = (await chart.locator("desc").textContent()) ?? "";
    expect(desc).toMatch(/Plan target, a dashed step line: 6 g\/day on .* to 5 g\/day on/);
    expect(await full.getByTestId("chart-sows-uncounted").textContent()).toMatch(
      /Not in the bars: 1 dose Mitra cannot turn into g \(3 capsule Kratom capsules/,
    );
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
    await full.getByText("Show as a table").click();
    const table = full.getByRole("table", { name: /SOWS totals and doses logged each day/ });
    expect(await table.getByRole("columnheader").allTextContents()).toEqual([
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
    // Day E's check-in at 20:00 in Kolkata, not 06:30 in Los Angeles.
    expect(rows[0]?.[0]).toMatch(/8:00\sPM$/);
    await table.scrollIntoViewIfNeeded();
    await full.screenshot({ path: "test-results/clinician-progress-table-390.png" });
  });

  it("draws the magnesium pool when the clinician picks it", async () => {
    await full
      .getByLabel("Doses drawn under the scores")
      .selectOption({ label: "elemental magnesium (mg/day)" });
    const chart = full.getByTestId("chart-sows");
    await expect.poll(() => chart.locator(".chart-axis-title-right").textContent()).toBe("mg/day");
    expect(
      await chart
        .locator("rect.chart-dose-bar")
        .evaluateAll((rects) =>
          rects.map((r) => [r.getAttribute("data-day"), r.getAttribute("data-amount")]),
        ),
    ).toEqual([[dayE, "241.2"]]);
    expect(await chart.getByTestId("chart-sows-target").count()).toBe(0);
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
    server.clock.advance(Date.now() - server.clock.now().getTime());
    const ended = await patient.post(`/api/plans/${planId}/end`, {});
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.plan.status).toBe("ended");
    const dose = await patient.post("/api/ingestions", {
      id: crypto.randomUUID(),
      substance: "kratom-leaf",
      amount: 2,
      unit: "g",
      takenAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(dose.status, JSON.stringify(dose.body)).toBe(201);

    await full.goto(`${server.baseUrl}/patients/${patientId}`);
    const chart = full.getByTestId("chart-sows");
    await chart.getByTestId("chart-sows-doses").waitFor({ state: "attached" });
    const bars = chart.locator("rect.chart-dose-bar");
    expect(await bars.evaluateAll((rects) => rects.map((r) => r.getAttribute("data-day")))).toEqual(
      [dayA, dayB, dayE, today],
    );
    const path = (await chart.getByTestId("chart-sows-target").getAttribute("d")) ?? "";
    const xs = [...path.matchAll(/[MH]([\d.]+)/g)].map((m) => Number(m[1]));
    expect(xs.length).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(Number(await bars.last().getAttribute("x")));

    await full.getByText("Show as a table").click();
    const table = full.getByRole("table", { name: /SOWS totals and doses logged each day/ });
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
