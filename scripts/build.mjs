#!/usr/bin/env node
/**
 * Builds Mitra into dist/ (`npm run build`): the server and command line compiled to JavaScript by
 * tsc (tsconfig.build.json: src/ without the web app, tests and test helpers, into dist/cli,
 * dist/server, ...) and the web app bundled by Vite (dist/web).
 *
 *   node scripts/build.mjs [server|web] [--if-stale]
 *
 * Names a part to build only that one. With --if-stale a part is built only when it has never
 * been built or one of its inputs changed since: `npm start` and the tests use that, so a second
 * start does not rebuild. After a part is built, dist/.build/<part>.json records when the build
 * started and the files it was built from (for the web app, every module of Vite's graph).
 * The running server never builds: it serves what is in dist/.
 */
import { execFileSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const stamps = join(dist, ".build");
const require = createRequire(import.meta.url);

/** Files under a folder of the project, as paths relative to the project. */
function filesUnder(folder) {
  const full = join(root, folder);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join("/"));
}

const isTestCode = (file) => /\.test\.tsx?$/.test(file) || file.startsWith("src/testing/");

/** The files tsc compiles from (tsconfig.build.json's include and exclude) and its settings. */
function serverInputs() {
  const sources = filesUnder("src").filter((f) => !f.startsWith("src/web/") && !isTestCode(f));
  return [...sources, "tsconfig.json", "tsconfig.build.json", "package.json"].sort();
}

function stampOf(part) {
  const file = join(stamps, `${part}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
}

/** Why a part needs building, or undefined when its output is up to date. */
function staleness(part) {
  const stamp = stampOf(part);
  if (!stamp) return "never built";
  if (part === "server" && serverInputs().join("\n") !== stamp.inputs.join("\n")) {
    return "sources added or removed";
  }
  for (const file of stamp.inputs) {
    const full = join(root, file);
    if (!existsSync(full)) return `${file} is gone`;
    if (statSync(full).mtimeMs > stamp.startedAt) return `${file} changed`;
  }
  return undefined;
}

function writeStamp(part, startedAt, inputs) {
  mkdirSync(stamps, { recursive: true });
  writeFileSync(
    join(stamps, `${part}.json`),
    `${JSON.stringify({ startedAt, inputs }, null, 1)}\n`,
  );
}

const needs = (name) =>
  new Error(
    `building Mitra needs ${name}, a development dependency: run npm install ` +
      "(without --omit=dev) in the project, or install a packed release, which comes built",
  );

function resolveTool(name) {
  try {
    return require.resolve(name);
  } catch {
    throw needs(name);
  }
}

async function buildServer() {
  const startedAt = Date.now();
  const tsc = resolveTool("typescript/bin/tsc");
  for (const entry of existsSync(dist) ? readdirSync(dist) : []) {
    if (entry !== "web" && entry !== ".build") rmSync(join(dist, entry), { recursive: true });
  }
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
  // The knowledge files are read by name at run time (versions, kb check), not only imported.
  cpSync(join(root, "src/knowledge/data"), join(dist, "knowledge/data"), { recursive: true });
  writeStamp("server", startedAt, serverInputs());
}

async function buildWeb() {
  const startedAt = Date.now();
  const { build } = await import("vite").catch(() => {
    throw needs("vite");
  });
  // Vite keeps a NODE_ENV it finds set (Vitest sets "test"), which would bundle React's
  // development build: the served app is always a production build.
  process.env.NODE_ENV = "production";
  let moduleIds = [];
  await build({
    configFile: join(root, "vite.config.ts"),
    mode: "production",
    logLevel: "warn",
    plugins: [
      {
        name: "mitra-record-inputs",
        buildEnd() {
          // Watch files: what a plugin read to make a module (the contract's route files).
          moduleIds = [...this.getModuleIds(), ...this.getWatchFiles()];
        },
      },
    ],
  });
  const modules = moduleIds
    .filter((id) => id.startsWith(root) && !id.includes(`${sep}node_modules${sep}`))
    .map((id) => relative(root, id.split("?")[0]).split(sep).join("/"));
  const inputs = [
    ...new Set([
      ...modules,
      ...filesUnder("src/web/public"),
      "src/web/index.html",
      "src/web/offline/service-worker.js",
      "vite.config.ts",
      "package.json",
      "package-lock.json",
    ]),
  ].sort();
  writeStamp("web", startedAt, inputs);
}

const args = process.argv.slice(2);
const ifStale = args.includes("--if-stale");
const named = args.filter((a) => !a.startsWith("--"));
const parts = named.length > 0 ? named : ["server", "web"];
const builders = { server: buildServer, web: buildWeb };

try {
  for (const part of parts) {
    if (!(part in builders)) throw new Error(`unknown part "${part}" (server or web)`);
    const reason = ifStale ? staleness(part) : "asked";
    if (!reason) continue;
    if (ifStale) console.error(`Building ${part} (${reason})...`);
    await builders[part]();
  }
} catch (error) {
  console.error(`build: ${error.message}`);
  process.exit(1);
}
