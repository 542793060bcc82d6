import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "./support/browser.ts";
import { openPage, useEveryPage } from "./support/every-page.ts";

const available = browserAvailable();

/** Common phone widths, the narrowest first. */
const widths = [320, 360, 390, 412];

/** How far the page scrolls sideways, and the widest element that sticks out (to name it). */
function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    let widest = "";
    let right = root.clientWidth;
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > right + 0.5 && r.width > 0) {
        right = r.right;
        widest = `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]}: ${el.textContent?.slice(0, 40)}`;
      }
    }
    // Text sticking out of a button or a card: cut off, or over its neighbour.
    const spilling = [...document.querySelectorAll("main button, main a.button, main .card")]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()} "${el.textContent?.slice(0, 40)}"`);
    return { by: root.scrollWidth - root.clientWidth, widest, spilling };
  });
}

describe.skipIf(!available)("no sideways scrolling on a phone", () => {
  const app = useEveryPage();

  it("fits every page of the patient, the clinician and a visitor at 320 to 412 px", async () => {
    const found: string[] = [];
    const who = [
      [app.patient.page, app.paths.patient],
      [app.clinician.page, app.paths.clinician],
      [app.visitor.page, app.paths.visitor],
    ] as const;
    let measured = 0;
    for (const [page, paths] of who) {
      for (const path of paths) {
        await page.setViewportSize({ width: 390, height: 844 });
        await openPage(page, app.server.baseUrl, path);
        for (const width of widths) {
          await page.setViewportSize({ width, height: 800 });
          const { by, widest, spilling } = await overflow(page);
          measured++;
          if (by > 0) found.push(`${path} at ${width} px: ${by} px too wide (${widest})`);
          for (const what of spilling) found.push(`${path} at ${width} px: ${what} spills over`);
        }
        if (path === "/log") {
          // Searching shows the long names too.
          await page.getByLabel("Search substances").fill("hydroxy");
          for (const width of widths) {
            await page.setViewportSize({ width, height: 800 });
            const { by, widest, spilling } = await overflow(page);
            if (by > 0) found.push(`${path} searched at ${width} px: ${by} px (${widest})`);
            for (const what of spilling) found.push(`${path} searched at ${width} px: ${what}`);
          }
        }
      }
    }
    expect(found).toEqual([]);
    expect(measured).toBe(
      (app.paths.patient.length + app.paths.clinician.length + app.paths.visitor.length) *
        widths.length,
    );
  }, 120_000);

  it("keeps the header and its Menu button on screen with text at 200 %", async () => {
    const { page } = app.patient;
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      await openPage(page, app.server.baseUrl, "/today");
      await page.evaluate(() => {
        document.documentElement.style.fontSize = "32px";
      });
      const menu = await page.getByRole("button", { name: "Menu" }).boundingBox();
      const help = await page.getByRole("link", { name: "Get help now" }).first().boundingBox();
      expect(menu, `${width} px`).not.toBeNull();
      expect(menu!.x + menu!.width, `Menu at ${width} px`).toBeLessThanOrEqual(width);
      expect(help!.x + help!.width, `Get help now at ${width} px`).toBeLessThanOrEqual(width);
      const today = await overflow(page);
      expect(today.by, `Today at ${width} px: ${today.widest}`).toBe(0);
      // The menu still opens there.
      await page.getByRole("button", { name: "Menu" }).click();
      await page
        .getByRole("navigation", { name: "All sections" })
        .getByRole("link", { name: "Plan" })
        .waitFor();
    }
  });
});
