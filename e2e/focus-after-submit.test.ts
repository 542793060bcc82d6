import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "./support/browser.ts";
import { fillDose } from "./support/dose-form.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

const available = browserAvailable();

/** What has the keyboard focus: its tag, its text and its name attribute. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return {
      tag: el?.tagName.toLowerCase(),
      text: el?.textContent?.trim(),
      label: el?.getAttribute("name"),
    };
  });
}

describe.skipIf(!available)("where the focus goes after a form is sent", () => {
  const app = useSignedInBrowser(
    { name: "noa", displayName: "Noa", timeZone: "UTC" },
    { timezoneId: "UTC", clockFollowsNow: true },
  );

  it("moves to the saved dose, so a screen reader reads what was stored", async () => {
    const { page, server } = app;
    await page.goto(`${server.baseUrl}/log`);
    await fillDose(page, "kratom", "Kratom leaf powder", "2");
    // By keyboard: Enter on the Save button.
    await page.getByRole("button", { name: "Save dose" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Dose saved" }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: "h2", text: "Dose saved" });
    // Tab from there goes on through the result, not back to the top of the page.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest(".saved-dose"))).toBe(true);
  });

  it("moves to the dose kept on the device when there is no connection", async () => {
    const { page, server, context } = app;
    await page.goto(`${server.baseUrl}/log`);
    await page.getByLabel("Search substances").waitFor();
    await context.setOffline(true);
    try {
      await fillDose(page, "kratom", "Kratom leaf powder", "1");
      await page.getByRole("button", { name: "Save dose" }).click();
      await expect
        .poll(() => focused(page))
        .toMatchObject({ tag: "h2", text: "Saved on this device" });
    } finally {
      await context.setOffline(false);
    }
  });

  it("moves to the error after a failed sign-in, and to the field it names", async () => {
    const { browser, server, email } = app;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password-at-all");
    await page.getByRole("button", { name: "Sign in" }).click();
    const error = page.locator("#form-status .form-error");
    await error.waitFor();
    const message = (await error.textContent()) ?? "";
    expect(message.length).toBeGreaterThan(5);
    await expect.poll(() => focused(page)).toMatchObject({ tag: "p", text: message });

    // Creating an account with a field the server refuses: the focus goes to that field.
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.getByLabel("Email").fill(`new-${crypto.randomUUID()}@example.org`);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => focused(page)).toMatchObject({ tag: "input", label: "password" });
    expect(await page.getByLabel("Password").getAttribute("aria-invalid")).toBe("true");
    await context.close();
  });
});
