import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { TestServer } from "../../src/testing/test-server.ts";
import { setClockToNow, startAppServer } from "./app-server.ts";
import { launchBrowser } from "./browser.ts";

export interface NewPerson {
  /** Start of the email address; a random part follows. */
  name: string;
  displayName: string;
  /** The IANA zone kept on the profile. */
  timeZone: string;
  role?: "patient" | "clinician";
}

export interface SignedInPage {
  context: BrowserContext;
  page: Page;
  userId: string;
  email: string;
  password: string;
}

/**
 * A phone-sized browser context (390x844) with a newly registered person signed in: the
 * registration goes through the context's own request client, so its cookie is the page's.
 * Also makes test-results/ for screenshots.
 */
export async function openSignedInPage(
  browser: Browser,
  baseUrl: string,
  person: NewPerson,
  contextOptions: { timezoneId?: string } = {},
): Promise<SignedInPage> {
  mkdirSync("test-results", { recursive: true });
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    locale: "en-US",
    ...contextOptions,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(8_000);
  const email = `${person.name}-${crypto.randomUUID()}@example.org`;
  const password = "tidal-forest-lamp-42";
  const res = await context.request.post(`${baseUrl}/api/auth/register`, {
    data: {
      email,
      password,
      role: person.role ?? "patient",
      displayName: person.displayName,
      timeZone: person.timeZone,
      ...(person.role === "clinician" ? { licence: "Test clinician" } : {}),
    },
  });
  if (res.status() !== 201) {
    throw new Error(`registration failed: ${res.status()} ${await res.text()}`);
  }
  const userId: string = (await res.json()).user.id;
  return { context, page, userId, email, password };
}

/** A Mitra server, Chromium, and in it a newly registered person signed in (openSignedInPage). */
export interface SignedInBrowser extends SignedInPage {
  server: TestServer;
  browser: Browser;
}

/**
 * Starts a server serving the web app, launches Chromium and opens a signed-in page in it; what
 * was started is closed again if a later step fails. Close with closeBrowserAndServer.
 */
export async function startSignedInBrowser(
  person: NewPerson,
  contextOptions: { timezoneId?: string } = {},
): Promise<SignedInBrowser> {
  const server = await startAppServer();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    return {
      server,
      browser,
      ...(await openSignedInPage(browser, server.baseUrl, person, contextOptions)),
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}

/** Closes the browser, then the server (either may be missing when set-up failed). */
export async function closeBrowserAndServer(browser?: Browser, server?: TestServer) {
  await browser?.close();
  await server?.close();
}

/**
 * For a suite with one person signed in: starts the server, Chromium and the person's page
 * before all tests (startSignedInBrowser) and closes them after. With `clockFollowsNow`, the
 * server's test clock is set to the real now before each test, so what the browser saves at the
 * real time is not "in the future" to the server. Answers an object filled in before the tests.
 */
export function useSignedInBrowser(
  person: NewPerson,
  options: { timezoneId?: string; clockFollowsNow?: boolean } = {},
): SignedInBrowser {
  const { clockFollowsNow, ...contextOptions } = options;
  const app = {} as SignedInBrowser;
  beforeAll(async () => {
    Object.assign(app, await startSignedInBrowser(person, contextOptions));
  });
  afterAll(() => closeBrowserAndServer(app.browser, app.server));
  if (clockFollowsNow) beforeEach(() => setClockToNow(app.server));
  return app;
}
