import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPatientRecord } from "../src/testing/care-team-records.ts";
import { ApiClient, type TestServer } from "../src/testing/test-server.ts";
import { startAppServer } from "./support/app-server.ts";
import { browserAvailable, launchBrowser } from "./support/browser.ts";

const available = browserAvailable();

describe.skipIf(!available)("care team in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  let patientContext: BrowserContext;
  let clinicianContext: BrowserContext;
  let patientPage: Page;
  let clinicianPage: Page;
  let code = "";
  const patient = { email: "", password: "", id: "" };
  const clinician = { email: "", password: "" };

  /** A full-page screenshot from the top, so the sticky header sits where it belongs. */
  async function shoot(page: Page, name: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `test-results/${name}`, fullPage: true });
  }

  async function signIn(page: Page, who: { email: string; password: string }, lands: string) {
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(who.email);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`**${lands}`);
  }

  beforeAll(async () => {
    server = await startAppServer();
    const p = new ApiClient(server.baseUrl);
    Object.assign(patient, await p.register("patient", { displayName: "Rosa Patient" }));
    await seedPatientRecord(p, server.clock.now());
    const c = new ApiClient(server.baseUrl);
    Object.assign(clinician, await c.register("clinician", { displayName: "Dr Imani" }));
    browser = await launchBrowser();
    patientContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    clinicianContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
    patientPage = await patientContext.newPage();
    clinicianPage = await clinicianContext.newPage();
    mkdirSync("test-results", { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("lets the patient create an invitation code with chosen scopes", async () => {
    await signIn(patientPage, patient, "/today");
    await patientPage.goto(`${server.baseUrl}/share`);
    await expect
      .poll(() => patientPage.getByRole("heading", { level: 1 }).textContent())
      .toBe("Share with your clinician");
    await expect
      .poll(() => patientPage.getByText("No clinician can see your data.").count())
      .toBe(1);
    await patientPage.getByLabel("Products and lab certificates").check();
    await patientPage.getByLabel("They may set and change my taper or titration plan").check();
    await patientPage.getByRole("button", { name: "Create invitation code" }).click();
    const shown = patientPage.getByTestId("invitation-code");
    await shown.waitFor();
    code = (await shown.textContent()) ?? "";
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await shoot(patientPage, "care-team-share-390.png");
  });

  it("lets the clinician join with the code and see the patient on the dashboard", async () => {
    await signIn(clinicianPage, clinician, "/patients");
    await expect
      .poll(() => clinicianPage.getByText(/No patient has shared their data/).count())
      .toBe(1);
    await clinicianPage.getByLabel("Invitation code").fill(code.toLowerCase());
    await clinicianPage.getByRole("button", { name: "Join" }).click();
    await clinicianPage
      .getByRole("main")
      .getByRole("status")
      .filter({ hasText: /You now follow Rosa Patient/ })
      .waitFor();
    const row = clinicianPage.locator(".triage-row").first();
    await row.waitFor();
    expect(await row.getByRole("link", { name: "Rosa Patient" }).count()).toBe(1);
    expect(await row.locator(".level-badge").textContent()).toBe("Urgent");
    expect(await row.locator(".alert-item").textContent()).toMatch(/Red flag\s*Fainting, /);
    expect(await row.locator("svg.sparkline path").count()).toBeGreaterThan(0);
    await shoot(clinicianPage, "care-team-patients-390.png");
  });

  it("opens the patient's view and writes a note", async () => {
    await clinicianPage.getByRole("link", { name: "Rosa Patient" }).click();
    await clinicianPage.waitForURL("**/patients/*");
    await expect
      .poll(() => clinicianPage.getByRole("heading", { level: 1 }).textContent())
      .toBe("Rosa Patient");
    await expect.poll(() => clinicianPage.getByTestId("chart-sows-gossop").count()).toBe(1);
    await expect.poll(() => clinicianPage.locator(".timeline-item").count()).toBeGreaterThan(5);
    await clinicianPage
      .getByLabel("Note on Rosa Patient's record")
      .fill("Phoned; fainting reviewed.");
    await clinicianPage.getByRole("button", { name: "Save note" }).click();
    await expect.poll(() => clinicianPage.getByText("Note saved.").count()).toBe(1);
    // The saved note shows in the list once it has loaded again.
    await expect.poll(() => clinicianPage.getByText("Phoned; fainting reviewed.").count()).toBe(1);
    await shoot(clinicianPage, "care-team-patient-detail-390.png");
  });

  it("shows the patient who has access and who looked, and revokes it at once", async () => {
    await patientPage.reload();
    const access = patientPage.locator(".access-item").first();
    await access.waitFor();
    expect(await access.textContent()).toMatch(/Dr Imani/);
    await expect.poll(() => patientPage.getByText("Phoned; fainting reviewed.").count()).toBe(1);
    // One line per visit, each action said once with how many times.
    const visits = patientPage.getByTestId("audit-visit").filter({ hasText: "Dr Imani" });
    expect(await visits.count()).toBe(1);
    const visit = await visits.textContent();
    expect(visit).toMatch(/^Dr Imani .*viewed your timeline/);
    expect(visit).toMatch(/joined your care team/);
    await patientPage.getByRole("button", { name: "Revoke access" }).click();
    await patientPage.getByRole("button", { name: /Yes, end Dr Imani's access now/ }).click();
    await expect
      .poll(() => patientPage.getByRole("main").getByRole("status").first().textContent())
      .toMatch(/Dr Imani no longer has access/);
    await expect
      .poll(() => patientPage.getByText("No clinician can see your data.").count())
      .toBe(1);
    await shoot(patientPage, "care-team-revoked-390.png");

    await clinicianPage.reload();
    await expect
      .poll(() => clinicianPage.getByRole("alert").first().textContent())
      .toMatch(/not found, or no longer shares their data/);
    await clinicianPage.goto(`${server.baseUrl}/patients`);
    await expect
      .poll(() => clinicianPage.getByText(/No patient has shared their data/).count())
      .toBe(1);
  });

  it("offers the patient's exports and account deletion on the Account page", async () => {
    await patientPage.goto(`${server.baseUrl}/account`);
    await patientPage.getByRole("heading", { name: "Download your data" }).waitFor();
    const pdf = await patientPage.getByRole("link", { name: "PDF summary" }).getAttribute("href");
    const status = await patientPage.evaluate(
      async (href) => (await fetch(href ?? "")).status,
      pdf,
    );
    expect(status).toBe(200);
    expect(await patientPage.getByRole("link", { name: "All data (CSV)" }).count()).toBe(1);
    expect(await patientPage.getByRole("link", { name: "FHIR bundle" }).count()).toBe(1);
    await patientPage.getByRole("button", { name: "Delete my account" }).click();
    await expect
      .poll(() => patientPage.getByRole("alert").last().textContent())
      .toMatch(/Tick the box/);
    await shoot(patientPage, "care-team-account-390.png");
  });
});
