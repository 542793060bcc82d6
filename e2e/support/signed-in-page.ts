import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";

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
    },
  });
  if (res.status() !== 201) {
    throw new Error(`registration failed: ${res.status()} ${await res.text()}`);
  }
  const userId: string = (await res.json()).user.id;
  return { context, page, userId, email, password };
}
