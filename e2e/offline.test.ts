import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TestServer } from "../src/testing/test-server.ts";
import { startAppServer } from "./support/app-server.ts";
import { browserAvailable, launchBrowser } from "./support/browser.ts";
import { fillDose, saveDose } from "./support/dose-form.ts";
import { openSignedInPage, type SignedInPage } from "./support/signed-in-page.ts";

const available = browserAvailable();

interface KeptEntry {
  id: string;
  attempts: number;
  userId: string;
  kind: string;
  state: string;
  path: string;
  /** What was logged, sealed under the person's key (no body or summary in the clear). */
  sealed: { iv: Uint8Array; data: ArrayBuffer };
}

/**
 * One store of the page's offline database, as values or as keys, read without creating the
 * database (nothing kept yet: empty).
 */
function readStore(page: Page, store: "outbox" | "keys", what: "getAll" | "getAllKeys") {
  return page.evaluate(
    async ({ store, what }) => {
      const names = (await indexedDB.databases()).map((d) => d.name);
      if (!names.includes("mitra-offline")) return [];
      return new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open("mitra-offline");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction(store).objectStore(store)[what]();
          read.onsuccess = () => {
            db.close();
            resolve(read.result as unknown[]);
          };
          read.onerror = () => reject(read.error);
        };
      });
    },
    { store, what },
  );
}

/** The outbox as the page keeps it in IndexedDB. */
const outbox = (page: Page) => readStore(page, "outbox", "getAll") as Promise<KeptEntry[]>;

/** Whose keys this page's device holds. */
const deviceKeys = (page: Page) => readStore(page, "keys", "getAllKeys") as Promise<string[]>;

describe.skipIf(!available)("logging without a connection", () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  // The server's test clock stands still; keep it with the browser's so saves are not "future".
  beforeEach(() => {
    server.clock.advance(Date.now() - server.clock.now().getTime());
  });

  /** A newly registered person (in UTC, as the browser) signed in on a page of their own. */
  async function newPerson(name: string): Promise<SignedInPage> {
    const person = await openSignedInPage(
      browser,
      server.baseUrl,
      { name: name.toLowerCase(), displayName: name, timeZone: "UTC" },
      { timezoneId: "UTC" },
    );
    person.page.setDefaultTimeout(10_000);
    return person;
  }

  /** A new person who opens Log a dose, loses the connection and logs kratom leaf powder. */
  async function keptOffline(name: string, grams: string) {
    const person = await newPerson(name);
    await openLog(person.page);
    await person.context.setOffline(true);
    await logKratom(person.page, grams);
    await person.page.getByRole("heading", { name: "Saved on this device" }).waitFor();
    return person;
  }

  /** Opens Log a dose and waits until the service worker controls the page. */
  async function openLog(page: Page) {
    await page.goto(`${server.baseUrl}/log`);
    await page.getByRole("heading", { name: "Log a dose", level: 1 }).waitFor();
    await page.getByLabel("Search substances").waitFor();
    await serviceWorkerInControl(page);
    // Entries are kept sealed under the person's key, fetched once the session is confirmed.
    await expect.poll(() => deviceKeys(page), { timeout: 10_000 }).toHaveLength(1);
  }

  async function serviceWorkerInControl(page: Page) {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener("controllerchange", r));
      }
    });
  }

  async function logDose(page: Page, search: string, name: string, amount: string) {
    await fillDose(page, search, name, amount);
    await saveDose(page);
  }
  const logKratom = (page: Page, grams: string) =>
    logDose(page, "kratom", "Kratom leaf powder", grams);

  async function ingestionsWithId(context: BrowserContext, id: string) {
    const res = await context.request.get(`${server.baseUrl}/api/ingestions?limit=2000`);
    expect(res.status()).toBe(200);
    const all = (await res.json()).ingestions as { id: string; amount: number }[];
    return { all, matching: all.filter((i) => i.id === id) };
  }

  it("serves the manifest, icons and service worker with the right types and caching", async () => {
    const get = (path: string) => fetch(`${server.baseUrl}${path}`);
    const sw = await get("/sw.js");
    expect(sw.status).toBe(200);
    expect(sw.headers.get("content-type")).toMatch(/^(application|text)\/javascript/);
    expect(sw.headers.get("cache-control")).toBe("no-cache");
    const swText = await sw.text();
    expect(swText).not.toMatch(/__MITRA_SW_/);
    const precache = JSON.parse(/const PRECACHE = (\[.*?\]);/.exec(swText)?.[1] ?? "[]");
    expect(precache).toContain("/index.html");
    expect(precache.some((p: string) => /^\/assets\/index-.*\.js$/.test(p))).toBe(true);
    expect(precache.some((p: string) => p.startsWith("/api/"))).toBe(false);

    const manifest = await get("/manifest.webmanifest");
    expect(manifest.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
    const m = await manifest.json();
    expect(m).toMatchObject({ short_name: "Mitra", start_url: "/", display: "standalone" });
    for (const icon of m.icons as { src: string; type: string; sizes: string }[]) {
      const res = await get(icon.src);
      expect(res.status, icon.src).toBe(200);
      expect(res.headers.get("content-type")).toBe(icon.type);
    }
    expect(m.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
      expect.arrayContaining(["192x192", "512x512"]),
    );
    const asset = precache.find((p: string) => p.startsWith("/assets/"));
    expect((await get(asset)).headers.get("cache-control")).toMatch(/immutable/);
    const html = await (await get("/today")).text();
    expect(html).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/);

    // Chromium's own verdict: installable, but for the private (incognito-like) test profile.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(page);
    const parsed = await cdp.send("Page.getAppManifest");
    expect(parsed.url).toBe(`${server.baseUrl}/manifest.webmanifest`);
    expect(parsed.errors).toEqual([]);
    const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
    expect(installabilityErrors.map((e) => e.errorId)).toEqual(["in-incognito"]);
    await context.close();
  });

  it("keeps a dose logged offline, opens offline, and stores it once back online", async () => {
    const { context, page, userId } = await newPerson("Ravi");
    await openLog(page);
    await context.setOffline(true);
    await fillDose(page, "kratom", "Kratom leaf powder", "2");
    await expect
      .poll(() => page.locator(".live-check").textContent())
      .toMatch(/No connection: Mitra cannot check this dose.*warnings come once it is sent/);
    await saveDose(page);

    await page.getByRole("heading", { name: "Saved on this device" }).waitFor();
    expect(await page.locator(".kept-on-device").textContent()).toMatch(
      /2 g Kratom leaf powder.*will be sent when you are back online/,
    );
    const line = page.getByTestId("outbox-line");
    await expect.poll(() => line.textContent()).toBe("1 dose waiting to be sent");
    // The status line is a polite live region, so screen readers hear it.
    expect(await page.getByTestId("outbox").getByRole("status").getAttribute("aria-live")).toBe(
      "polite",
    );
    const kept = await outbox(page);
    expect(kept).toHaveLength(1);
    const clientId = kept[0]!.id;
    expect(kept[0]).toMatchObject({
      userId,
      kind: "dose",
      state: "waiting",
      path: "/api/ingestions",
    });
    expect(kept[0]!.id).toBe(clientId);
    await page.screenshot({ path: "test-results/offline-dose-kept-390.png" });

    // Offline reload: the service worker opens the app, the entry is still waiting.
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    // ... from its kept copy: the service worker itself cannot reach the server either.
    const probe = await page.evaluate(() =>
      fetch("/manifest.webmanifest?probe").then(
        () => "reached the server",
        () => "no connection",
      ),
    );
    expect(probe).toBe("no connection");
    await page.getByRole("link", { name: "Mitra, home" }).waitFor();
    await expect.poll(() => line.textContent()).toMatch(/^1 dose waiting to be sent/);
    expect(await page.getByTestId("outbox").textContent()).toMatch(/you are offline/);
    await page.getByText("Show what is waiting").click();
    expect(await page.getByTestId("outbox-entry").textContent()).toMatch(/2 g Kratom leaf powder/);
    expect((await ingestionsWithId(context, clientId)).matching).toHaveLength(0);

    // Opened offline, it still logs: the substance list is the copy kept from the last load.
    await page.getByText(/You are offline: your products and recent doses are not here/).waitFor();
    await logDose(page, "alcohol", "Alcohol", "2");
    await page.getByRole("heading", { name: "Saved on this device" }).waitFor();
    await expect.poll(() => line.textContent()).toMatch(/^2 doses waiting to be sent/);
    await page.screenshot({ path: "test-results/offline-reloaded-390.png" });
    const ids = (await outbox(page)).map((e) => e.id);
    expect(ids).toHaveLength(2);
    expect(ids).toContain(clientId);

    await context.setOffline(false);
    // Kratom then alcohol: the second answers with the interaction warning, once sent.
    await expect
      .poll(() => page.getByTestId("outbox-notice").textContent())
      .toMatch(/2 doses sent, with warnings/);
    // The list reads (and unseals) the outbox again after each send: it empties soon after.
    await expect.poll(() => line.count()).toBe(0);
    expect(await outbox(page)).toEqual([]);
    // The page that said "saved on this device" now shows the server's answer and its warning.
    await page.getByRole("heading", { name: "Dose saved" }).waitFor();
    await page
      .getByRole("region", { name: "Warnings for this dose" })
      .locator('[data-code="interaction.opioid-alcohol"]')
      .waitFor();
    const { all, matching } = await ingestionsWithId(context, clientId);
    expect(matching).toHaveLength(1);
    expect(matching[0]!.amount).toBe(2);
    expect(all).toHaveLength(2);
    expect(all.map((i) => i.id).sort()).toEqual([...ids].sort());
    await page.screenshot({ path: "test-results/offline-sent-390.png" });
    // The service worker keeps the app, never anyone's data.
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls.map((u) => new URL(u).pathname);
    });
    expect(cached).toContain("/index.html");
    expect(cached.filter((p) => p.startsWith("/api/"))).toEqual([]);

    // The notice leads to Today, which shows both doses and the warning.
    await page.getByRole("link", { name: "See them on Today" }).click();
    await page
      .getByTestId("today-doses")
      .getByText(/Kratom leaf powder/)
      .first()
      .waitFor();
    await page
      .getByTestId("today-warnings")
      .locator('[data-code="interaction.opioid-alcohol"]')
      .waitFor();
    await context.close();
  });

  it("keeps an entry the server refuses, with its reason, until retried or discarded", async () => {
    const { context, page } = await keptOffline("Lee", "1");
    const [kept] = await outbox(page);

    // The server's clock is now behind the phone's: the dose looks "in the future" to it.
    server.clock.advance(-3 * 3_600_000);
    await context.setOffline(false);
    const line = page.getByTestId("outbox-line");
    await expect.poll(() => line.textContent()).toBe("1 dose not accepted: needs attention");
    const entry = page.getByTestId("outbox-entry");
    expect(await entry.textContent()).toMatch(/Not accepted.*takenAt: is in the future/);
    await page.screenshot({ path: "test-results/offline-needs-attention-390.png" });

    // Try again while the server still refuses: still kept.
    await entry.getByRole("button", { name: /Try again/ }).click();
    await expect.poll(async () => (await outbox(page))[0]?.attempts).toBe(2);
    expect((await outbox(page))[0]?.state).toBe("needs-attention");

    // Clocks agree again: trying again (by keyboard) stores it, once.
    server.clock.advance(3 * 3_600_000);
    await entry.getByRole("button", { name: /Try again/ }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByTestId("outbox-notice").textContent()).toMatch(/1 dose sent/);
    expect((await ingestionsWithId(context, kept!.id)).matching).toHaveLength(1);

    // Discarding asks first, then the entry is gone and never sent.
    await context.setOffline(true);
    await page.getByRole("button", { name: "Log another" }).click();
    await logKratom(page, "4");
    await page.getByRole("heading", { name: "Saved on this device" }).waitFor();
    const [second] = await outbox(page);
    await page.getByText("Show what is waiting").click();
    await entry.getByRole("button", { name: /Discard/ }).click();
    await entry.getByRole("button", { name: "Yes, discard" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => outbox(page)).toEqual([]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await expect.poll(() => line.count()).toBe(0);
    await context.setOffline(false);
    await page.waitForTimeout(500);
    const after = await ingestionsWithId(context, second!.id);
    expect(after.matching).toHaveLength(0);
    expect(after.all).toHaveLength(1);
    await context.close();
  });

  it("keeps a check-in made offline and sends it once back online", async () => {
    const { context, page } = await newPerson("Mina");
    await page.goto(`${server.baseUrl}/check-in/red-flags`);
    await page.getByRole("button", { name: "Save check-in" }).waitFor();
    await serviceWorkerInControl(page);
    // Opened offline: the form comes from the instruments kept at the last load.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole("button", { name: "Save check-in" }).waitFor();
    const groups = page.locator("form.check-in-form").getByRole("group");
    const count = await groups.count();
    expect(count).toBeGreaterThan(5);
    for (let i = 0; i < count; i++) {
      await groups.nth(i).getByText("No", { exact: true }).click();
    }
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page.getByRole("heading", { name: "Saved on this device" }).waitFor();
    const line = page.getByTestId("outbox-line");
    await expect.poll(() => line.textContent()).toBe("1 check-in waiting to be sent");
    const [kept] = await outbox(page);
    expect(kept?.kind).toBe("check-in");

    await context.setOffline(false);
    await expect
      .poll(() => page.getByTestId("outbox-notice").textContent())
      .toMatch(/1 check-in sent/);
    await page.getByRole("heading", { name: "Check-in saved" }).waitFor();
    const res = await context.request.get(`${server.baseUrl}/api/assessments`);
    const assessments = (await res.json()).assessments as { id: string; instrument: string }[];
    expect(assessments.filter((a) => a.id === kept!.id)).toHaveLength(1);
    expect(assessments).toHaveLength(1);
    await context.close();
  });

  it("answers a danger sign at once even when the check-in is kept offline", async () => {
    const { context, page } = await newPerson("Noor");
    await page.goto(`${server.baseUrl}/check-in/red-flags`);
    await page.getByRole("button", { name: "Save check-in" }).waitFor();
    await context.setOffline(true);
    const groups = page.locator("form.check-in-form").getByRole("group");
    const count = await groups.count();
    for (let i = 0; i < count; i++) {
      const group = groups.nth(i);
      const legend = (await group.locator("legend").textContent()) ?? "";
      await group.getByText(/suicide/.test(legend) ? "Yes" : "No", { exact: true }).click();
    }
    await page.getByRole("button", { name: "Save check-in" }).click();
    await page
      .getByRole("heading", { name: "Saved on this device. Please get help now" })
      .waitFor();
    await page.locator('.kept-on-device [data-code="redflag.self-harm"]').waitFor();
    expect(
      await page
        .locator(".kept-on-device")
        .getByRole("link", { name: "Call 988" })
        .getAttribute("href"),
    ).toBe("tel:988");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "test-results/offline-red-flag-390.png" });

    // Once sent, the server's answer replaces it, still urgent.
    await context.setOffline(false);
    await page.getByRole("heading", { name: /Saved. Please get help now/ }).waitFor();
    await context.close();
  });

  it("saves when the page's security token went stale (signed in again in another tab)", async () => {
    const { context, page, email, password } = await newPerson("Kai");
    await openLog(page);
    // A new sign-in replaces the session cookie; the page still holds the old session's token.
    await context.clearCookies();
    const again = await context.request.post(`${server.baseUrl}/api/auth/login`, {
      data: { email, password },
    });
    expect(again.status()).toBe(200);
    await logKratom(page, "1.5");
    await page.getByRole("heading", { name: "Dose saved" }).waitFor();
    const res = await context.request.get(`${server.baseUrl}/api/ingestions`);
    expect((await res.json()).ingestions).toHaveLength(1);
    await context.close();
  });

  it("asks before signing out while something waits to be sent", async () => {
    const { context, page } = await keptOffline("Ravi", "2");
    const questions: string[] = [];
    let answer = false;
    page.on("dialog", (dialog) => {
      questions.push(dialog.message());
      void (answer ? dialog.accept() : dialog.dismiss());
    });
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toMatch(/^1 dose not sent yet: kept on this device/);
    expect(page.url()).toMatch(/\/log$/);
    expect(await outbox(page)).toHaveLength(1);
    await context.setOffline(false);
    answer = true;
    await expect.poll(() => outbox(page)).toEqual([]);
    // Nothing waits any more: no question, straight out (the menu is still open).
    expect(await page.getByRole("button", { name: "Menu" }).getAttribute("aria-expanded")).toBe(
      "true",
    );
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    expect(questions).toHaveLength(1);
    await context.close();
  });

  it("seals a kept dose and forgets the key at sign-out, then sends it after sign-in", async () => {
    const person = await keptOffline("Lena", "2.5");
    const { context, page } = person;
    const [kept] = await outbox(page);
    // Nothing the person logged is in the clear on the device: no body, no summary.
    expect(Object.keys(kept!).sort()).not.toContain("body");
    expect(Object.keys(kept!).sort()).not.toContain("summary");
    expect(kept!.sealed).toBeDefined();
    expect(await deviceKeys(page)).toEqual([person.userId]);

    // Signed out while still offline (the question is answered yes): the key goes, the entry stays.
    page.on("dialog", (dialog) => void dialog.accept());
    await context.route("**/api/ingestions", (route) => route.abort("internetdisconnected"));
    await context.setOffline(false);
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    await expect.poll(() => deviceKeys(page)).toEqual([]);
    expect((await outbox(page)).map((e) => e.id)).toEqual([kept!.id]);

    // The same person signs in again: the key comes back and the dose is sent, once.
    await context.unroute("**/api/ingestions");
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByTestId("outbox-notice").textContent()).toMatch(/1 dose sent/);
    expect((await ingestionsWithId(context, kept!.id)).matching).toHaveLength(1);
    expect(await outbox(page)).toEqual([]);
    await context.close();
  });

  it("never sends one person's kept dose under another person's session", async () => {
    const a = await keptOffline("Asha", "3");
    const { context, page } = a;
    const [kept] = await outbox(page);
    expect(kept?.userId).toBe(a.userId);

    // Asha's session ends on this device (as when it expires); the connection comes back.
    await context.clearCookies();
    await context.setOffline(false);
    const line = page.getByTestId("outbox-line");
    await expect.poll(() => line.textContent()).toBe("1 dose waiting: sign in again to send");

    // Someone else signs up on the same browser.
    await page.reload();
    await page.waitForURL("**/sign-in");
    await page.getByRole("link", { name: /Create an account/i }).click();
    await page.getByLabel("Your name (optional)").fill("Bo");
    await page.getByLabel("Email").fill(`bo-${crypto.randomUUID()}@example.org`);
    await page.getByLabel("Password").fill(a.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent())
      .toBe("Today, Bo");
    // Bo's session has had time to send anything of Bo's; Asha's dose is neither sent nor shown.
    await page.waitForTimeout(2_500);
    expect(await line.count()).toBe(0);
    expect(await page.getByTestId("outbox-entry").count()).toBe(0);
    const stored = await server.app.mitra.db
      .selectFrom("ingestions")
      .select(["id", "user_id"])
      .where("id", "=", kept!.id)
      .execute();
    expect(stored).toEqual([]);
    expect((await ingestionsWithId(context, kept!.id)).all).toHaveLength(0);
    expect(await outbox(page)).toHaveLength(1);
    // The device holds Bo's key alone: Asha's entry cannot be read here until she signs in.
    const bo = (await (await context.request.get(`${server.baseUrl}/api/me`)).json()).user.id;
    expect(await deviceKeys(page)).toEqual([bo]);

    // Bo signs out, Asha signs in: her dose goes, under her session, once.
    await page.getByRole("button", { name: "Menu" }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/sign-in");
    await page.getByLabel("Email").fill(a.email);
    await page.getByLabel("Password").fill(a.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect.poll(() => page.getByTestId("outbox-notice").textContent()).toMatch(/1 dose sent/);
    const after = await server.app.mitra.db
      .selectFrom("ingestions")
      .select(["id", "user_id"])
      .where("id", "=", kept!.id)
      .execute();
    expect(after).toEqual([{ id: kept!.id, user_id: a.userId }]);
    expect((await ingestionsWithId(context, kept!.id)).matching).toHaveLength(1);
    await context.close();
  });
});
