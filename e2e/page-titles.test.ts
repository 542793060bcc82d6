import { describe, expect, it } from "vitest";
import { browserAvailable } from "./support/browser.ts";
import { openPage, useEveryPage } from "./support/every-page.ts";

const available = browserAvailable();

describe.skipIf(!available)("page titles (WCAG 2.4.2)", () => {
  const app = useEveryPage();

  it("gives every page of the patient, the clinician and a visitor a title of its own", async () => {
    const titles = new Map<string, string>();
    const who = [
      [app.patient.page, app.paths.patient],
      [app.clinician.page, app.paths.clinician],
      [app.visitor.page, app.paths.visitor],
    ] as const;
    for (const [page, paths] of who) {
      for (const path of paths) {
        await openPage(page, app.server.baseUrl, path);
        titles.set(path, await page.title());
      }
    }
    const all = [...titles.values()];
    for (const [path, title] of titles) {
      expect(title, path).toMatch(/^.+ · Mitra$/);
    }
    // Shared pages (Help, Learn, Law, Account) are one page each, whoever opens them.
    const repeated = [...titles].filter(([, title]) => all.filter((t) => t === title).length > 1);
    expect(repeated).toEqual([]);
    expect(new Set(all).size).toBe(titles.size);
    expect(titles.get("/today")).toBe("Today · Mitra");
    expect(titles.get("/log")).toBe("Log a dose · Mitra");
    expect(titles.get("/check-in/red-flags")).toMatch(/ · Check-in · Mitra$/);
    expect(titles.get("/no-such-page")).toBe("Page not found · Mitra");
  }, 120_000);

  it("names the page again when the person moves on inside the app", async () => {
    const { page } = app.patient;
    await openPage(page, app.server.baseUrl, "/today");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Log dose" })
      .click();
    await expect.poll(() => page.title()).toBe("Log a dose · Mitra");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Check-in" })
      .click();
    await expect.poll(() => page.title()).toBe("Check-in · Mitra");
  });
});
