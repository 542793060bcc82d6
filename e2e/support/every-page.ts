import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { TestServer } from "../../src/testing/test-server.ts";
import { ApiRecords } from "./api-records.ts";
import { setClockToNow, startAppServer } from "./app-server.ts";
import { launchBrowser } from "./browser.ts";
import { openSignedInPage } from "./signed-in-page.ts";

/** A patient with entries, and a clinician on their care team, each signed in on a page. */
export interface EveryPage {
  server: TestServer;
  browser: Browser;
  patient: { context: BrowserContext; page: Page; userId: string };
  clinician: { context: BrowserContext; page: Page };
  /** A page signed out. */
  visitor: { context: BrowserContext; page: Page };
  /** Every page of the app each of them can open, as paths. */
  paths: { patient: string[]; clinician: string[]; visitor: string[] };
}

/** Today in UTC (the people here keep UTC), as YYYY-MM-DD. */
const todayUtc = () => new Date().toISOString().slice(0, 10);

/**
 * For a suite that walks every page: starts a server and Chromium, registers a patient (UTC) with
 * a dose of kratom, of magnesium and of a 7-OH product, a taper plan and a SOWS check-in, and a clinician who joined
 * the patient's care team with every scope; closes them after.
 */
export function useEveryPage(): EveryPage {
  const app = {} as EveryPage;
  beforeAll(async () => {
    app.server = await startAppServer();
    setClockToNow(app.server);
    app.browser = await launchBrowser();
    const { baseUrl } = app.server;
    const zone = { timezoneId: "UTC" };
    const patient = await openSignedInPage(
      app.browser,
      baseUrl,
      { name: "pat", displayName: "Pat", timeZone: "UTC" },
      zone,
    );
    const clinician = await openSignedInPage(
      app.browser,
      baseUrl,
      { name: "dr", displayName: "Dr Cruz", timeZone: "UTC", role: "clinician" },
      zone,
    );
    const visitorContext = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
    app.patient = patient;
    app.clinician = clinician;
    app.visitor = { context: visitorContext, page: await visitorContext.newPage() };

    const records = await ApiRecords.forContext(patient.context, baseUrl);
    const now = new Date(Date.now() - 60_000).toISOString();
    await records.dose("kratom-leaf", 4, "g", now);
    await records.dose("magnesium-oxide", 400, "mg", now);
    // Its long name is among the recent picks on Log a dose.
    await records.dose("7-oh-product", 1, "tablet", now);
    await records.createPlan({
      kind: "taper",
      substanceId: "kratom-leaf",
      unit: "g",
      startDate: todayUtc(),
      startAmountPerDay: 8,
      step: { kind: "amount", amount: 1 },
      stepLengthDays: 3,
    });
    await records.checkIn("sows", now, await records.everyItem("sows", 1));
    await records.checkIn("quick-check", now, await records.everyItem("quick-check", 1));

    const code = await postAs(patient.context, baseUrl, "/api/care/invitations", {
      scopes: ["doses", "assessments", "notes", "products"],
    });
    await postAs(clinician.context, baseUrl, "/api/care/join", { code: code.code });
    const claims = (await (await patient.context.request.get(`${baseUrl}/api/evidence`)).json())
      .claims as { id: string }[];
    const claim = claims[0]?.id;
    if (!claim) throw new Error("no evidence claim to open");

    app.paths = {
      patient: [
        "/today",
        "/log",
        "/check-in",
        "/check-in/sows",
        "/check-in/sows-gossop",
        "/check-in/quick-check",
        "/check-in/side-effects",
        "/check-in/red-flags",
        "/progress",
        "/plan",
        "/history",
        `/history/${todayUtc()}`,
        "/products",
        "/products/coa",
        "/law",
        "/learn",
        `/learn/claims/${claim}`,
        "/share",
        "/account",
        "/notifications",
        "/notifications/settings",
        "/help",
      ],
      clinician: [
        "/patients",
        `/patients/${patient.userId}`,
        "/learn",
        "/law",
        "/account",
        "/notifications",
        "/notifications/settings",
        "/help",
      ],
      visitor: ["/sign-in", "/sign-up", "/reset-password", "/help", "/no-such-page"],
    };
  });
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
}

/** POSTs as the person signed in on a context (with their session's CSRF token). */
async function postAs(context: BrowserContext, baseUrl: string, path: string, data: unknown) {
  const csrf = (await (await context.request.get(`${baseUrl}/api/me`)).json()).csrfToken;
  const res = await context.request.post(`${baseUrl}${path}`, {
    data,
    headers: { "x-csrf-token": csrf },
  });
  if (res.status() >= 300) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return res.json();
}

/** Opens a path and waits until the page has drawn its main heading (nothing still loading). */
export async function openPage(page: Page, baseUrl: string, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator("main h1").first().waitFor({ state: "attached" });
  await page.waitForFunction(() => !document.querySelector("main .loading"));
  await page.waitForLoadState("networkidle");
}
