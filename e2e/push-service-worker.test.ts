import { describe, expect, it } from "vitest";
import { expectNoHealthData } from "../src/testing/health-data-check.ts";
import { browserAvailable } from "./support/browser.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

const available = browserAvailable();

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
    const registrationId = new Promise<string>((resolve) => {
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
        const mine = registrations.find((r) => r.scopeURL.startsWith(server.baseUrl));
        if (mine) resolve(mine.registrationId);
      });
    });
    await cdp.send("ServiceWorker.enable");
    const message = { title: "Mitra: a patient needs attention", link: "/patients/p-1" };
    await cdp.send("ServiceWorker.deliverPushMessage", {
      origin: server.baseUrl,
      registrationId: await registrationId,
      data: JSON.stringify(message),
    });

    const shown = async () =>
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        return (await registration.getNotifications()).map((n) => ({
          title: n.title,
          body: n.body,
          data: n.data,
        }));
      });
    await expect.poll(shown, { timeout: 8_000 }).toHaveLength(1);
    const [notification] = await shown();
    expect(notification).toEqual({
      title: "Mitra: a patient needs attention",
      body: "Open Mitra to see the details.",
      data: { link: "/patients/p-1" },
    });
    expectNoHealthData([notification?.title ?? "", notification?.body ?? ""]);
  });
});
