import { describe, expect, it } from "vitest";
import { ApiRecords } from "./support/api-records.ts";
import { browserAvailable } from "./support/browser.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

const available = browserAvailable();
const DAY = 86_400_000;

/**
 * Today left open across the person's midnight: without a reload it turns to the new day, and a
 * dose from a minute before midnight is no longer "taken today".
 */
describe.skipIf(!available)("Today at midnight", () => {
  const app = useSignedInBrowser(
    { name: "nia", displayName: "Nia", timeZone: "UTC" },
    { timezoneId: "UTC" },
  );

  it("turns to the new day by itself on a page left open", async () => {
    const { page, server } = app;
    // 90 seconds before the next UTC midnight, on the server and in the page.
    const midnight = Math.ceil(Date.now() / DAY) * DAY;
    const before = midnight - 90_000;
    server.clock.advance(before - server.clock.now().getTime());
    await page.clock.install({ time: before });

    const records = await ApiRecords.forContext(app.context, server.baseUrl);
    await records.dose("kratom-leaf", 2, "g", new Date(before - 60_000).toISOString());
    await page.goto(`${server.baseUrl}/today`);
    const doses = page.getByTestId("today-doses");
    await expect.poll(() => doses.textContent()).toMatch(/2 g/);
    const dayName = (at: number) =>
      new Intl.DateTimeFormat(undefined, { timeZone: "UTC", weekday: "long" }).format(at);
    expect(await page.locator(".page-header .eyebrow").textContent()).toContain(dayName(before));

    // Two minutes on: past midnight, with no reload and no tap.
    server.clock.advance(120_000);
    await page.clock.fastForward(120_000);
    await expect
      .poll(() => doses.getByText("Nothing logged yet today.").count(), { timeout: 10_000 })
      .toBe(1);
    expect(await page.locator(".page-header .eyebrow").textContent()).toContain(
      dayName(midnight + 1),
    );
  });
});
