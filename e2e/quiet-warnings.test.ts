import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ApiRecords } from "./support/api-records.ts";
import { violations } from "./support/axe.ts";
import { browserAvailable } from "./support/browser.ts";
import { fillDose, saveDose } from "./support/dose-form.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

/** 600 mg of magnesium oxide (about 362 mg elemental) is over the daily upper limit: a caution. */
const CAUTION = "limit.magnesium-supplemental-ul";
const DANGEROUS = "interaction.opioid-alcohol";
const QUIET_BUTTON = "Got it, quiet for today";

async function logMagnesium(page: Page, baseUrl: string, mg: string) {
  await page.goto(`${baseUrl}/log`);
  await fillDose(page, "magnesium oxide", "Magnesium oxide", mg);
  await page.getByLabel("Unit", { exact: true }).selectOption("mg");
  await saveDose(page);
  await page.getByRole("heading", { name: "Dose saved" }).waitFor();
}

describe.skipIf(!browserAvailable())("Got it, quiet for today", () => {
  const app = useSignedInBrowser(
    { name: "quiet", displayName: "Quinn", timeZone: "UTC" },
    { timezoneId: "UTC", clockFollowsNow: true },
  );

  it("quiets a caution's repeats after saving a later dose and on Today", async () => {
    const { page, context } = app;
    const base = app.server.baseUrl;
    await logMagnesium(page, base, "600");
    const shown = page.getByRole("region", { name: "Warnings for this dose", exact: true });
    const caution = shown.locator(`[data-code="${CAUTION}"]`);
    await caution.waitFor();
    expect(await caution.locator(".warning-badge").first().textContent()).toBe("Caution");
    const button = caution.getByRole("button", { name: QUIET_BUTTON });
    await button.waitFor();
    await caution.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "test-results/quiet-warnings-button-390.png" });

    // Offline the button says it needs a connection, and nothing is quieted.
    await context.setOffline(true);
    try {
      await expect.poll(() => caution.getByText("Needs a connection.").count()).toBe(1);
      // aria-disabled, not disabled: it stays reachable and says why when pressed.
      await button.focus();
      await page.keyboard.press("Enter");
      await expect
        .poll(() => caution.getByRole("alert").textContent())
        .toMatch(/needs a connection/);
      expect(await page.getByTestId("warnings-quiet").count()).toBe(0);
      expect(await violations(page)).toEqual([]);
    } finally {
      await context.setOffline(false);
    }
    await expect.poll(() => caution.getByText("Needs a connection.").count()).toBe(0);

    // By keyboard: focus the button and press Enter.
    await button.focus();
    await page.keyboard.press("Enter");
    const quiet = page.getByTestId("warnings-quiet");
    await quiet.waitFor();
    const line = quiet.locator(":scope > summary");
    expect(await line.textContent()).toBe("1 warning you have already seen today");
    // Focus lands on the folded line; the change is announced.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toBe("1 warning you have already seen today");
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "Quiet for today" }).count())
      .toBe(1);
    expect(await shown.locator(`[data-code="${CAUTION}"]`).count()).toBe(0);

    // A later dose with the same caution: folded into the one line, which opens to it in full.
    await page.getByRole("button", { name: "Log another" }).click();
    await page.goto(`${base}/log`);
    await fillDose(page, "magnesium oxide", "Magnesium oxide", "100");
    await page.getByLabel("Unit", { exact: true }).selectOption("mg");
    // Already before saving, the check folds the caution seen today into the one line.
    const before = page.locator(".live-check").getByTestId("warnings-quiet");
    await before.waitFor();
    expect(await before.locator(":scope > summary").textContent()).toBe(
      "1 warning you have already seen today",
    );
    expect(await before.locator(`[data-code="${CAUTION}"]`).isVisible()).toBe(false);
    await saveDose(page);
    await page.getByRole("heading", { name: "Dose saved" }).waitFor();
    const again = page.getByTestId("warnings-quiet");
    await again.waitFor();
    expect(await again.locator(":scope > summary").textContent()).toBe(
      "1 warning you have already seen today",
    );
    const folded = again.locator(`[data-code="${CAUTION}"]`);
    expect(await folded.isVisible()).toBe(false);
    await again.locator(":scope > summary").click();
    expect(await folded.isVisible()).toBe(true);
    expect(await folded.getByText("What to do:").isVisible()).toBe(true);
    expect(await folded.getByRole("button", { name: QUIET_BUTTON }).count()).toBe(0);
    await page.screenshot({ path: "test-results/quiet-warnings-saved-390.png", fullPage: true });
    expect(await violations(page)).toEqual([]);

    // Today: the caution sits under the same line, not among the open warnings.
    await page.getByRole("link", { name: "Back to Today" }).click();
    const card = page.getByTestId("today-warnings");
    await card.getByTestId("warnings-quiet").waitFor();
    expect(await card.getByTestId("warnings-quiet").locator(":scope > summary").textContent()).toBe(
      "1 warning you have already seen today",
    );
    expect(
      await card.getByTestId("warnings-quiet").locator(`[data-code="${CAUTION}"]`).count(),
    ).toBe(1);
    expect(await card.locator(`[data-code="${CAUTION}"]`).count()).toBe(1);
  });

  it("never quiets a dangerous warning, even when its code was acknowledged", async () => {
    const { page } = app;
    const records = await ApiRecords.forContext(app.context, app.server.baseUrl);
    await records.dose("kratom-leaf", 2, "g", new Date(Date.now() - 60_000).toISOString());
    await records.acknowledgeWarning(DANGEROUS);

    await page.goto(`${app.server.baseUrl}/log`);
    await fillDose(page, "alcohol", "Alcohol", "2");
    await saveDose(page);
    await page.getByRole("heading", { name: "Dose saved" }).waitFor();
    const shown = page.getByRole("region", { name: "Warnings for this dose", exact: true });
    const danger = shown.locator(`[data-code="${DANGEROUS}"]`);
    await danger.waitFor();
    expect(await danger.locator(".warning-badge").first().textContent()).toBe("Dangerous");
    expect(await danger.getByText("What to do:").isVisible()).toBe(true);
    expect(await danger.getByRole("button", { name: QUIET_BUTTON }).count()).toBe(0);
    expect(
      await page.locator(`[data-testid="warnings-quiet"] [data-code="${DANGEROUS}"]`).count(),
    ).toBe(0);

    await page.goto(`${app.server.baseUrl}/today`);
    const card = page.getByTestId("today-warnings");
    const worst = card.locator("li.warning").first();
    await worst.waitFor();
    expect(await worst.getAttribute("data-code")).toBe(DANGEROUS);
    expect(await worst.getByText("What to do:").isVisible()).toBe(true);
    expect(
      await card.locator(`[data-testid="warnings-quiet"] [data-code="${DANGEROUS}"]`).count(),
    ).toBe(0);
    // The caution acknowledged in the first test stays quiet beside it.
    await expect
      .poll(() => card.locator(`[data-testid="warnings-quiet"] [data-code="${CAUTION}"]`).count())
      .toBe(1);
  });
});
