import { describe, expect, it } from "vitest";
import { ApiRecords } from "./support/api-records.ts";
import { browserAvailable } from "./support/browser.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

const available = browserAvailable();

describe.skipIf(!available)("reading and reaching a check-in on a phone", () => {
  const app = useSignedInBrowser(
    { name: "omar", displayName: "Omar", timeZone: "UTC" },
    { timezoneId: "UTC", clockFollowsNow: true },
  );

  it("shows the SOWS answer words at 14 px or more, inside their buttons, at 320 and 360 px", async () => {
    const { page, server } = app;
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(`${server.baseUrl}/check-in/sows`);
      const words = page.locator("form.check-in-form .option-label");
      await words.first().waitFor();
      const measured = await words.evaluateAll((els) =>
        els.map((el) => {
          const option = el.closest("label") as HTMLElement;
          return {
            text: el.textContent,
            size: Number.parseFloat(getComputedStyle(el).fontSize),
            spills: el.getBoundingClientRect().right > option.getBoundingClientRect().right + 0.5,
          };
        }),
      );
      expect(measured.length).toBe(16 * 5);
      expect(measured.filter((m) => m.size < 14)).toEqual([]);
      expect(measured.filter((m) => m.spills)).toEqual([]);
    }
  });

  it("lets a keyboard reach and scroll the quick-check table on Progress", async () => {
    const { page, server, context } = app;
    const records = await ApiRecords.forContext(context, server.baseUrl);
    const at = new Date(Date.now() - 60_000).toISOString();
    await records.checkIn("quick-check", at, await records.everyItem("quick-check", 3));
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${server.baseUrl}/progress`);
    const region = page.getByRole("region", { name: "Mitra quick daily check, table" });
    await region.waitFor();
    const scrolls = await region.evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(scrolls).toBe(true);

    // Tab from the top of the page until the table's region has the focus.
    await page.locator("main").focus();
    let reached = false;
    for (let i = 0; i < 60 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await region.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });

  it("offers 988 before 911 on the danger bar for thoughts of self-harm", async () => {
    const { page, server } = app;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/check-in/red-flags`);
    const self = page
      .locator("form.check-in-form")
      .getByRole("group", { name: /suicide/ })
      .getByText("Yes", { exact: true });
    await self.click();
    const calls = page.locator(".live-score-urgent a[href^='tel:']");
    await expect.poll(() => calls.allTextContents()).toEqual(["Call 988", "Call 911"]);
    await page.screenshot({ path: "test-results/danger-bar-988-first-390.png" });
  });
});
