import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ApiRecords } from "./support/api-records.ts";
import { browserAvailable } from "./support/browser.ts";
import { fillDose, saveDose } from "./support/dose-form.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

const available = browserAvailable();

/** The cards of Today in the order a person meets them (and a screen reader reads them). */
function cardOrder(page: Page): Promise<string[]> {
  return page
    .locator(".card-grid > section")
    .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-testid") ?? "?"));
}

const taper = (startDate: string) => ({
  kind: "taper",
  substanceId: "kratom-leaf",
  unit: "g",
  startDate,
  startAmountPerDay: 8,
  step: { kind: "amount", amount: 1 },
  stepLengthDays: 3,
});

describe.skipIf(!available)("Today: what matters first", () => {
  const app = useSignedInBrowser(
    { name: "tara", displayName: "Tara", timeZone: "UTC" },
    { timezoneId: "UTC", clockFollowsNow: true },
  );

  async function openToday() {
    await app.page.goto(`${app.server.baseUrl}/today`);
    await app.page.getByTestId("today-doses").getByRole("link", { name: "Log a dose" }).waitFor();
    await app.page.waitForLoadState("networkidle");
  }

  it("puts the plan, then a dangerous combination, then a danger sign first", async () => {
    const { page } = app;
    const records = await ApiRecords.forContext(app.context, app.server.baseUrl);
    const now = () => new Date(Date.now() - 60_000).toISOString();
    await records.createPlan(taper(new Date().toISOString().slice(0, 10)));

    await openToday();
    expect((await cardOrder(page))[0]).toBe("today-plan");

    // Cautions only: folded under one line, after the check-in, opened with a tap.
    await records.dose("kratom-leaf", 4, "g", now());
    await records.dose("magnesium-oxide", 400, "mg", now());
    await openToday();
    const order = await cardOrder(page);
    expect(order[0]).toBe("today-plan");
    expect(order.indexOf("today-warnings")).toBeGreaterThan(order.indexOf("today-checkin"));
    const folded = page.getByTestId("warnings-folded");
    expect(await folded.locator(":scope > summary").textContent()).toMatch(
      /^\d+ notes? for today's doses, none pressing$/,
    );
    expect(await folded.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    const first = folded.locator("li.warning").first();
    expect(await first.isVisible()).toBe(false);
    await folded.locator(":scope > summary").click();
    expect(await first.isVisible()).toBe(true);

    // A dangerous combination: the warnings come first, open, the worst one whole.
    await records.dose("alcohol", 2, "drink", now());
    await openToday();
    expect((await cardOrder(page)).slice(0, 2)).toEqual(["today-warnings", "today-plan"]);
    const worst = page.getByTestId("today-warnings").locator("li.warning").first();
    expect(await worst.getAttribute("data-code")).toBe("interaction.opioid-alcohol");
    expect(await worst.getByText(/What to do/).isVisible()).toBe(true);
    expect(await page.getByTestId("warnings-folded").count()).toBe(0);

    // A danger sign reported today: named, with what to do, before everything else.
    const answers = { ...(await records.everyItem("red-flags", 0)), "self-harm": 1 };
    await records.checkIn("red-flags", now(), answers);
    await openToday();
    expect((await cardOrder(page)).slice(0, 3)).toEqual([
      "today-red-flag",
      "today-warnings",
      "today-plan",
    ]);
    const flag = page.getByTestId("today-red-flag");
    expect(await flag.textContent()).toMatch(
      /You reported a danger sign today.*Thoughts of self-harm/,
    );
    await flag.locator('[data-code="redflag.self-harm"]').waitFor();
    await flag.getByRole("link", { name: "Crisis lines and emergency numbers" }).waitFor();
    await page.screenshot({ path: "test-results/today-red-flag-first-390.png", fullPage: true });
  });

  it("offline shows the dose kept on the device and the last plan, and reloads when back", async () => {
    const { page, context } = app;
    await openToday();
    const plan = page.getByTestId("today-plan");
    const planText = (await plan.locator(".today-plan-target").textContent()) ?? "";
    expect(planText).toMatch(/8 g of Kratom leaf powder today/);
    const before = await page.getByTestId("today-doses").locator("ul.today-doses li").count();

    await context.setOffline(true);
    try {
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Log dose" })
        .click();
      await fillDose(page, "kratom", "Kratom leaf powder", "1.5");
      await saveDose(page);
      await page.getByRole("heading", { name: "Saved on this device" }).waitFor();
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Today" })
        .click();

      const kept = page.getByTestId("today-kept-dose");
      await kept.waitFor();
      expect(await kept.textContent()).toMatch(/1\.5 g Kratom leaf powder.*not sent yet/);
      expect(await page.getByTestId("today-offline").textContent()).toMatch(
        /You are offline\. This is what Mitra last loaded, at .*loads again by itself/,
      );
      // The last known plan, not "Set up a plan".
      expect(await plan.locator(".today-plan-target").textContent()).toBe(planText);
      expect(await plan.getByRole("link", { name: "Set up a plan" }).count()).toBe(0);
      await page.screenshot({ path: "test-results/today-offline-390.png", fullPage: true });
    } finally {
      await context.setOffline(false);
    }

    // Back online: the dose is sent, and Today loads again by itself.
    await expect.poll(() => page.getByTestId("today-offline").count()).toBe(0);
    await expect.poll(() => page.getByTestId("today-kept-dose").count()).toBe(0);
    await expect
      .poll(() => page.getByTestId("today-doses").locator("ul.today-doses li").count())
      .toBe(before + 1);
    expect(await page.getByTestId("today-doses").textContent()).toMatch(/1\.5 g/);

    // Signing out forgets the copies this tab kept.
    const keptKeys = () =>
      page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith("mitra.last.")));
    expect((await keptKeys()).length).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    expect(await keptKeys()).toEqual([]);
  });
});
