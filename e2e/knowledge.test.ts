import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../src/testing/test-server.ts";
import { startAppServer } from "./support/app-server.ts";
import { browserAvailable, launchBrowser } from "./support/browser.ts";
import { openSignedInPage } from "./support/signed-in-page.ts";

const available = browserAvailable();

describe.skipIf(!available)("law and learn in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  /** Scroll an element to the top of the viewport, below the sticky header. */
  const scrollTo = (selector: string) =>
    page.evaluate((sel) => {
      document.querySelector(sel)?.scrollIntoView({ block: "start" });
      window.scrollBy(0, -72);
    }, selector);
  const shot = (name: string) => page.screenshot({ path: `test-results/${name}-390.png` });

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    ({ page } = await openSignedInPage(browser, server.baseUrl, {
      name: "lee",
      displayName: "Lee",
      timeZone: "America/New_York",
    }));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("sets the person's state on Law and shows its status on Today", async () => {
    await page.goto(`${server.baseUrl}/today`);
    const card = page.getByTestId("today-law");
    await expect.poll(() => card.textContent()).toMatch(/Say where you are/);

    await card.getByRole("link", { name: "Set where you are" }).click();
    await page.waitForURL("**/law");
    await page.getByLabel("Country, US state, county or city").fill("Florida");
    await page.getByRole("link", { name: /^Florida/ }).click();
    await page.waitForURL("**/law?code=US-FL");
    const status = page.getByTestId("law-status");
    await expect
      .poll(() => status.getByRole("heading", { level: 2 }).textContent())
      .toBe("Florida");
    const facts = (await status.locator(".law-facts").textContent()) ?? "";
    expect(facts).toMatch(/Kratom\s*Regulated/);
    expect(facts).toMatch(/7-OH products\s*Banned/);
    expect(facts).toMatch(/Minimum age\s*21/);
    expect(await status.getByTestId("checked-on").textContent()).toMatch(/^Checked on /);
    // Florida's 2026 bill is shown beside the status in force, apart from it.
    expect(await status.getByTestId("pending-law").first().textContent()).toMatch(/HB 309/);
    // The level list shows the state and the country it sits in.
    expect(await status.locator(".law-level h4").allInnerTexts()).toEqual([
      expect.stringMatching(/^Florida/),
      expect.stringMatching(/^United States/),
    ]);
    await page.getByRole("button", { name: "Set as where I am" }).click();
    await expect.poll(() => page.locator(".mine-note").count()).toBe(1);
    await scrollTo('[data-testid="law-status"]');
    await shot("law");

    const expected = await page.evaluate(async () => {
      const r = await fetch("/api/legal/jurisdictions/US-FL");
      return (await r.json()) as { asOf: string; stale: boolean };
    });
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Today" })
      .click();
    await page.waitForURL("**/today");
    await expect.poll(() => card.textContent()).toMatch(/Florida/);
    const text = (await card.textContent()) ?? "";
    expect(text).toMatch(/Kratom\s*Regulated\s*7-OH\s*Banned\s*21\+/);
    expect(text).toMatch(/Checked on \d{1,2} \w{3} \d{4}|Checked on \w{3} \d{1,2}, \d{4}/);
    expect(await card.getByTestId("stale-note").count()).toBe(expected.stale ? 1 : 0);
    await scrollTo('[data-testid="today-law"]');
    await shot("today-law");
  });

  it("looks up a false claim on Learn", async () => {
    await page.goto(`${server.baseUrl}/learn`);
    await expect.poll(() => page.getByTestId("claim").count()).toBeGreaterThan(5);
    const falseClaims = page.locator(".claim-false");
    expect(await falseClaims.count()).toBeGreaterThan(0);
    expect(await falseClaims.first().locator(".verdict-false").textContent()).toBe("False");
    await scrollTo(".claim-false");
    await shot("learn");

    await page.getByRole("searchbox", { name: "Search" }).fill("hyperpigmentation");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const result = page.locator(".search-results a", { hasText: /hyperpigmentation/i });
    await expect.poll(() => result.count()).toBe(1);
    await scrollTo(".knowledge-search");
    await shot("learn-search");
    await result.click();
    await page.waitForURL("**/learn/claims/kratom-treats-hyperpigmentation");
    const claim = page.getByTestId("claim");
    await expect.poll(() => claim.count()).toBe(1);
    expect(await claim.locator(".verdict-false").textContent()).toBe("False");
    expect(await claim.getByRole("heading", { level: 2 }).textContent()).toMatch(
      /hyperpigmentation/i,
    );
    await claim.getByText(/^Sources/).click();
    expect(await claim.locator(".source-list a").count()).toBeGreaterThan(0);
    await shot("learn-claim");

    await page.goto(`${server.baseUrl}/learn?topic=magnesium`);
    await expect.poll(() => page.getByTestId("claim").count()).toBeGreaterThan(0);
    const topics = await page.getByTestId("claim").locator(".claim-verdict").allInnerTexts();
    expect(topics.every((t) => t.includes("Magnesium"))).toBe(true);
    const care = page.locator("#first-line");
    await expect.poll(() => care.locator(".care-item").count()).toBeGreaterThan(4);
    expect(await care.textContent()).toMatch(/Buprenorphine[\s\S]*Methadone[\s\S]*Naloxone/);
  });

  it("checks a lab certificate and shows the failing limits", async () => {
    await page.goto(`${server.baseUrl}/products/coa`);
    await page.getByLabel("7-hydroxymitragynine (7-OH) %").fill("30");
    await page.getByLabel("Total alkaloids %").fill("32");
    await page.getByLabel("Lead").fill("2");
    await page.getByLabel("Grams you take a day (optional)").fill("10");
    await page.getByRole("button", { name: "Check the certificate" }).click();
    const findings = page.getByTestId("coa-findings");
    await expect.poll(() => findings.count()).toBe(1);
    expect(
      await findings.locator('[data-code="coa.seven_oh.kcpa-2pct-alkaloids"] .badge').textContent(),
    ).toBe("Fails");
    expect(await findings.locator('[data-code="coa.metal.lead"] .badge').textContent()).toBe(
      "Fails",
    );
    expect(
      await findings.locator('[data-code="coa.microbial.salmonella"] .badge').textContent(),
    ).toBe("Not tested");
    // The person set Florida above: the certificate is judged by the rules that apply there.
    expect(await findings.getByTestId("coa-judged-for").textContent()).toMatch(
      /Florida \(\s*US-FL → US\)/,
    );
    expect(
      await findings.locator('[data-code="coa.local.verdict"] .finding-message').textContent(),
    ).toMatch(/^Not allowed where you live \(Florida\)/);
    await shot("coa");

    await page.getByLabel("Mercury").fill("-1");
    await page.getByRole("button", { name: "Check the certificate" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/mercury/i);
    expect(await page.getByLabel("Mercury").getAttribute("aria-invalid")).toBe("true");
  });
});
