import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, type TestServer } from "../src/testing/test-server.ts";
import { browserAvailable } from "./support/browser.ts";
import { clinicianJoiner, startBrowserWithPatient } from "./support/care-team.ts";
import { closeBrowserAndServer } from "./support/signed-in-page.ts";

const available = browserAvailable();
const zone = "America/Chicago";
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

/** No part of the page is wider than the window (nothing to scroll sideways). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe.skipIf(!available)("clinician: red flags named, marked as seen", () => {
  let server: TestServer;
  let browser: Browser;
  let patientId = "";
  let drSeen: Page;
  let drOther: Page;
  let drDoses: Page;

  beforeAll(async () => {
    let patient: ApiClient;
    let records: Awaited<ReturnType<typeof startBrowserWithPatient>>["records"];
    ({ server, browser, patient, patientId, records } = await startBrowserWithPatient({
      displayName: "Rosa Flagged",
      timeZone: zone,
    }));
    const none = await records.everyItem("red-flags", 0);
    await records.checkIn("red-flags", minutesAgo(40), { ...none, "chest-pain": 1, breathing: 1 });
    await records.dose("kratom-leaf", 2, "g", minutesAgo(30));
    const join = clinicianJoiner(browser, server.baseUrl, patient, zone);
    const all = ["doses", "assessments", "notes", "products"];
    drSeen = await join("dr-seen", all);
    drOther = await join("dr-other", all);
    drDoses = await join("dr-doses", ["doses"]);
    // A second patient who shared minutes ago and has not checked in: nothing missed yet.
    const fresh = new ApiClient(server.baseUrl);
    await fresh.register("patient", { displayName: "Nell New", timeZone: zone });
    const invitation = await fresh.post("/api/care/invitations", { scopes: all });
    const csrf = (await (await drSeen.context().request.get(`${server.baseUrl}/api/me`)).json())
      .csrfToken;
    await drSeen.context().request.post(`${server.baseUrl}/api/care/join`, {
      data: { code: invitation.body.code },
      headers: { "x-csrf-token": csrf },
    });
  });
  afterAll(() => closeBrowserAndServer(browser, server));

  it("names the red flag with its time on the dashboard and clears it when marked as seen", async () => {
    await drSeen.setViewportSize({ width: 1366, height: 900 });
    await drSeen.goto(`${server.baseUrl}/patients`);
    const row = drSeen.locator(".triage-row", { hasText: "Rosa Flagged" });
    await row.waitFor();
    expect(await row.locator(".level-badge").textContent()).toBe("Urgent");
    const alert = row.locator(".alert-item");
    expect(await alert.textContent()).toMatch(
      /Red flag\s*Chest pain, Breathing, (today|yesterday) \d{1,2}:\d{2}\s?[AP]M/,
    );
    expect(await row.textContent()).not.toMatch(/1 red flag|red flags? not yet seen/);
    // Linked minutes ago without a check-in: not "no check-in on 2 of the last 3 days".
    const nell = drSeen.locator(".triage-row", { hasText: "Nell New" });
    expect(await nell.locator(".level-badge").textContent()).toBe("Stable");
    expect(await nell.textContent()).not.toMatch(/no check-in/);
    expect(await nell.textContent()).toContain("No scores in 14 days");
    await drSeen.screenshot({ path: "test-results/clinician-red-flag-dashboard-1366.png" });
    await drSeen.setViewportSize({ width: 360, height: 800 });
    expect(await overflow(drSeen)).toBeLessThanOrEqual(0);
    await row.scrollIntoViewIfNeeded();
    await drSeen.screenshot({ path: "test-results/clinician-red-flag-dashboard-360.png" });

    // The button says what it marks to a screen reader, and works from the keyboard.
    const button = alert.getByRole("button", { name: "Mark as seen" });
    expect(await button.getAttribute("aria-describedby")).toBeTruthy();
    await button.focus();
    await drSeen.keyboard.press("Enter");
    const status = drSeen.getByRole("status").filter({ hasText: "Marked as seen" });
    await status.waitFor();
    expect(await status.textContent()).toContain("Chest pain, Breathing");
    await drSeen.waitForFunction(() =>
      document.activeElement?.textContent?.startsWith("Marked as seen"),
    );
    await row.locator(".level-badge", { hasText: "Stable" }).waitFor();
    expect(await row.locator(".alert-item").count()).toBe(0);
  });

  it("shows who saw it on the patient page, and lets another clinician mark it too", async () => {
    await drOther.setViewportSize({ width: 1366, height: 900 });
    await drOther.goto(`${server.baseUrl}/patients`);
    const row = drOther.locator(".triage-row", { hasText: "Rosa Flagged" });
    // Another clinician's "seen" does not clear it from this clinician's urgent group.
    expect(await row.locator(".level-badge").textContent()).toBe("Urgent");
    await row.getByRole("link", { name: "Rosa Flagged" }).click();

    const section = drOther.getByRole("region", { name: /Red flags and reported signs/ });
    await section.waitFor();
    const item = section.locator(".alert-item", { hasText: "Chest pain, Breathing" });
    expect(await item.textContent()).toMatch(/Seen by dr-seen, (today|yesterday) /);
    // The timeline names it too.
    const timeline = drOther.getByRole("region", { name: "Timeline" });
    expect(await timeline.textContent()).toContain("Red flag: Chest pain, Breathing");
    // Not the old unnamed chip "red flag".
    expect(await timeline.textContent()).not.toContain("red flag");
    await drOther.screenshot({
      path: "test-results/clinician-red-flag-patient-1366.png",
      fullPage: true,
    });

    // The timeline, by day and narrowed by kind from the keyboard.
    expect(await timeline.getByRole("heading", { level: 3 }).count()).toBeGreaterThan(0);
    const items = timeline.locator(".timeline-item");
    expect(await items.count()).toBe(2);
    await timeline.getByRole("radio", { name: /^Doses/ }).check();
    expect(await items.count()).toBe(1);
    expect(await items.first().locator(".timeline-kind").textContent()).toBe("Dose");
    await timeline.getByRole("radio", { name: /^Doses/ }).focus();
    await drOther.keyboard.press("ArrowRight"); // Check-ins
    await drOther.keyboard.press("ArrowRight"); // Warnings
    expect(await timeline.getByRole("radio", { name: /^Warnings/ }).isChecked()).toBe(true);
    expect(await items.count()).toBe(1);
    expect(await items.first().textContent()).toContain("Red flag: Chest pain, Breathing");
    await timeline.getByRole("radio", { name: /^Notes/ }).check();
    await timeline.getByText("Nothing of this kind in the last 30 days.").waitFor();
    await timeline.getByRole("radio", { name: /^All/ }).check();

    await item.getByRole("button", { name: "Mark as seen" }).click();
    await item.getByText(/Seen by you, (today|yesterday) /).waitFor();
    await drOther.waitForFunction(() =>
      document.activeElement?.textContent?.startsWith("Marked as seen"),
    );
    await drOther.setViewportSize({ width: 360, height: 800 });
    expect(await overflow(drOther)).toBeLessThanOrEqual(0);
    await section.scrollIntoViewIfNeeded();
    await drOther.screenshot({ path: "test-results/clinician-red-flag-patient-360.png" });
  });

  it("shows nothing of it to a clinician without the assessments scope", async () => {
    await drDoses.goto(`${server.baseUrl}/patients`);
    const row = drDoses.locator(".triage-row", { hasText: "Rosa Flagged" });
    await row.waitFor();
    expect(await row.textContent()).not.toMatch(/Chest pain|Red flag/);
    await drDoses.goto(`${server.baseUrl}/patients/${patientId}`);
    await drDoses.getByRole("heading", { name: "Timeline" }).waitFor();
    expect(await drDoses.locator("main, body").first().textContent()).not.toMatch(
      /Chest pain|Red flags and reported signs/,
    );
  });
});
