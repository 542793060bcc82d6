import { describe, expect, it } from "vitest";
import { ApiClient } from "../src/testing/test-server.ts";
import { browserAvailable } from "./support/browser.ts";
import { type SignedInBrowser, useSignedInBrowser } from "./support/signed-in-page.ts";

const available = browserAvailable();

/** Presses Tab until the element named `name` with `role` has focus (at most 40 times). */
async function tabTo(
  page: import("playwright-core").Page,
  role: "button" | "checkbox" | "textbox",
  name: string,
) {
  const target = page.getByRole(role, { name, exact: true });
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${role} "${name}"`);
}

/** Toggles the checkbox named `name` by keyboard, saves, and answers the saved preferences. */
async function checkAndSave(app: SignedInBrowser, name: string) {
  const { page, server, context } = app;
  await tabTo(page, "checkbox", name);
  await page.keyboard.press("Space");
  await tabTo(page, "button", "Save settings");
  await page.keyboard.press("Enter");
  await page.getByRole("status").getByText("Saved.").waitFor();
  const res = await context.request.get(`${server.baseUrl}/api/notifications/preferences`);
  return res.json();
}

describe.skipIf(!available)("notification settings on a 360 px phone, by keyboard", () => {
  const app = useSignedInBrowser(
    { name: "nadia", displayName: "Nadia", timeZone: "Europe/Berlin" },
    { clockFollowsNow: true },
  );

  it("sets a check-in reminder and quiet hours, sends a test, and the bell counts it", async () => {
    const { page, server } = app;
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.baseUrl}/notifications/settings`);
    await page.getByRole("heading", { name: "Notification settings" }).waitFor();

    await tabTo(page, "button", "Add a check-in reminder");
    await page.keyboard.press("Enter");
    // The new field takes the focus: type the time straight away.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("reminder-0");
    await page.keyboard.type("8:30");
    await tabTo(page, "button", "Save settings");
    await page.keyboard.press("Enter");
    // A time that is not one is refused, named at its field.
    await page.locator("#reminder-0-error", { hasText: "a time like 08:30" }).waitFor();
    expect(await page.getByLabel("Reminder 1").getAttribute("aria-invalid")).toBe("true");

    await page.getByLabel("Reminder 1").focus();
    await page.keyboard.press("Home");
    await page.keyboard.type("0");
    const saved = await checkAndSave(app, "Hold e-mail and push between");
    expect(saved).toMatchObject({
      checkInReminders: ["08:30"],
      quietHours: { start: "22:00", end: "07:00" },
      doseWindowReminders: false,
    });
    // The dose window's reminder is off until the person turns it on.
    const optedIn = await checkAndSave(app, "Tell me when my next planned dose window opens");
    expect(optedIn.doseWindowReminders).toBe(true);

    await tabTo(page, "button", "Send a test notification");
    await page.keyboard.press("Enter");
    await page
      .getByRole("status")
      .getByText(/Test sent/)
      .waitFor();
    // The bell names the unread count for screen readers once the test is delivered. After each
    // load, the bell's own read gets a moment to answer before the page is loaded again.
    await expect
      .poll(
        async () => {
          await page.goto(`${server.baseUrl}/notifications`);
          return page
            .getByRole("link", { name: /^Notifications, 1 unread$/ })
            .waitFor({ timeout: 3_000 })
            .then(
              () => 1,
              () => 0,
            );
        },
        { timeout: 20_000 },
      )
      .toBe(1);
    await page.getByRole("link", { name: /Test notification/ }).waitFor();

    // Nothing on either page is wider than the phone.
    for (const path of ["/notifications", "/notifications/settings"]) {
      await page.goto(`${server.baseUrl}${path}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(sideways, path).toBe(0);
    }
  });
});

describe.skipIf(!available)("a clinician turns a patient's notifications off, by keyboard", () => {
  const app = useSignedInBrowser({
    name: "omar",
    displayName: "Dr Omar",
    timeZone: "UTC",
    role: "clinician",
  });

  it("lists the patients who share with them and saves the one turned off", async () => {
    const { page, server, context } = app;
    const patient = new ApiClient(server.baseUrl);
    const me = await patient.register("patient");
    expect((await patient.patch("/api/me", { displayName: "Rosa" })).status).toBe(200);
    const invitation = await patient.post("/api/care/invitations", { scopes: ["assessments"] });
    const me2 = await context.request.get(`${server.baseUrl}/api/me`);
    const csrf = (await me2.json()).csrfToken;
    const joined = await context.request.post(`${server.baseUrl}/api/care/join`, {
      data: { code: invitation.body.code },
      headers: { "x-csrf-token": csrf },
    });
    expect(joined.status(), await joined.text()).toBe(201);

    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.baseUrl}/notifications/settings`);
    await page.getByRole("group", { name: "Tell me about" }).waitFor();
    const saved = await checkAndSave(app, "Rosa");
    expect(saved.mutedPatients).toEqual([me.id]);
  });
});
