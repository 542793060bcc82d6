import { describe, expect, it } from "vitest";
import { violations } from "./support/axe.ts";
import { browserAvailable } from "./support/browser.ts";
import { openPage, useEveryPage } from "./support/every-page.ts";

const available = browserAvailable();

/**
 * Every page of the patient, the clinician and a visitor, on a phone, checked by axe-core against
 * WCAG 2.1 A and AA: names, roles, contrast, labels, landmarks. None may have a violation.
 */
describe.skipIf(!available)("accessibility of every page (axe-core, WCAG 2.1 AA)", () => {
  const app = useEveryPage();

  it("reports a planted violation (the check can fail)", async () => {
    const page = await app.visitor.context.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><title>t</title><main><h1>x</h1><img src="a.png"><input></main></html>',
    );
    const list = await violations(page);
    await page.close();
    expect(list.map((v) => v.split(" ")[0])).toEqual(
      expect.arrayContaining(["image-alt", "label"]),
    );
  });

  it("finds no violation on any page", async () => {
    const found: Record<string, string[]> = {};
    const who = [
      ["patient", app.patient.page, app.paths.patient],
      ["clinician", app.clinician.page, app.paths.clinician],
      ["visitor", app.visitor.page, app.paths.visitor],
    ] as const;
    for (const [role, page, paths] of who) {
      for (const path of paths) {
        await openPage(page, app.server.baseUrl, path);
        const list = await violations(page);
        if (list.length > 0) found[`${role} ${path}`] = list;
      }
    }
    expect(found).toEqual({});
  }, 240_000);
});
