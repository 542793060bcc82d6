import type { Browser, Page } from "playwright-core";
import type { ApiClient } from "../../src/testing/test-server.ts";
import { openSignedInPage } from "./signed-in-page.ts";

/**
 * A clinician newly registered and signed in in a browser whose zone is the clinician's own, who
 * joined the patient's care team by an invitation the patient made with these scopes. Answers
 * the clinician's page.
 */
export async function openJoinedClinicianPage(
  browser: Browser,
  baseUrl: string,
  patient: ApiClient,
  clinician: { name: string; timeZone: string; scopes: string[] },
): Promise<Page> {
  const { name, timeZone, scopes } = clinician;
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
}
