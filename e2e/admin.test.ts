import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPatientRecord } from "../src/testing/care-team-records.ts";
import { ApiClient, type TestServer } from "../src/testing/test-server.ts";
import { insertAdmin } from "../src/testing/test-users.ts";
import { startAppServer } from "./support/app-server.ts";
import { browserAvailable, launchBrowser } from "./support/browser.ts";

const available = browserAvailable();

/**
 * The administrator's page on a phone: signs in, reads the counts by role, searches for an account
 * with the keyboard, and reads the audit log, including the entry its own search wrote.
 */
describe.skipIf(!available)("administration in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const admin = { email: `admin-${randomUUID()}@example.org`, password: "harbour-lamp-quiet-42" };
  let rosa = { id: "", email: "", password: "" };

  beforeAll(async () => {
    server = await startAppServer();
    await insertAdmin(server.database.db, admin, server.clock.now());
    // A minute between each person's arrival, so the log's order is theirs.
    server.clock.advance(60_000);
    const r = new ApiClient(server.baseUrl);
    rosa = await r.register("patient", { displayName: "Rosa Patient" });
    server.clock.advance(60_000);
    await seedPatientRecord(r, server.clock.now());
    server.clock.advance(60_000);
    await new ApiClient(server.baseUrl).register("patient", { displayName: "Sam Patient" });
    server.clock.advance(60_000);
    await new ApiClient(server.baseUrl).register("clinician", { displayName: "Dr Imani" });
    server.clock.advance(60_000);
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "en-US",
      timezoneId: "UTC",
    });
    page = await context.newPage();
    page.setDefaultTimeout(8_000);
    mkdirSync("test-results", { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const counts = async () =>
    Object.fromEntries(
      await page
        .getByTestId("admin-counts")
        .locator("div")
        .evaluateAll((divs) =>
          divs.map((d) => [d.querySelector("dt")?.textContent, d.querySelector("dd")?.textContent]),
        ),
    );

  it("signs the administrator in to the overview with counts by role", async () => {
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/admin");
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Administration");
    await page.getByTestId("admin-counts").waitFor();
    expect(await counts()).toEqual({
      Patients: "2",
      Clinicians: "1",
      Administrators: "1",
      Total: "4",
    });
    await expect.poll(() => page.getByText("SQLite (embedded)").count()).toBe(1);
    await expect.poll(() => page.getByText("npm run mitra -- backup FILE").count()).toBe(1);
    const knowledgeRows = page.getByRole("table", { name: /Knowledge files/ }).locator("tbody tr");
    expect(await knowledgeRows.count()).toBeGreaterThan(0);
  });

  it("lists every account, then finds one by part of its email with the keyboard", async () => {
    const users = page.getByRole("table", { name: /Accounts 1–4 of 4/ });
    await users.waitFor();
    expect(await users.getByTestId("admin-user-row").count()).toBe(4);
    const search = page.getByRole("searchbox", { name: "Email contains" });
    await search.fill(rosa.email.slice(3, 20).toUpperCase());
    await search.press("Enter");
    const found = page.getByRole("table", { name: "Accounts 1–1 of 1 matching." });
    await found.waitFor();
    const row = found.getByTestId("admin-user-row");
    expect(await row.count()).toBe(1);
    expect(await row.getByRole("rowheader").textContent()).toMatch(
      new RegExp(`^Rosa Patient${rosa.email.replaceAll(".", "\\.")}joined `),
    );
    expect(await row.locator("td").first().textContent()).toBe("Patient");
    await page.getByRole("region", { name: "Users" }).screenshot({
      path: "test-results/admin-users-390.png",
    });
    await page.getByLabel("Role").selectOption("clinician");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.getByText("No account matches.").count()).toBe(1);
  });

  it("shows the audit log, newest first, with the search just made and older pages", async () => {
    await page.reload();
    const audit = page.getByRole("table", { name: /Audit log, page 1/ });
    await audit.waitFor();
    const rows = audit.getByTestId("admin-audit-row");
    expect(await rows.count()).toBe(20);
    // The administrator's search of Rosa's account, recorded as a read of her account.
    const read = rows.filter({ hasText: "read user of Rosa Patient" });
    expect(await read.count()).toBeGreaterThan(0);
    expect(await read.first().textContent()).toContain("Ada Admin");
    expect(await page.getByRole("button", { name: "Newer" }).isDisabled()).toBe(true);
    // Rosa registered first: her registration is the oldest entry, on the last page.
    const shown: string[] = await rows.allTextContents();
    for (let pageNumber = 2; pageNumber < 10; pageNumber++) {
      const older = page.getByRole("button", { name: "Older" });
      if (await older.isDisabled()) break;
      await older.click();
      await page
        .getByRole("table", { name: `Audit log, page ${pageNumber}, newest first` })
        .waitFor();
      shown.push(...(await page.getByTestId("admin-audit-row").allTextContents()));
    }
    expect(shown.at(-1)).toMatch(/Rosa Patient.*register user \(own\)$/);
    expect(shown.filter((t) => t.includes("register user (own)"))).toHaveLength(3);
    expect(shown.length).toBeGreaterThan(20);
    await page.getByRole("button", { name: "Newer" }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "test-results/admin-390.png" });
    await page.getByRole("region", { name: "Audit log" }).screenshot({
      path: "test-results/admin-audit-390.png",
    });
  });
});
