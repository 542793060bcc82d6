import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserAvailable } from "./support/browser.ts";
import { useSignedInBrowser } from "./support/signed-in-page.ts";

const available = browserAvailable();

/** The check-ins a patient fills in themselves. */
const forms = ["sows", "sows-gossop", "quick-check", "side-effects", "red-flags"];

/** Answers every question with its first answer (the calmest), and any number field with 7. */
async function answerAll(page: Page) {
  const form = page.locator("form.check-in-form");
  const groups = form.getByRole("group");
  for (let i = 0; i < (await groups.count()); i++) {
    await groups.nth(i).locator("label.option").first().click();
  }
  const numbers = form.locator('input[type="number"], input[inputmode="decimal"]');
  for (let i = 0; i < (await numbers.count()); i++) await numbers.nth(i).fill("7");
}

/**
 * What a person sees after answering the last question: scrolled to the very end of the page.
 * Answers the element under the middle of the Save button there (the sticky score bar covered it).
 */
async function whatIsUnderSave(page: Page) {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(100);
  const save = page.getByRole("button", { name: "Save check-in" });
  const box = await save.boundingBox();
  if (!box) throw new Error("no Save button");
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const hit = await page.evaluate(
    ([px, py]) => {
      const el = document.elementFromPoint(px!, py!);
      return el?.closest("button")?.textContent ?? el?.className ?? "nothing";
    },
    [x, y],
  );
  return { x, y, hit, bottom: box.y + box.height, viewport: page.viewportSize()!.height };
}

describe.skipIf(!available)("the Save button of a check-in", () => {
  const app = useSignedInBrowser(
    { name: "lena", displayName: "Lena", timeZone: "UTC" },
    { timezoneId: "UTC", clockFollowsNow: true },
  );

  for (const width of [768, 1024, 1366]) {
    it(`is clear of the score bar and saves every check-in at ${width} px`, async () => {
      const { page, server } = app;
      await page.setViewportSize({ width, height: 800 });
      for (const form of forms) {
        await page.goto(`${server.baseUrl}/check-in/${form}`);
        await page.getByRole("button", { name: "Save check-in" }).waitFor();
        await answerAll(page);
        const under = await whatIsUnderSave(page);
        expect(under.hit, `${form} at ${width} px`).toBe("Save check-in");
        expect(under.bottom).toBeLessThanOrEqual(under.viewport);
        // Clicked where a person would tap it: its middle.
        await page.mouse.click(under.x, under.y);
        await page.getByRole("heading", { name: /^Check-in saved/ }).waitFor();
      }
      const res = await page.request.get(`${server.baseUrl}/api/assessments`);
      const saved = (await res.json()).assessments as { instrument: string }[];
      expect(saved.filter((a) => forms.includes(a.instrument)).length).toBeGreaterThanOrEqual(
        forms.length,
      );
    });
  }
});
