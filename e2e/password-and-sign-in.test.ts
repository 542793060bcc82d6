import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertUser } from "../src/db/users.ts";
import { hashPassword } from "../src/server/auth/passwords.ts";
import { ApiClient, type TestServer } from "../src/testing/test-server.ts";
import { startAppServer } from "./support/app-server.ts";
import { browserAvailable, launchBrowser } from "./support/browser.ts";

const available = browserAvailable();
/** Each answer waits on a password hash (scrypt): slow on a busy two-core machine. */
const HASHING_MS = 15_000;

/**
 * A person's own sign-in, by keyboard on a 360 px phone: change the password on Account (the
 * other device is signed out), and set a new one from the sign-in page with a one-time code an
 * administrator gave (this server sends no e-mail, and says so when asked for a code).
 */
describe.skipIf(!available)("password and sign-in in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let person = { id: "", email: "", password: "" };
  let otherDevice: ApiClient;
  let admin: ApiClient;
  const adminLogin = {
    email: `admin-${randomUUID()}@example.org`,
    password: "harbour-lamp-quiet-42",
  };

  beforeAll(async () => {
    server = await startAppServer();
    otherDevice = new ApiClient(server.baseUrl);
    person = await otherDevice.register("patient", { displayName: "Noor" });
    await insertUser(server.database.db, {
      id: randomUUID(),
      email: adminLogin.email,
      passwordHash: await hashPassword(adminLogin.password),
      role: "admin",
      displayName: "Ada Admin",
      timeZone: "UTC",
      now: server.clock.now(),
    });
    admin = new ApiClient(server.baseUrl);
    expect((await admin.post("/api/auth/login", adminLogin)).status).toBe(200);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    page = await context.newPage();
    mkdirSync("test-results", { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Types into the field with this label after reaching it with Tab from the page's start. */
  async function typeInto(label: string, text: string) {
    const field = page.getByLabel(label, { exact: true });
    for (let i = 0; i < 60 && !(await field.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press("Tab");
    }
    expect(await field.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(text);
  }

  it("changes the password on Account and signs the other device out", async () => {
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.keyboard.press("Enter");
    await page.waitForURL("**/today");
    await page.goto(`${server.baseUrl}/account`);
    const section = page.getByRole("region", { name: "Password and sign-in" });
    await section.waitFor();

    await typeInto("Current password", "not-my-password-9");
    await typeInto("New password", "amber-river-kite-58");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => section.locator(".field-error").first().textContent(), { timeout: HASHING_MS })
      .toMatch(/not your current password/);

    await page.getByLabel("Current password", { exact: true }).fill(person.password);
    await page.getByLabel("New password", { exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => section.getByRole("status").textContent(), { timeout: HASHING_MS })
      .toMatch(/Password changed\. Signed out on 1 other device\./);
    expect((await otherDevice.get("/api/me")).status).toBe(401);
    expect(await page.evaluate(async () => (await fetch("/api/me")).status)).toBe(200);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await section.screenshot({ path: "test-results/account-password-360.png" });
    person.password = "amber-river-kite-58";
  });

  it("signs out everywhere, this device included", async () => {
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await page.waitForURL("**/sign-in");
    // The page may still be reloading: ask with the browser's cookies, not from the page.
    const me = await page.context().request.get(`${server.baseUrl}/api/me`);
    expect(me.status()).toBe(401);
    await page.getByRole("link", { name: "Forgot your password?" }).waitFor();
  });

  it("sets a new password with an administrator's code from the sign-in page", async () => {
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.waitForURL("**/reset-password");
    await expect.poll(() => page.title()).toBe("Reset your password · Mitra");
    const ask = page.getByRole("region", { name: "1. Get a code" });
    await ask.getByLabel("Email").fill(person.email);
    await ask.getByRole("button", { name: "E-mail me a code" }).click();
    await expect
      .poll(() => ask.getByRole("alert").textContent(), { timeout: HASHING_MS })
      .toMatch(/does not send e-mail\. Ask the administrator/);

    const issued = await admin.post(`/api/admin/users/${person.id}/reset-code`);
    expect(issued.status).toBe(201);
    const set = page.getByRole("region", { name: "2. Set a new password" });
    await set.getByLabel("Code").fill("ZZZZ-ZZZZ");
    await set.getByLabel("New password").fill("cedar-lantern-moss-31");
    await set.getByRole("button", { name: "Set new password" }).click();
    await expect
      .poll(() => set.locator(".field-error").first().textContent(), { timeout: HASHING_MS })
      .toMatch(/wrong, expired or already used/);

    await set.getByLabel("Code").fill(issued.body.code);
    await set.getByRole("button", { name: "Set new password" }).click();
    await expect
      .poll(() => page.getByRole("status").first().textContent(), { timeout: HASHING_MS })
      .toMatch(/new password is set/);
    await page.screenshot({ path: "test-results/reset-password-done-360.png" });

    await page.getByRole("link", { name: "Sign in" }).click();
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill("cedar-lantern-moss-31");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/today");
  });
});
