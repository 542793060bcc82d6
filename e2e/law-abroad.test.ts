import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../src/testing/test-server.ts";
import { startAppServer } from "./support/app-server.ts";
import { browserAvailable, launchBrowser } from "./support/browser.ts";
import { openSignedInPage } from "./support/signed-in-page.ts";

const available = browserAvailable();

/** Outside the US: the legal card and the crisis card for the person's own country, on a phone. */
describe.skipIf(!available)("law and help lines abroad, at 360 px", () => {
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

  const cases = [
    {
      code: "GB",
      name: "United Kingdom",
      timeZone: "Europe/London",
      checked: true,
      law: /Kratom\s*Restricted\s*7-OH\s*Restricted/,
      lines: ["Call 999", "Call 116-123", "Call 111"],
    },
    {
      code: "TH",
      name: "Thailand",
      timeZone: "Asia/Bangkok",
      checked: true,
      law: /Kratom\s*Regulated\s*7-OH\s*Unclear\s*18\+/,
      lines: ["Call 1669", "Call 1367"],
    },
    {
      code: "FR",
      name: "France",
      timeZone: "Europe/Paris",
      // France's record rests on a secondary overview: the card must say it was not checked.
      checked: false,
      law: /Kratom\s*Banned\s*7-OH\s*Unclear/,
      lines: ["Call 112", "Call 3114"],
    },
  ];

  it.each(cases)("shows $name's law and its own help lines", async (place) => {
    const { code, name, timeZone, checked, law, lines } = place;
    const { context, page } = await openSignedInPage(browser, server.baseUrl, {
      name: `abroad-${code.toLowerCase()}`,
      displayName: "Sam",
      timeZone,
    });
    await page.setViewportSize({ width: 360, height: 780 });
    const me = await (await context.request.get(`${server.baseUrl}/api/me`)).json();
    const patched = await context.request.patch(`${server.baseUrl}/api/me`, {
      headers: { "x-csrf-token": me.csrfToken },
      data: { jurisdiction: code },
    });
    expect(patched.status()).toBe(200);

    await page.goto(`${server.baseUrl}/today`);
    const card = page.getByTestId("today-law");
    await expect.poll(() => card.textContent()).toMatch(new RegExp(name));
    const text = (await card.textContent()) ?? "";
    expect(text).toMatch(law);
    // Every legal card says when it was checked against its source, or that it was not.
    expect(await card.getByTestId("checked-on").textContent()).toMatch(
      checked ? /^Checked on / : /^Not yet checked against its source/,
    );
    expect(await card.getByTestId("stale-note").count()).toBe(checked ? 0 : 1);
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/law-${code}-360.png` });

    await page.goto(`${server.baseUrl}/help`);
    const crisis = page.getByTestId("crisis-card");
    await expect.poll(() => crisis.textContent()).toMatch(new RegExp(`Where you are: ${name}`));
    const calls = await crisis.getByRole("link", { name: /^Call / }).allInnerTexts();
    expect(calls).toEqual(lines);
    // Not the US lines: the card is the person's own country's.
    expect(calls).not.toContain("Call 911");
    await page.screenshot({ path: `test-results/crisis-${code}-360.png`, fullPage: false });
    await context.close();
  });
});
