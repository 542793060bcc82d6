import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "../../e2e/support/browser.ts";

/** The JavaScript the first page loads (its module script and module preloads), gzipped. */
export function firstPageJavaScript(webRoot: string): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(webRoot, "index.html"), "utf8");
  const files = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? "");
  const gzipBytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(webRoot, file))).length,
    0,
  );
  return { files, gzipBytes };
}

/**
 * Milliseconds from navigation to the sign-in heading being visible, in a fresh browser context
 * each time (no cache), `runs` times.
 */
export async function firstRenderTimes(baseUrl: string, runs: number): Promise<number[]> {
  const browser = await launchBrowser();
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(`${baseUrl}/`, { waitUntil: "commit" });
      await page
        .getByRole("heading", { level: 1, name: "Welcome back" })
        .waitFor({ state: "visible" });
      times.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}
