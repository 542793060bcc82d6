import { describe, expect, it } from "vitest";
import { browserAvailable } from "./support/browser.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

const available = browserAvailable();

describe.skipIf(!available)("the invitation code", () => {
  const app = useSignedInBrowser({ name: "ines", displayName: "Ines", timeZone: "UTC" });

  it("is copied with one tap, and the page says so", async () => {
    const { page, server, context } = app;
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: server.baseUrl,
    });
    await page.goto(`${server.baseUrl}/share`);
    await page.getByLabel("Doses").check();
    await page.getByRole("button", { name: "Create invitation code" }).click();
    const shown = page.getByTestId("invitation-code");
    await shown.waitFor();
    const code = (await shown.textContent()) ?? "";
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    await page.getByRole("button", { name: "Copy code" }).click();
    await expect
      .poll(() => page.locator(".copy-button [role=status]").textContent())
      .toBe("Copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
  });
});
