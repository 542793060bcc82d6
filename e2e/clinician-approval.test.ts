import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtWebApp } from "../src/testing/built-web-app.ts";
import { ApiClient, startTestServer, type TestServer } from "../src/testing/test-server.ts";
import { insertAdmin } from "../src/testing/test-users.ts";
import { browserAvailable, launchBrowser } from "./support/browser.ts";

const available = browserAvailable();

/**
 * Clinician approval in the browser (MITRA_CLINICIAN_APPROVAL=auto): a clinician signs up with
 * their licence and is told they wait; the patient who shared a code sees them as unverified;
 * the administrator approves them on a phone, and the clinician's dashboard opens.
 */
describe.skipIf(!available)("clinician approval in the browser", () => {
  let server: TestServer;
  let browser: Browser;
  const admin = { email: `admin-${randomUUID()}@example.org`, password: "harbour-lamp-quiet-42" };
  const doctor = { email: `dr-${randomUUID()}@example.org`, password: "tidal-forest-lamp-42" };
  const patient = () => new ApiClient(server.baseUrl);
  let rosa: ApiClient;

  async function phone(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: "en-US",
      timezoneId: "UTC",
    });
    const page = await context.newPage();
    page.setDefaultTimeout(8_000);
    return page;
  }

  beforeAll(async () => {
    server = await startTestServer("sqlite", {
      webRoot: builtWebApp,
      config: { clinicianApproval: "auto" },
    });
    await insertAdmin(server.database.db, admin, server.clock.now());
    rosa = patient();
    await rosa.register("patient", { displayName: "Rosa Patient" });
    browser = await launchBrowser();
    mkdirSync("test-results", { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("a clinician signs up with a licence, joins, and waits; the patient sees unverified", async () => {
    const page = await phone();
    await page.goto(`${server.baseUrl}/sign-up`);
    await page.getByLabel("Your name (optional)").fill("Dr Okafor");
    await page.getByLabel("Email").fill(doctor.email);
    await page.getByLabel("Password").fill(doctor.password);
    await page.getByLabel("A clinician supervising patients").check();
    // Without a licence the form does not go: the field is required and says why.
    await page.getByRole("button", { name: "Create account" }).click();
    expect(
      await page.getByLabel("Your licence or role").evaluate((i) => i === document.activeElement),
    ).toBe(true);
    await page.getByLabel("Your licence or role").fill("RN 4471 (Oregon)");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-up"));
    await expect
      .poll(() => page.getByText(/waiting for the administrator/).count())
      .toBeGreaterThan(0);

    const invitation = await rosa.post("/api/care/invitations", {
      scopes: ["doses", "assessments"],
      maySetPlans: false,
    });
    const drApi = new ApiClient(server.baseUrl);
    await drApi.post("/api/auth/login", doctor);
    expect((await drApi.post("/api/care/join", { code: invitation.body.code })).status).toBe(201);

    const rosaPage = await phone();
    await rosaPage.context().addCookies([
      {
        name: "mitra_session",
        value: (rosa.cookie ?? "").split("=")[1] ?? "",
        url: server.baseUrl,
      },
    ]);
    await rosaPage.goto(`${server.baseUrl}/share`);
    const item = rosaPage.locator(".access-item").filter({ hasText: "Dr Okafor" });
    await expect
      .poll(() => item.textContent())
      .toContain("as entered: RN 4471 (Oregon) unverified");
    expect(await item.locator(".badge").textContent()).toBe("unverified");
    await rosaPage.screenshot({ path: "test-results/share-unverified-390.png", fullPage: true });
    await rosaPage.context().close();
    await page.context().close();
  });

  it("the administrator approves the clinician, whose patients then open", async () => {
    const page = await phone();
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel("Email").fill(admin.email);
    await page.getByLabel("Password").fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL("**/admin");
    const waiting = page.getByRole("region", { name: "Clinicians waiting for approval" });
    const item = waiting.getByTestId("pending-clinician");
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain("RN 4471 (Oregon)");
    await waiting.screenshot({ path: "test-results/admin-pending-390.png" });
    await page.getByRole("button", { name: "Approve Dr Okafor" }).click();
    await expect
      .poll(() => waiting.getByRole("status").textContent())
      .toContain("Dr Okafor is approved");
    await expect.poll(() => waiting.getByText("Nobody is waiting.").count()).toBe(1);
    await page.context().close();

    const dr = new ApiClient(server.baseUrl);
    await dr.post("/api/auth/login", doctor);
    const patients = await dr.get("/api/clinician/patients");
    expect(patients.status).toBe(200);
    expect(patients.body.patients).toHaveLength(1);
    const trail = await dr.get("/api/audit");
    const approval = trail.body.entries.find(
      (e: { action: string }) => e.action === "clinician_approved",
    );
    expect(approval?.actorName).toBe("Ada Admin");
  });
});
