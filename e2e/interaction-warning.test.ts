import { describe, expect, it } from "vitest";
import { ApiRecords } from "./support/api-records.ts";
import { browserAvailable } from "./support/browser.ts";
import { fillDose, saveDose } from "./support/dose-form.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

describe.skipIf(!browserAvailable())("a dangerous combination in the browser", () => {
  const app = useSignedInBrowser(
    { name: "combo", displayName: "Kim", timeZone: "UTC" },
    { clockFollowsNow: true },
  );

  it("warns that alprazolam after alcohol is dangerous, with its source", async () => {
    const records = await ApiRecords.forContext(app.context, app.server.baseUrl);
    await records.dose("alcohol", 2, "drink", hoursAgo(1));
    await app.page.goto(`${app.server.baseUrl}/log`);
    await fillDose(app.page, "alpraz", "Alprazolam", "1");
    const live = app.page.getByRole("region", { name: "Warnings before you save" });
    const danger = live.locator('[data-code="interaction.alcohol-benzodiazepine"]');
    await danger.waitFor();
    expect(await danger.locator(".warning-badge").textContent()).toBe("Dangerous");
    expect(await danger.locator("h3").textContent()).toMatch(/Alcohol with a benzodiazepine/);
    await danger.getByText("Why, and the source").click();
    const sources = await danger.locator(".sources a").allTextContents();
    expect(sources.some((s) => /TripSit/.test(s))).toBe(true);
    expect(await danger.locator(".sources a").first().getAttribute("href")).toMatch(/^https?:\/\//);

    await saveDose(app.page);
    await app.page.getByRole("heading", { name: "Dose saved" }).waitFor();
    await app.page
      .getByRole("region", { name: "Warnings for this dose" })
      .locator('[data-code="interaction.alcohol-benzodiazepine"]')
      .waitFor();
  });

  it("shows the worst warning whole and the others one line each, opened with a tap", async () => {
    const records = await ApiRecords.forContext(app.context, app.server.baseUrl);
    await records.dose("kratom-leaf", 2, "g", hoursAgo(2));
    await app.page.goto(`${app.server.baseUrl}/log`);
    await fillDose(app.page, "diphen", "Diphenhydramine", "25");
    const live = app.page.getByRole("region", { name: "Warnings before you save" });
    const items = live.locator(":scope > ul > li");
    await expect.poll(() => items.count()).toBeGreaterThan(1);
    // Worst first, whole: its action is on screen.
    const first = items.first();
    expect(await first.locator(".warning-badge").textContent()).toBe("Dangerous");
    expect(await first.getByText("What to do:").isVisible()).toBe(true);
    // The next ones are a line each: badge and title, the rest behind a tap.
    const second = items.nth(1);
    expect(await second.getAttribute("class")).toContain("warning-line");
    expect(await second.getByText("What to do:").isVisible()).toBe(false);
    await second.locator("summary").first().click();
    expect(await second.getByText("What to do:").isVisible()).toBe(true);
    await app.page.setViewportSize({ width: 360, height: 740 });
    await live.scrollIntoViewIfNeeded();
    await app.page.screenshot({ path: "test-results/interaction-warnings-360.png" });
    const overflow = await app.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
