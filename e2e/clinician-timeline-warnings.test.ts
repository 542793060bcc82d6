import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../src/testing/test-server.ts";
import { browserAvailable } from "./support/browser.ts";
import { clinicianJoiner, startBrowserWithPatient } from "./support/care-team.ts";
import { closeBrowserAndServer } from "./support/signed-in-page.ts";

const zone = "UTC";
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

describe.skipIf(!browserAvailable())("clinician: a dose's warnings folded into the dose", () => {
  let server: TestServer;
  let browser: Browser;
  let patientId = "";
  let doctor: Page;

  beforeAll(async () => {
    let records: Awaited<ReturnType<typeof startBrowserWithPatient>>["records"];
    let patient: Awaited<ReturnType<typeof startBrowserWithPatient>>["patient"];
    ({ server, browser, patient, patientId, records } = await startBrowserWithPatient({
      displayName: "Kim Combo",
      timeZone: zone,
    }));
    await records.dose("alcohol", 2, "drink", minutesAgo(90));
    await records.dose("alprazolam", 1, "mg", minutesAgo(30));
    doctor = await clinicianJoiner(
      browser,
      server.baseUrl,
      patient,
      zone,
    )("dr-folds", ["doses", "assessments", "notes", "products"]);
  });
  afterAll(() => closeBrowserAndServer(browser, server));

  it("shows the worst warning on its dose, opened from the keyboard to every title", async () => {
    await doctor.setViewportSize({ width: 1366, height: 900 });
    await doctor.goto(`${server.baseUrl}/patients/${patientId}`);
    const timeline = doctor.getByRole("region", { name: "Timeline" });
    const items = timeline.locator(".timeline-item");
    await expect.poll(() => items.count()).toBe(2);

    // No entry of its own for a warning: it sits inside the dose that carried it.
    const alprazolam = items.filter({ hasText: "Alprazolam" });
    const folded = alprazolam.locator("details.timeline-warnings");
    expect(await folded.count()).toBe(1);
    const summary = folded.locator("summary");
    expect(await summary.locator(".severity-chip").textContent()).toBe("Dangerous");
    expect(await summary.textContent()).toMatch(/Alcohol with a benzodiazepine/);
    expect(await folded.getAttribute("open")).toBeNull();
    await summary.focus();
    await doctor.keyboard.press("Enter");
    await expect.poll(() => folded.getAttribute("open")).not.toBeNull();
    const titles = await folded.locator("li").allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(1);
    expect(titles[0]).toMatch(/^Dangerous: Alcohol with a benzodiazepine/);

    // The warnings filter keeps the dose, with its warnings still folded into it.
    await timeline.getByRole("radio", { name: /^Warnings/ }).check();
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain("Alprazolam");

    await doctor.setViewportSize({ width: 360, height: 800 });
    expect(
      await doctor.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await alprazolam.scrollIntoViewIfNeeded();
    await doctor.screenshot({ path: "test-results/clinician-timeline-warnings-360.png" });
  });
});
