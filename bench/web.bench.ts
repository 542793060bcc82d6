/**
 * The web app's first page: `npx tsx bench/web.bench.ts` (or `npm run bench -- web`). Option:
 * --renders 5.
 *
 * Builds the app when stale (a production build), then prints the gzipped JavaScript that
 * index.html names and the JavaScript the browser actually fetched for the first page (budget
 * 200 KB after gzip), and the median first render in Chromium (fresh context, 390x844, until the
 * "Welcome" heading of the sign-in page is visible) against a real server on SQLite. Figures only.
 */
import { builtWebApp, ensureWebAppBuilt } from "../src/testing/built-web-app.ts";
import { startTestServer } from "../src/testing/test-server.ts";
import { declaredJavaScript, firstRenders, gzipSize } from "./web/first-page.ts";

const JS_BUDGET_BYTES = 200 * 1024;
const i = process.argv.indexOf("--renders");
const runs = i >= 0 ? Number(process.argv[i + 1]) : 5;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

ensureWebAppBuilt();
const declared = declaredJavaScript(builtWebApp);
console.log(`index.html names ${declared.files.join(", ")}: ${kb(declared.gzipBytes)} gzipped`);

const server = await startTestServer("sqlite", { webRoot: builtWebApp });
try {
  const renders = await firstRenders(server.baseUrl, runs);
  const fetched = renders[0]?.scripts ?? [];
  const fetchedBytes = gzipSize(builtWebApp, fetched);
  console.log(
    `first page fetched ${fetched.length} script(s) (${fetched.join(", ")}): ` +
      `${kb(fetchedBytes)} gzipped; budget ${kb(JS_BUDGET_BYTES)}: ` +
      (fetchedBytes <= JS_BUDGET_BYTES ? "within" : "OVER"),
  );
  const times = renders.map((r) => r.ms);
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;
  console.log(
    `first render (Chromium 390x844, fresh context, until the sign-in page's "Welcome" heading is visible): median ` +
      `${median.toFixed(0)} ms of ${runs} (${times.map((t) => t.toFixed(0)).join(", ")} ms)`,
  );
} finally {
  await server.close();
}
