import { beforeAll, describe, expect, it } from "vitest";
import { practiceName, seedPractice } from "../src/testing/practice-records.ts";
import { setClockToNow } from "./support/app-server.ts";
import { browserAvailable } from "./support/browser.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

const available = browserAvailable();
const PATIENTS = 120;

/**
 * The clinician's patient table with a practice of 120: search, sort by a header, the saved
 * filters, the clinician's own saved filter, pages, the keyboard, and a phone's width.
 */
describe.skipIf(!available)("the clinician's patient table", () => {
  const app = useSignedInBrowser({
    name: "dr-table",
    displayName: "Dr Table",
    timeZone: "UTC",
    role: "clinician",
  });

  beforeAll(async () => {
    setClockToNow(app.server);
    await seedPractice(app.server.database.db, app.userId, PATIENTS, app.server.clock.now());
    await app.page.setViewportSize({ width: 1366, height: 900 });
  });

  const count = () => app.page.getByTestId("table-count").textContent();
  const names = () => app.page.locator(".triage-row .triage-name").allTextContents();
  const levels = () => app.page.locator(".triage-row .level-badge").allTextContents();
  const query = () => new URL(app.page.url()).search;

  it("shows the first page worst first, and searches by name", async () => {
    const { page } = app;
    await page.goto(`${app.server.baseUrl}/patients`);
    await expect.poll(count).toBe(`1-50 of ${PATIENTS} patients, page 1 of 3.`);
    expect(await page.locator(".triage-row").count()).toBe(50);
    expect((await levels()).slice(0, 5)).toEqual(Array(5).fill("Urgent"));
    // No one in this practice has a plan: the plan column says so, not "none over plan".
    expect(await page.locator(".triage-row .cell-plan").first().textContent()).toBe("No plan");
    expect(
      await page.getByRole("columnheader", { name: /Urgency/ }).getAttribute("aria-sort"),
    ).toBe("descending");
    await page.screenshot({ path: "test-results/patient-table-1366.png", fullPage: true });
    await page.locator(".patient-table").scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/patient-table-1366-view.png" });

    const search = page.getByLabel("Search by name or e-mail");
    await search.pressSequentially(practiceName(7));
    await expect.poll(count).toBe(`1-1 of 1 matching, of ${PATIENTS} patients.`);
    expect(await names()).toEqual([practiceName(7)]);
    expect(query()).toBe(`?q=${practiceName(7).replace(" ", "+")}`);
    await search.fill("");
    await expect.poll(count).toMatch(/^1-50 of 120 patients/);
  });

  it("sorts by a column header, either way, by mouse and keyboard", async () => {
    const { page } = app;
    const header = page.getByRole("columnheader", { name: /Patient/ });
    await header.getByRole("button").click();
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("ascending");
    const sorted = [...Array(PATIENTS).keys()].map(practiceName).sort((a, b) => a.localeCompare(b));
    await expect.poll(names).toEqual(sorted.slice(0, 50));
    expect(query()).toBe("?sort=name");
    await header.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("descending");
    await expect.poll(async () => (await names())[0]).toBe(sorted.at(-1));
  });

  it("applies the saved filters, as links", async () => {
    const { page } = app;
    const filters = page.getByRole("navigation", { name: "Saved filters" });
    await filters.getByRole("link", { name: /^Urgent/ }).click();
    await expect.poll(count).toBe(`1-5 of 5 matching, of ${PATIENTS} patients.`);
    expect(new Set(await levels())).toEqual(new Set(["Urgent"]));
    expect(query()).toBe("?level=urgent");
    expect(await filters.getByRole("link", { name: /^Urgent/ }).getAttribute("aria-current")).toBe(
      "true",
    );

    // Every third patient has not checked in since the link 10 days ago, but for one (patient
    // 50) whose red-flag screen is a check-in too.
    await filters.getByRole("link", { name: "No check-in 3 days" }).click();
    await expect.poll(count).toBe(`1-39 of 39 matching, of ${PATIENTS} patients.`);
    expect(query()).toBe("?quiet=3");
    expect(await page.locator(".triage-row", { hasText: /no check-in on/ }).count()).toBe(39);
  });

  it("keeps the clinician's own saved filter in the browser", async () => {
    const { page } = app;
    await page.getByLabel("Urgency").selectOption("attention");
    await expect.poll(query).toBe("?level=attention&quiet=3");
    await page.getByText("Save this filter").click();
    await page.getByLabel("Name of this filter").fill("Quiet, not stable");
    await page.getByRole("button", { name: "Save filter" }).click();
    await page.goto(`${app.server.baseUrl}/patients`);
    const mine = page.getByRole("link", { name: "Quiet, not stable" });
    await mine.click();
    await expect.poll(query).toBe("?level=attention&quiet=3");
    await expect.poll(count).toMatch(/of 39 matching/);
    await page.getByRole("button", { name: "Remove saved filter Quiet, not stable" }).click();
    expect(await mine.count()).toBe(0);
  });

  it("pages through, and opens a patient from the keyboard", async () => {
    const { page } = app;
    const filters = page.getByRole("navigation", { name: "Saved filters" });
    await filters.getByRole("link", { name: /^All patients/ }).click();
    await expect.poll(count).toBe(`1-50 of ${PATIENTS} patients, page 1 of 3.`);
    const pager = page.getByRole("navigation", { name: "Pages of patients" });
    await pager.getByRole("link", { name: "Next page" }).click();
    await expect.poll(count).toBe(`51-100 of ${PATIENTS} patients, page 2 of 3.`);
    await pager.getByRole("link", { name: "Next page" }).click();
    await expect.poll(count).toBe(`101-120 of ${PATIENTS} patients, page 3 of 3.`);
    expect(await page.locator(".triage-row").count()).toBe(20);
    expect(await pager.getByRole("link", { name: "Next page" }).count()).toBe(0);
    expect(query()).toBe("?page=3");
    await page.goBack();
    await expect.poll(count).toMatch(/^51-100/);

    // Tab from the search box reaches the first patient's name; Enter opens their page.
    await page.getByLabel("Search by name or e-mail").focus();
    let reached = "";
    for (let i = 0; i < 20 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() =>
        document.activeElement?.classList.contains("triage-name")
          ? (document.activeElement.textContent ?? "")
          : "",
      );
    }
    expect(reached).toBe((await names())[0]);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/patients/*");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(reached);
  });

  it("fits a 360 px phone, each patient a card of labelled cells", async () => {
    const { page } = app;
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${app.server.baseUrl}/patients?level=attention`);
    await expect.poll(count).toMatch(/matching, of 120 patients/);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    const first = page.locator(".triage-row").first();
    expect(
      await first
        .locator("td")
        .first()
        .evaluate((td) => getComputedStyle(td).display),
    ).toBe("block");
    await page.screenshot({ path: "test-results/patient-table-360.png", fullPage: false });
    await first.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/patient-table-360-rows.png" });
  });
});
