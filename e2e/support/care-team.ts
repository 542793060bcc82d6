import type { Browser, Page } from "playwright-core";
import { ApiClient, type TestServer } from "../../src/testing/test-server.ts";
import { ApiRecords } from "./api-records.ts";
import { setClockToNow, startAppServer } from "./app-server.ts";
import { launchBrowser } from "./browser.ts";
import { openSignedInPage } from "./signed-in-page.ts";

/** A server, Chromium, and a patient registered over the API (not in the browser). */
export interface BrowserWithPatient {
  server: TestServer;
  browser: Browser;
  patient: ApiClient;
  patientId: string;
  /** The patient's own entries, recorded as the patient. */
  records: ApiRecords;
}

/**
 * Starts a server serving the web app (its test clock set to the real now, so past times are not
 * "future" to it) and Chromium, and registers a patient with this profile over the API, signed in
 * on `patient`; what was started is closed again if a later step fails. Close with
 * closeBrowserAndServer.
 */
export async function startBrowserWithPatient(profile: {
  displayName: string;
  timeZone: string;
}): Promise<BrowserWithPatient> {
  const server = await startAppServer();
  setClockToNow(server);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const patient = new ApiClient(server.baseUrl);
    const { id: patientId } = await patient.register("patient", profile);
    return { server, browser, patient, patientId, records: ApiRecords.forClient(patient) };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

/**
 * Opens pages of clinicians who join a patient's care team: each call registers a clinician
 * (profile and browser in `timeZone`), signs them in, and joins them by an invitation the patient
 * made with these scopes. Answers the clinician's page.
 */
export function clinicianJoiner(
  browser: Browser,
  baseUrl: string,
  patient: ApiClient,
  timeZone: string,
): (name: string, scopes: string[]) => Promise<Page> {
  return async (name, scopes) => {
    const { page, context } = await openSignedInPage(
      browser,
      baseUrl,
      { name, displayName: name, timeZone, role: "clinician" },
      { timezoneId: timeZone },
    );
    const invitation = await patient.post("/api/care/invitations", { scopes });
    if (invitation.status !== 201) {
      throw new Error(`invitation: ${invitation.status} ${JSON.stringify(invitation.body)}`);
    }
    const csrf = (await (await context.request.get(`${baseUrl}/api/me`)).json()).csrfToken;
    const joined = await context.request.post(`${baseUrl}/api/care/join`, {
      data: { code: invitation.body.code },
      headers: { "x-csrf-token": csrf },
    });
    if (joined.status() !== 201) throw new Error(`join: ${joined.status()} ${await joined.text()}`);
    return page;
  };
}
