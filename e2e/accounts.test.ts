import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../src/testing/test-server.ts";
import { startAppServer } from "./support/app-server.ts";
import { browserAvailable, launchBrowser } from "./support/browser.ts";

const available = browserAvailable();

describe.skipIf(!available)("accounts in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const email = `ana-${crypto.randomUUID()}@example.org`;
  const password = "tidal-forest-lamp-42";

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("sends a new visitor to sign in, with help one tap away", async () => {
    await page.goto(server.baseUrl);
    await page.waitForURL("**/sign-in");
    // A first visit on this device: not "back".
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Welcome to Mitra");
    await page.getByRole("link", { name: "Get help now" }).click();
    await page.waitForURL("**/help");
    // The US section has its 988 line (Canada lists its own 988 under Canada).
    const us = page.getByRole("region", { name: "United States" });
    await expect.poll(() => us.getByRole("link", { name: /Call 988/ }).count()).toBe(1);
  });

  it("signs up and lands on Today with navigation", async () => {
    await page.goto(`${server.baseUrl}/sign-up`);
    await page.getByLabel("Your name (optional)").fill("Ana");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect
      .poll(() => page.locator(".field-error").first().textContent())
      .toMatch(/10 characters/);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL("**/today");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Today, Ana");
    const tabs = page.getByRole("navigation", { name: "Main" });
    for (const name of ["Today", "Log dose", "Check-in", "Progress"]) {
      expect(await tabs.getByRole("link", { name }).count()).toBe(1);
    }
    mkdirSync("test-results", { recursive: true });
    await page.screenshot({ path: "test-results/today-390.png" });
  });

  it("signs out and signs in again", async () => {
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    // Someone has signed up on this device: now it is "back".
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Welcome back");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("wrong-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toMatch(/Email or password is incorrect/);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/today");
    const me = await page.evaluate(async () => (await fetch("/api/me")).status);
    expect(me).toBe(200);
  });

  it('saves a new name on Account, and a refused name says why without "Saved."', async () => {
    await page.goto(`${server.baseUrl}/account`);
    const profile = page.getByRole("region", { name: "Profile" });
    const name = profile.getByLabel("Your name (optional)");
    const status = profile.getByRole("status");
    await expect.poll(() => name.inputValue()).toBe("Ana");
    expect(await status.textContent()).toBe("");

    await name.fill("Ana María");
    await profile.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => status.textContent()).toBe("Saved.");
    await page.reload();
    await expect.poll(() => name.inputValue()).toBe("Ana María");
    expect(await status.textContent()).toBe("");

    // Over the 80 characters a name may have: refused, said at the field, and no "Saved."
    // left over from the save before.
    await profile.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => status.textContent()).toBe("Saved.");
    await name.fill("A".repeat(81));
    await profile.getByRole("button", { name: "Save profile" }).click();
    await expect.poll(() => profile.locator(".field-error").count()).toBe(1);
    expect(await profile.locator(".field-error").textContent()).toMatch(/80/);
    expect(await name.getAttribute("aria-invalid")).toBe("true");
    expect(await status.textContent()).toBe("");
    const me = await page.evaluate(async () => (await (await fetch("/api/me")).json()).user);
    expect(me.displayName).toBe("Ana María");
  });
});
