import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../src/testing/test-server.ts";
import { startAppServer } from "./support/app-server.ts";
import { browserAvailable, launchBrowser } from "./support/browser.ts";
import { openSignedInPage } from "./support/signed-in-page.ts";

const available = browserAvailable();
/** A screenshot of what a phone shows, scrolled so `focus` (when given) is in view. */
async function shot(page: Page, name: string, focus?: Locator) {
  if (focus) await focus.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `test-results/dose-log-${name}-390.png` });
}

/** A datetime-local value for `hoursAgo` hours before now, in the browser's clock. */
function localInput(hoursAgo: number): string {
  const d = new Date(Date.now() - hoursAgo * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

describe.skipIf(!available)("dose log in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    ({ page } = await openSignedInPage(browser, server.baseUrl, {
      name: "dose",
      displayName: "Sam",
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function pickBySearch(query: string, name: string) {
    await page.getByLabel("Search substances").fill(query);
    await page.getByRole("button", { name: new RegExp(`^${name}`) }).click();
  }

  it("logs alcohol two hours ago", async () => {
    await page.goto(`${server.baseUrl}/log`);
    await page.getByRole("heading", { name: "Log a dose", level: 1 }).waitFor();
    await pickBySearch("alcohol", "Alcohol");
    await page.getByLabel("Amount").fill("2");
    expect(await page.getByLabel("Unit").inputValue()).toBe("drink");
    await page.getByLabel("When").fill(localInput(2));
    await page.getByRole("button", { name: "Save dose" }).click();
    await page.getByRole("heading", { name: "Dose saved" }).waitFor();
    expect(await page.locator(".saved-card").textContent()).toMatch(/2 drinks Alcohol/);
  });

  it("warns before saving kratom after alcohol: dangerous, with why and the source", async () => {
    await page.getByRole("button", { name: "Log another" }).click();
    expect(await page.getByRole("button", { name: /^Alcohol/ }).textContent()).toMatch(
      /Last: 2 drinks/,
    );
    await pickBySearch("kratom", "Kratom leaf powder");
    await page.getByLabel("Amount").fill("2");
    const live = page.getByRole("region", { name: "Warnings before you save" });
    const danger = live.locator('[data-code="interaction.opioid-alcohol"]');
    await danger.waitFor();
    expect(await danger.locator(".warning-badge").textContent()).toBe("Dangerous");
    await danger.getByText("Why, and the source").click();
    const source = danger.locator(".sources a").first();
    expect(await source.getAttribute("href")).toMatch(/^https:\/\//);
    expect((await source.textContent())?.length).toBeGreaterThan(5);
    await shot(page, "live-warning", danger.locator("h3"));

    await page.getByRole("button", { name: "Save dose" }).click();
    await page.getByRole("heading", { name: "Dose saved" }).waitFor();
    const saved = page
      .getByRole("region", { name: "Warnings for this dose" })
      .locator('[data-code="interaction.opioid-alcohol"]');
    await saved.waitFor();
    await shot(page, "saved");
  });

  it("shows the doses, the warning and the estimated exposure on Today", async () => {
    await page.getByRole("link", { name: "Back to Today" }).click();
    await page.waitForURL("**/today");
    const taken = page.getByTestId("today-doses");
    await taken
      .getByText(/Kratom leaf powder/)
      .first()
      .waitFor();
    const warnings = page.getByTestId("today-warnings");
    await warnings.locator('[data-code="interaction.opioid-alcohol"]').waitFor();
    const exposure = page.getByTestId("today-exposure");
    await exposure.locator("svg").waitFor();
    expect(await exposure.textContent()).toMatch(/estimate, not a measurement/);
    expect(await exposure.locator(".exposure-band").getAttribute("points")).toMatch(/\d/);
    await shot(page, "today", warnings);
    await shot(page, "today-exposure", exposure);
  });

  it("edits and deletes entries from the history", async () => {
    await page.goto(`${server.baseUrl}/history`);
    await page.getByRole("heading", { name: "Dose history" }).waitFor();
    const rows = page.getByTestId("dose-row");
    await expect.poll(() => rows.count()).toBe(2);
    await shot(page, "history");

    await page.getByRole("link", { name: "Edit Kratom leaf powder" }).click();
    await page.getByRole("heading", { name: "Change a dose" }).waitFor();
    expect(await page.getByLabel("Amount").inputValue()).toBe("2");
    await page.getByLabel("Amount").fill("1.5");
    // Meanwhile the dose is changed elsewhere (another tab): saving shows the conflict and the
    // values saved now; saving again is a choice and goes through.
    await page.evaluate(async () => {
      const me = await (await fetch("/api/me")).json();
      const list = await (await fetch("/api/ingestions")).json();
      const dose = list.ingestions.find(
        (d: { substanceId: string }) => d.substanceId === "kratom-leaf",
      );
      await fetch(`/api/ingestions/${dose.id}`, {
        method: "PATCH",
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
        body: JSON.stringify({ notes: "changed in another tab" }),
      });
    });
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText(/changed meanwhile/).waitFor();
    expect(await page.locator(".conflict-current").textContent()).toMatch(
      /Saved now: 2 g Kratom leaf powder.*changed in another tab/,
    );
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { name: "Change saved" }).waitFor();

    await page.goto(`${server.baseUrl}/history`);
    await page.getByRole("button", { name: "Delete Alcohol" }).click();
    await page.getByRole("button", { name: "Yes, delete" }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toMatch(/1\.5 g Kratom leaf powder/);
  });

  it("adds a capsule product and logs it from a big button in seconds", async () => {
    await page.goto(`${server.baseUrl}/products`);
    await page.getByLabel("Vendor").fill("Acme");
    await page.getByLabel("Product name").fill("Green caps");
    await page.getByLabel("Form").selectOption("capsules");
    await page.getByLabel("Grams of leaf per capsule").fill("0.5");
    await page.getByLabel("Lot or batch (optional)").fill("L-42");
    await page.getByRole("button", { name: "Add product" }).click();
    await page.getByTestId("product").getByText("Acme Green caps").waitFor();
    await shot(page, "products", page.getByTestId("product"));

    const started = Date.now();
    await page.goto(`${server.baseUrl}/log`);
    await page.getByRole("button", { name: /Acme Green caps/ }).click();
    expect(await page.getByLabel("Unit").inputValue()).toBe("capsule");
    await page.getByLabel("Amount").fill("4");
    await page.getByRole("button", { name: "Save dose" }).click();
    await page.getByRole("heading", { name: "Dose saved" }).waitFor();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await page.locator(".saved-card").textContent()).toMatch(/4 capsules Acme Green caps/);
    await shot(page, "product-dose");
  });
});
