import type { CDPSession } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoHealthData } from "../src/testing/health-data-check.ts";
import { browserAvailable } from "./support/browser.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

const available = browserAvailable();

interface Shown {
  title: string;
  body: string;
  data: unknown;
}

/**
 * The registration whose worker has finished activating, from DevTools' own record of the
 * service workers (the page's `ready` already resolves while the worker is still activating).
 */
function activatedRegistration(cdp: CDPSession, baseUrl: string): Promise<string> {
  return new Promise((resolve) => {
    const scopes = new Map<string, string>();
    const activated = new Set<string>();
    const settle = () => {
      for (const id of activated) if (scopes.get(id)?.startsWith(baseUrl)) resolve(id);
    };
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      for (const r of registrations) scopes.set(r.registrationId, r.scopeURL);
      settle();
    });
    cdp.on("ServiceWorker.workerVersionUpdated", ({ versions }) => {
      for (const v of versions) if (v.status === "activated") activated.add(v.registrationId);
      settle();
    });
  });
}

/**
 * A push reaches Mitra's real service worker through Chromium's DevTools protocol
 * (ServiceWorker.deliverPushMessage), as the browser's push service would deliver it, and the
 * worker shows the notification: the title, a line without health data, and the link it opens.
 */
describe.skipIf(!available)("the service worker shows a push", () => {
  const app = useSignedInBrowser({ name: "pia", displayName: "Pia", timeZone: "UTC" });

  it("shows the title and keeps the link for a tap", async () => {
    const { page, server, context } = app;
    await context.grantPermissions(["notifications"], { origin: server.baseUrl });
    await page.goto(`${server.baseUrl}/notifications`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    const cdp = await context.newCDPSession(page);
    const registration = activatedRegistration(cdp, server.baseUrl);
    await cdp.send("ServiceWorker.enable");
    const registrationId = await registration;

    const shown = async (): Promise<Shown[]> =>
      page.evaluate(async () => {
        const ready = await navigator.serviceWorker.ready;
        return (await ready.getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          data: n.data,
        }));
      });
    const message = { title: "Mitra: a patient needs attention", link: "/patients/p-1" };
    // Chromium answers deliverPushMessage before it delivers and drops the delivery's outcome, so
    // a message lost on a busy machine would go unseen: deliver it again (the same tag replaces
    // the notification, so there is still one), at most three times.
    let notifications: Shown[] = [];
    for (let attempt = 0; attempt < 3 && notifications.length === 0; attempt++) {
      await cdp.send("ServiceWorker.deliverPushMessage", {
        origin: server.baseUrl,
        registrationId,
        data: JSON.stringify(message),
      });
      const deadline = Date.now() + 4_000;
      while (notifications.length === 0 && Date.now() < deadline) {
        notifications = await shown();
        if (notifications.length === 0) await page.waitForTimeout(100);
      }
    }

    expect(notifications).toEqual([
      {
        title: "Mitra: a patient needs attention",
        body: "Open Mitra to see the details.",
        data: { link: "/patients/p-1" },
      },
    ]);
    expectNoHealthData(notifications.flatMap((n) => [n.title, n.body]));
  });
});
