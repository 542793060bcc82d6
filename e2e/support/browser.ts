import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

/**
 * Chromium from the system (Debian's package in CI). Browser tests are required in CI
 * (CI=true) or with MITRA_REQUIRE_BROWSER=1; elsewhere they are skipped when no Chromium exists.
 */
export const chromiumPath = process.env.MITRA_CHROMIUM_PATH ?? "/usr/bin/chromium";

export const browserRequired = () =>
  process.env.CI === "true" || process.env.MITRA_REQUIRE_BROWSER === "1";

export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (browserRequired()) {
    throw new Error(`Browser tests are required but there is no Chromium at ${chromiumPath}`);
  }
  console.warn(`No Chromium at ${chromiumPath}: browser tests are skipped here`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}
