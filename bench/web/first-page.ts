import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser } from "../../e2e/support/browser.ts";

/** The JavaScript index.html names (its module script and module preloads), gzipped. */
export function declaredJavaScript(webRoot: string): { files: string[]; gzipBytes: number } {
  const html = readFileSync(join(webRoot, "index.html"), "utf8");
  const files = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? "");
  return { files, gzipBytes: gzipSize(webRoot, files) };
}

export function gzipSize(webRoot: string, files: string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(join(webRoot, file))).length, 0);
}

export interface FirstRender {
  /** Milliseconds from navigation to the sign-in heading being visible. */
  ms: number;
  /** Every script the page fetched until then (paths), lazy chunks included. */
  scripts: string[];
}

/**
 * First renders of the sign-in page in a fresh browser context each time (no cache, no service
 * worker yet), `runs` times, at 390x844.
 */
export async function firstRenders(baseUrl: string, runs: number): Promise<FirstRender[]> {
  const browser = await launchBrowser();
  const renders: FirstRender[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const scripts = new Set<string>();
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.pathname.endsWith(".js") && url.pathname !== "/sw.js") scripts.add(url.pathname);
      });
      const started = performance.now();
      await page.goto(`${baseUrl}/`, { waitUntil: "commit" });
      await page.getByRole("heading", { level: 1, name: /^Welcome/ }).waitFor({ state: "visible" });
      renders.push({ ms: performance.now() - started, scripts: [...scripts].sort() });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return renders;
}
