import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient, TestServer } from "../src/testing/test-server.ts";
import { browserAvailable } from "./support/browser.ts";
import { clinicianJoiner, startBrowserWithPatient } from "./support/care-team.ts";
import { closeBrowserAndServer, openSignedInPage } from "./support/signed-in-page.ts";

const available = browserAvailable();
const zone = "Europe/Berlin";

/** A clinician who joins with every scope and the patient's permission to set plans. */
async function joinWithPlans(browser: Browser, baseUrl: string, patient: ApiClient) {
  const { page, context, userId } = await openSignedInPage(
    browser,
    baseUrl,
    { name: "dr-plans", displayName: "Dr Plans", timeZone: zone, role: "clinician" },
    { timezoneId: zone },
  );
  const invitation = await patient.post("/api/care/invitations", {
    scopes: ["doses", "assessments", "notes", "products"],
    maySetPlans: true,
  });
  const csrf = (await (await context.request.get(`${baseUrl}/api/me`)).json()).csrfToken;
  const joined = await context.request.post(`${baseUrl}/api/care/join`, {
    data: { code: invitation.body.code },
    headers: { "x-csrf-token": csrf },
  });
  if (joined.status() !== 201) throw new Error(`join: ${joined.status()}`);
  return { page, userId };
}

const status = (page: Page, text: string | RegExp) =>
  page.getByRole("status").filter({ hasText: text });

describe.skipIf(!available)("clinician: set, revise and end a patient's plan on the web", () => {
  let server: TestServer;
  let browser: Browser;
  let patient: ApiClient;
  let patientId = "";
  let drPlans: Page;
  let drPlansId = "";
  let drView: Page;

  beforeAll(async () => {
    let records: Awaited<ReturnType<typeof startBrowserWithPatient>>["records"];
    ({ server, browser, patient, patientId, records } = await startBrowserWithPatient({
      displayName: "Jonas Taper",
      timeZone: zone,
    }));
    await records.dose("kratom-leaf", 3, "g", new Date(Date.now() - 120_000).toISOString());
    ({ page: drPlans, userId: drPlansId } = await joinWithPlans(browser, server.baseUrl, patient));
    drView = await clinicianJoiner(browser, server.baseUrl, patient, zone)("dr-view", ["doses"]);
  });
  afterAll(() => closeBrowserAndServer(browser, server));

  it("sets a taper with the patient's form and its preview", async () => {
    await drPlans.setViewportSize({ width: 1366, height: 900 });
    await drPlans.goto(`${server.baseUrl}/patients/${patientId}`);
    await drPlans.getByText("No active plan.").waitFor();
    await drPlans.getByRole("button", { name: "New plan for Jonas Taper" }).click();
    await drPlans.getByRole("heading", { name: "New plan for Jonas Taper" }).waitFor();
    // The form takes focus, so the keyboard starts where the work is.
    expect(await drPlans.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("kind");
    await drPlans.getByLabel("Substance").selectOption({ label: "Kratom leaf powder" });
    await drPlans.getByLabel("Start amount per day (g)").fill("10");
    await drPlans.getByLabel("Step (g)").fill("1");
    await drPlans.getByLabel("Step length (days)").fill("7");
    await drPlans.getByLabel("Floor (g per day)").fill("4");
    await drPlans.getByLabel("Most per dose (g)").fill("4");
    await drPlans.getByLabel("Hours between doses, at least").fill("3");
    const preview = drPlans.getByTestId("plan-preview");
    await preview.waitFor();
    expect(await preview.textContent()).toMatch(/Daily target from 10 g .* to 4 g/);
    await drPlans.getByRole("button", { name: "Save plan" }).click();

    const saved = status(drPlans, "Plan set for Jonas Taper.");
    await saved.waitFor();
    await drPlans.waitForFunction(() =>
      document.activeElement?.textContent?.startsWith("Plan set for"),
    );
    const card = drPlans.getByTestId("plan-card");
    expect(await card.getByRole("heading", { level: 3 }).textContent()).toBe(
      "Taper: Kratom leaf powder",
    );
    expect(await card.getByTestId("plan-card-today").textContent()).toMatch(/Today: \d+ g/);
    // Adherence with the plan: today's 3 g of leaf against the target.
    const adherence = card.getByTestId("plan-adherence");
    await adherence.waitFor();
    const today = await adherence.locator("tbody tr").first().locator("td").allTextContents();
    expect(today.slice(1)).toEqual(["10", "3", "under"]);

    const plans = (await patient.get("/api/plans")).body.plans;
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ status: "active", createdBy: drPlansId });
  });

  it("revises it with adherence beside the form, then ends it", async () => {
    await drPlans.getByRole("button", { name: "Change plan" }).click();
    const editor = drPlans.getByRole("region", { name: "Change Jonas Taper's plan" });
    await editor.waitFor();
    const aside = editor.getByRole("complementary", { name: /Taken against planned/ });
    await aside.waitFor();
    const form = editor.locator("form.plan-form");
    const [formBox, asideBox] = [await form.boundingBox(), await aside.boundingBox()];
    // Beside, not below, at 1366 px.
    expect(asideBox?.x ?? 0).toBeGreaterThan((formBox?.x ?? 0) + (formBox?.width ?? 0) - 1);
    await drPlans.screenshot({ path: "test-results/clinician-plan-editor-1366.png" });

    await drPlans.getByLabel("Step length (days)").fill("5");
    await drPlans.getByRole("button", { name: "Save changes" }).click();
    await status(drPlans, "Plan saved as version 2.").waitFor();
    const revised = (await patient.get("/api/plans")).body.plans[0];
    expect(revised.current).toMatchObject({ version: 2 });
    expect(revised.current.definition.stepLengthDays).toBe(5);

    await drPlans.setViewportSize({ width: 360, height: 800 });
    expect(
      await drPlans.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await drPlans.getByTestId("plan-card").scrollIntoViewIfNeeded();
    await drPlans.screenshot({ path: "test-results/clinician-plan-card-360.png" });

    await drPlans.getByRole("button", { name: "End plan" }).click();
    await drPlans.getByRole("button", { name: "Yes, end this plan" }).click();
    await status(drPlans, "Plan ended. It stays in Jonas Taper's history.").waitFor();
    await drPlans.getByText("No active plan.").waitFor();
    const ended = (await patient.get("/api/plans")).body.plans[0];
    expect(ended).toMatchObject({ status: "ended", endedBy: drPlansId });
  });

  it("offers no plan form to a clinician the patient did not allow to set plans", async () => {
    await drView.goto(`${server.baseUrl}/patients/${patientId}`);
    await drView.getByRole("heading", { name: "Plans" }).waitFor();
    expect(await drView.getByRole("button", { name: /New plan/ }).count()).toBe(0);
    expect(await drView.getByRole("button", { name: /Change plan|End plan/ }).count()).toBe(0);
    expect(await drView.getByText("You may not set plans.").count()).toBe(1);
  });
});
