import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  isPostgresReachable,
  type TestDatabase,
} from "../src/testing/test-databases.ts";
import { type ServerProcess, startServerProcess } from "./support/server-process.ts";

/**
 * Mitra as an operator gets it (issue 14): `npm pack`, then `npm install --omit=dev` of the
 * tarball in an empty folder, which installs no build tool and builds nothing (better-sqlite3
 * compiles its native part, so this takes minutes), then `npx mitra serve`. Two instances start
 * together on one PostgreSQL, and none of it writes to the install folder.
 */
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "mitra-packed-"));
const app = join(work, "app");
const running: ServerProcess[] = [];
let database: TestDatabase | undefined;

/** Signals the process, or its whole group when it was started in one of its own. */
function signal(server: ServerProcess, name: NodeJS.Signals): void {
  try {
    process.kill(
      server.child.spawnargs[0] === "npx" ? -(server.child.pid ?? 0) : (server.child.pid ?? 0),
      name,
    );
  } catch {
    // already ended
  }
}

afterAll(async () => {
  for (const server of running) signal(server, "SIGKILL");
  await database?.destroy();
  rmSync(work, { recursive: true, force: true });
});

/** Every file and folder under the install folder with its size and modification time. */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      const s = statSync(path);
      return `${relative(dir, path)} ${entry.isDirectory() ? "dir" : s.size} ${s.mtimeMs}`;
    })
    .sort();
}

const serveCommand = (argv: string[]) => ({
  argv,
  cwd: app,
  env: { NODE_ENV: "production" },
  detached: argv[0] === "npx",
});

/** SIGTERM: the server finishes, closes the database and exits 0. */
async function stopWithSigterm(server: ServerProcess): Promise<void> {
  signal(server, "SIGTERM");
  const ended = await server.exited;
  if (server.child.spawnargs[0] === "npx") {
    // npm ends itself with the signal it got; the server it started must be gone too.
    const deadline = Date.now() + 15_000;
    while (
      await fetch(`${server.baseUrl}/api/health`).then(
        () => true,
        () => false,
      )
    ) {
      expect(Date.now()).toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 100));
    }
    return;
  }
  expect(server.output()).toContain("SIGTERM: finishing requests in flight");
  expect(ended).toBeNull();
  expect(server.child.exitCode).toBe(0);
}

describe("the packed program", () => {
  it("installs without build tools, serves with npx mitra serve, and writes nothing beside itself", async () => {
    const buildIfStale = () => {
      const run = spawnSync(process.execPath, ["scripts/build.mjs", "--if-stale"], {
        cwd: repoRoot,
        encoding: "utf8",
      });
      expect(run.status, run.stderr).toBe(0);
      return run.stdout + run.stderr;
    };
    buildIfStale();
    // What npm start's prestart runs: with nothing changed, a second run builds nothing.
    expect(buildIfStale()).toBe("");
    const packed = execFileSync("npm", ["pack", "--pack-destination", work, "--json"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    const [{ filename, files }] = JSON.parse(packed) as [
      { filename: string; files: { path: string }[] },
    ];
    const paths = files.map((f) => f.path);
    expect(paths).toContain("dist/cli/main.js");
    expect(paths).toContain("dist/web/index.html");
    expect(paths).toContain("dist/knowledge/data/substances.json");
    expect(paths.filter((p) => p.startsWith("src/") || p.endsWith(".ts"))).toEqual([]);
    expect(paths.filter((p) => /(^|\/)testing\/|\.test\.|fixture/.test(p))).toEqual([]);

    mkdirSync(app);
    writeFileSync(join(app, "package.json"), '{ "name": "mitra-install", "private": true }\n');
    execFileSync(
      "npm",
      ["install", "--omit=dev", "--no-audit", "--no-fund", join(work, filename)],
      { cwd: app, stdio: "pipe" },
    );
    for (const tool of ["tsx", "vite", "@vitejs/plugin-react", "typescript", "react", "vitest"]) {
      expect(existsSync(join(app, "node_modules", tool)), `${tool} installed`).toBe(false);
    }
    const before = snapshot(app);
    mkdirSync(join(work, "data"));

    // npx, as an operator types it; stopped with SIGTERM, it finishes and exits 0.
    const sqlite = await startServerProcess(
      `sqlite:${join(work, "data", "mitra.sqlite")}`,
      120_000,
      serveCommand(["npx", "--no-install", "mitra", "serve"]),
    );
    running.push(sqlite);
    const health = await fetch(`${sqlite.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: "sqlite" });
    expect((await fetch(`${sqlite.baseUrl}/api/ready`)).status).toBe(200);
    const page = await fetch(`${sqlite.baseUrl}/`);
    expect(await page.text()).toContain('<div id="root">');
    await stopWithSigterm(sqlite);

    if (await isPostgresReachable()) {
      // Two instances at once on one new PostgreSQL schema: migrations apply once (a lock).
      database = await createTestDatabase("postgres");
      const schema = new URL(database.url).searchParams.get("schema");
      await database.db.schema
        .dropSchema(schema ?? "")
        .cascade()
        .execute();
      const bin = join(app, "node_modules", ".bin", "mitra");
      const pair = await Promise.all([
        startServerProcess(database.url, 120_000, serveCommand([bin, "serve"])),
        startServerProcess(database.url, 120_000, serveCommand([bin, "serve"])),
      ]);
      running.push(...pair);
      for (const server of pair) {
        expect((await fetch(`${server.baseUrl}/api/ready`)).status).toBe(200);
      }
      const applied = pair.map((s) => (s.output().match(/Applied migrations/g) ?? []).length);
      expect(applied.sort()).toEqual([0, 1]);
      for (const server of pair) await stopWithSigterm(server);
    }

    expect(snapshot(app)).toEqual(before);
  }, 900_000);
});
