import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Newest modification time under the folders the web bundle is built from. */
function newestSource(): number {
  let newest = 0;
  const walk = (path: string) => {
    const s = statSync(path);
    if (s.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry !== "node_modules" && !entry.endsWith(".test.ts")) walk(join(path, entry));
      }
    } else newest = Math.max(newest, s.mtimeMs);
  };
  for (const p of ["src/web", "src/core", "vite.config.ts", "package.json"]) {
    const full = join(projectRoot, p);
    if (existsSync(full)) walk(full);
  }
  return newest;
}

export const webOutDir = join(projectRoot, "dist/web");

/** True when dist/web is missing or older than its sources. */
export function webBuildIsStale(): boolean {
  const index = join(webOutDir, "index.html");
  if (!existsSync(index)) return true;
  return statSync(index).mtimeMs < newestSource();
}

/** Builds the web app with Vite when it is missing or stale. */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<void> {
  if (!webBuildIsStale()) return;
  log("Building the web app (first start or sources changed)...");
  const { build } = await import("vite");
  // Vite keeps a NODE_ENV it finds set; under Vitest that is "test", which would bundle React's
  // development build (and serve it to `npm start` afterwards). The served app is always a
  // production build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({
      configFile: join(projectRoot, "vite.config.ts"),
      mode: "production",
      logLevel: "warn",
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  log("Web app built.");
}
