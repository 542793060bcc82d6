import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../src/testing/test-server.ts";
import { startAppServer } from "./support/app-server.ts";
import { browserAvailable, launchBrowser } from "./support/browser.ts";
import { openSignedInPage } from "./support/signed-in-page.ts";

const available = browserAvailable();

// The person lives in Auckland while the browser runs in UTC: "today" must be the person's day.
const personZone = "Pacific/Auckland";

describe.skipIf(!available)("plans in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  const stepRows = () => page.getByTestId("plan-step-row");
  const rowText = async (index: number) =>
    (await stepRows().nth(index).textContent())?.replace(/\s+/g, " ") ?? "";

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    ({ page } = await openSignedInPage(
      browser,
      server.baseUrl,
      { name: "rua", displayName: "Rua", timeZone: personZone },
      { timezoneId: "UTC" },
    ));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows no plan on Today before one is set", async () => {
    await page.goto(`${server.baseUrl}/today`);
    const card = page.getByTestId("today-plan");
    await expect.poll(() => card.textContent()).toMatch(/No plan in force today/);
    await card.getByRole("link", { name: "Set up a plan" }).click();
    await page.waitForURL("**/plan");
  });

  it("builds a taper with a live preview that follows the step", async () => {
    await page.getByRole("heading", { name: "New plan" }).waitFor();
    expect(await page.getByTestId("plan-preview-pending").count()).toBe(1);

    await page.getByLabel("Substance").selectOption({ label: "Kratom leaf powder" });
    expect(await page.getByLabel("Unit").inputValue()).toBe("g");
    await page.getByLabel("Start amount per day (g)").fill("10");
    await page.getByLabel("Step (g)").fill("1");
    await page.getByLabel("Step length (days)").fill("7");

    // A floor above the start is refused next to the field, by core's validatePlan.
    await page.getByLabel("Floor (g per day)").fill("12");
    const floorError = page.locator(".field", { has: page.getByLabel("Floor (g per day)") });
    await expect
      .poll(() => floorError.locator(".field-error").textContent())
      .toMatch(/floor must be below the start amount/);
    expect(await page.getByTestId("plan-preview").count()).toBe(0);

    await page.getByLabel("Floor (g per day)").fill("4");
    await page.getByLabel("Most per dose (g)").fill("4");
    await page.getByLabel("Hours between doses, at least").fill("3");
    await page.getByTestId("plan-preview").waitFor();
    expect(await floorError.locator(".field-error").count()).toBe(0);
    expect(await rowText(0)).toMatch(/1–7.*10 g/);
    expect(await rowText(1)).toMatch(/8–14.*9 g/);
    // 10 g down 1 g a week to a 4 g floor: 7 steps, the last at the floor.
    expect(await stepRows().count()).toBe(7);
    expect(await rowText(6)).toMatch(/4 g floor/);
    const chartBefore = await page.getByTestId("plan-chart").locator("path").getAttribute("d");

    await page.getByLabel("Step (g)").fill("2");
    await expect.poll(() => rowText(1)).toMatch(/8–14.*8 g/);
    expect(await stepRows().count()).toBe(4);
    const chartAfter = await page.getByTestId("plan-chart").locator("path").getAttribute("d");
    expect(chartAfter).not.toBe(chartBefore);

    // A percentage step: 10 % of 10 g is 1 g.
    await page.getByLabel("A percentage of the current amount").check();
    await page.getByLabel("Step (%)").fill("10");
    await expect.poll(() => rowText(1)).toMatch(/8–14.*9 g/);
    await page.getByLabel("A fixed amount (g)").check();
    await page.getByLabel("Step (g)").fill("2");
    await expect.poll(() => rowText(1)).toMatch(/8–14.*8 g/);

    await page.getByLabel("Floor (g per day)").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/plan-form-390.png" });
    await page.getByTestId("plan-chart").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/plan-preview-390.png" });
  });

  it("saves the plan and shows today's target, adherence and history", async () => {
    await page.getByRole("button", { name: "Save plan" }).click();
    await expect
      .poll(() => page.getByRole("main").getByRole("status").textContent())
      .toMatch(/Plan saved/);
    const card = page.getByTestId("plan-card");
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getByRole("heading").textContent()).toBe("Taper: Kratom leaf powder");
    expect(await page.getByTestId("plan-card-today").textContent()).toBe("Today: 10 g");
    await page.getByTestId("plan-adherence").waitFor();
    const adherence = page.getByTestId("plan-adherence");
    expect(await adherence.textContent()).toMatch(/On plan 0 of 1 day\b/);
    // Only days the plan was in force are listed: today, with nothing taken yet.
    await expect.poll(() => adherence.locator("tbody tr").count()).toBe(1);
    expect(await adherence.locator("tbody tr").textContent()).toMatch(/100under/);
    await page.screenshot({ path: "test-results/plan-saved-390.png", fullPage: true });
  });

  it("changes the plan as a new version and keeps the old one", async () => {
    await page.getByRole("button", { name: "Change plan" }).click();
    await page.getByRole("heading", { name: "Change plan" }).waitFor();
    await page.getByLabel("Step length (days)").fill("5");
    await expect.poll(() => rowText(1)).toMatch(/6–10.*8 g/);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect
      .poll(() => page.getByRole("main").getByRole("status").textContent())
      .toMatch(/version 2/);
    await page.getByText("Version history (2)").click();
    const history = page.getByTestId("plan-history");
    await expect.poll(() => history.textContent()).toMatch(/Version 2.*Changed: step length/);
    expect(await history.textContent()).toMatch(/Version 1.*Plan created/);
  });

  it("shows today's target and limits on Today", async () => {
    await page.goto(`${server.baseUrl}/today`);
    const card = page.getByTestId("today-plan");
    await expect.poll(() => card.textContent()).toMatch(/10 g of Kratom leaf powder today/);
    const text = (await card.textContent()) ?? "";
    expect(text).toMatch(/At most 4 g a dose/);
    expect(text).toMatch(/At least 3 h between doses/);
    // With 5-day steps the target drops to 8 g on day 6.
    expect(text).toMatch(/: 8 g a day/);
    expect(await card.getByRole("link", { name: "View plan" }).count()).toBe(1);
    await page.screenshot({ path: "test-results/plan-today-390.png", fullPage: true });
  });

  it("names the version each day was judged against once the plan changes a day later", async () => {
    // Versions 1 and 2 were saved today; tomorrow version 3 is saved.
    server.clock.advance(24 * 3_600_000);
    await page.goto(`${server.baseUrl}/plan`);
    await page.getByRole("button", { name: "Change plan" }).click();
    await page.getByRole("heading", { name: "Change plan" }).waitFor();
    await page.getByLabel("Step length (days)").fill("4");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect
      .poll(() => page.getByRole("main").getByRole("status").textContent())
      .toMatch(/version 3/);
    const adherence = page.getByTestId("plan-adherence");
    // Newest first: the new day by version 3, the first day by version 2 (the last saved on it).
    await expect
      .poll(() => adherence.getByTestId("adherence-version").allTextContents())
      .toEqual(["3", "2"]);
    expect(await adherence.textContent()).toMatch(
      /judged against the plan version in force that day \(version 3 is the current one\)/,
    );
    await page.screenshot({ path: "test-results/plan-adherence-versions-390.png", fullPage: true });
  });
  it("ends the plan and shows in its history the day it stopped governing", async () => {
    await page.getByRole("button", { name: "End plan" }).click();
    await page.getByRole("button", { name: "Yes, end this plan" }).click();
    await expect
      .poll(() => page.getByRole("main").getByRole("status").textContent())
      .toMatch(/Plan ended/);
    const card = page.locator(".plan-earlier").getByTestId("plan-card");
    await expect.poll(() => card.count()).toBe(1);
    // Ended today (the person's day): no target from today on, yesterday was its last day.
    expect(await card.getByTestId("plan-card-ended").textContent()).toMatch(
      /^Ended on .+: it sets no target from that day on; its last day was .+\.$/,
    );
    await card.getByText("Version history (3)").click();
    const history = card.getByTestId("plan-history");
    await expect
      .poll(() => history.locator("li").first().textContent())
      .toMatch(/^Ended · .*Ended on .+: it sets no target from that day on/);
    await card.locator("summary", { hasText: "Taken against planned" }).click();
    const adherence = card.getByTestId("plan-adherence");
    await expect
      .poll(() => adherence.textContent())
      .toMatch(/The plan was ended on .+: it sets no target from that day on\./);
    // Only the day before the end had a target: the first day, by version 2.
    expect(await adherence.locator("tbody tr").count()).toBe(1);
    expect(await adherence.textContent()).toMatch(/On plan 0 of 1 day\b/);
    await page.screenshot({ path: "test-results/plan-ended-390.png", fullPage: true });
  });
});
