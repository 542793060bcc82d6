import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export { defaultWebRoot as builtWebApp } from "../server/app.ts";

const buildScript = fileURLToPath(new URL("../../scripts/build.mjs", import.meta.url));

/**
 * Builds the web app into dist/web when it was never built or its sources changed since (the
 * same `--if-stale` check as `npm start`), for the browser tests and the web bench.
 */
export function ensureWebAppBuilt(): void {
  execFileSync(process.execPath, [buildScript, "web", "--if-stale"], { stdio: "inherit" });
}
