/**
 * The clinician's patient table in Chromium with 2,000 patients:
 *   NODE_ENV=production npx tsx bench/patient-table.bench.ts [--loads 5]
 * (or `npm run bench -- patient-table`).
 *
 * Uses the dashboard bench's SQLite data set (seed-dashboard.ts: one clinician, 2,000 consenting
 * patients with a year of check-ins and doses each; seeded once, then cached), gives the bench
 * clinician a password, and serves the built web app over it with the clock at BENCH_NOW. Prints:
 * - GET /api/clinician/patients over HTTP (signed in, audit entries included): the first page,
 *   a name search and a sort by name, p50/p99 of 20 calls each after 3 warm-up calls;
 * - in Chromium (fresh page, signed in, the app's files cached as on a second visit): from
 *   navigation to the first patient row visible, and from typing a name in the search box to
 *   the table showing only that person, at 1366x900 and 360x800; median of `--loads`.
 * Figures only: no target.
 */
import { performance } from "node:perf_hooks";
import { launchBrowser } from "../e2e/support/browser.ts";
import { buildApp } from "../src/server/app.ts";
import { hashPassword } from "../src/server/auth/passwords.ts";
import { loadConfig } from "../src/server/config.ts";
import { builtWebApp, ensureWebAppBuilt } from "../src/testing/built-web-app.ts";
import { ApiClient } from "../src/testing/test-server.ts";
import {
  BENCH_CLINICIAN_EMAIL,
  BENCH_NOW,
  openBenchDatabase,
  seedDashboard,
} from "./seed-dashboard.ts";

const PATIENTS = 2000;
const PASSWORD = "bench-table-password-42";
const i = process.argv.indexOf("--loads");
const loads = i >= 0 ? Number(process.argv[i + 1]) : 5;

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pick = (xs: number[], p: number) =>
  sorted(xs)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] ?? Number.NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`;

ensureWebAppBuilt();
await seedDashboard("sqlite", { patients: PATIENTS, days: 365, log: console.log });
const handle = await openBenchDatabase("sqlite");
await handle.db
  .updateTable("users")
  .set({ password_hash: await hashPassword(PASSWORD) })
  .where("email", "=", BENCH_CLINICIAN_EMAIL)
  .execute();
const app = await buildApp({
  config: {
    ...loadConfig({}),
    logLevel: "silent",
    sessionIdleMinutes: 24 * 60,
    // The seeded clinician is not the first account: without this it would wait for approval.
    clinicianApproval: "off",
  },
  database: handle,
  now: () => BENCH_NOW,
  webRoot: builtWebApp,
  logger: false,
});
await app.listen({ port: 0, host: "127.0.0.1" });
const address = app.server.address();
if (!address || typeof address === "string") throw new Error("no port");
const baseUrl = `http://127.0.0.1:${address.port}`;

try {
  // The API, as the table calls it.
  const api = new ApiClient(baseUrl);
  const login = await api.post("/api/auth/login", {
    email: BENCH_CLINICIAN_EMAIL,
    password: PASSWORD,
  });
  if (login.status !== 200) throw new Error(`sign-in: ${login.status}`);
  const name = "Patient 1234";
  const queries: [string, string][] = [
    ["first page (worst first)", ""],
    [`search "${name}"`, `?q=${encodeURIComponent(name)}`],
    ["sort by name, page 7", "?sort=name&page=7"],
  ];
  for (const [label, query] of queries) {
    const times: number[] = [];
    let body: { total: number; matched: number; patients: unknown[] } | undefined;
    for (let run = 0; run < 23; run++) {
      const started = performance.now();
      const res = await api.get(`/api/clinician/patients${query}`);
      if (run >= 3) times.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`${label}: ${res.status}`);
      body = res.body;
    }
    console.log(
      `API ${label}: ${body?.patients.length} rows of ${body?.matched} matching of ` +
        `${body?.total}; p50 ${ms(pick(times, 50))}, p99 ${ms(pick(times, 99))} over 20 calls`,
    );
  }

  // The page in Chromium.
  const browser = await launchBrowser();
  try {
    for (const viewport of [
      { width: 1366, height: 900 },
      { width: 360, height: 800 },
    ]) {
      const context = await browser.newContext({ viewport, locale: "en-US" });
      const res = await context.request.post(`${baseUrl}/api/auth/login`, {
        data: { email: BENCH_CLINICIAN_EMAIL, password: PASSWORD },
      });
      if (res.status() !== 200) throw new Error(`browser sign-in: ${res.status()}`);
      // One load first, so the app's files are cached as on a clinician's second visit.
      const warm = await context.newPage();
      await warm.goto(`${baseUrl}/patients`);
      await warm.locator(".triage-row").first().waitFor();
      await warm.close();

      const firstRow: number[] = [];
      const searched: number[] = [];
      for (let load = 0; load < loads; load++) {
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(`${baseUrl}/patients`, { waitUntil: "commit" });
        await page.locator(".triage-row").first().waitFor({ state: "visible" });
        firstRow.push(performance.now() - started);

        const typed = performance.now();
        await page.getByLabel("Search by name or e-mail").fill(name);
        await page
          .getByTestId("table-count")
          .filter({ hasText: /^1-1 of 1 matching/ })
          .waitFor();
        await page.locator(".triage-row", { hasText: name }).waitFor();
        searched.push(performance.now() - typed);
        await page.close();
      }
      await context.close();
      const size = `${viewport.width}x${viewport.height}`;
      console.log(
        `Chromium ${size}: first patient row visible, median ${ms(pick(firstRow, 50))} of ` +
          `${loads} (${firstRow.map(ms).join(", ")}); search typed to one row shown, median ` +
          `${ms(pick(searched, 50))} (${searched.map(ms).join(", ")}; includes the box's ` +
          "250 ms pause before it asks the server)",
      );
    }
  } finally {
    await browser.close();
  }
} finally {
  await app.close();
  await handle.close();
}
