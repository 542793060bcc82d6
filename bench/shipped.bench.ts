/**
 * The program as an operator runs it: `npx tsx bench/shipped.bench.ts` (or
 * `npm run bench -- shipped`). Options: --starts 5, --seconds 4, --skip-install.
 *
 * Builds once with `npm run build`, then runs package.json's `start` script directly (not
 * through npm, and so without any pre-start hook: the web app is already built) as its own
 * process tree, over SQLite in a fresh temporary folder, and prints:
 * - cold start: from spawning the start command to the first 200 from /api/health, for a first
 *   start (new database, migrations run) and a restart (same database), median of --starts runs;
 * - RSS at rest: every process of the tree (the loader, if any, and the server), 3 s after the
 *   first answer;
 * - RSS under write-path load: the tree's peak while 10 keep-alive connections POST doses
 *   (bench/write-path's load generator) for --seconds;
 * - install size: what `npm ci --omit=dev` puts on disk (node_modules, `du`) from this
 *   package.json and package-lock.json, in a temporary folder (slow: it compiles better-sqlite3).
 * Figures only: nothing here fails on time or size.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ApiClient } from "../src/testing/test-server.ts";
import { runLoad } from "./write-path/http-load.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const startScript: string = pkg.scripts.start;

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const starts = argValue("--starts", 5);
const loadSeconds = argValue("--seconds", 4);
const skipInstall = process.argv.includes("--skip-install");

const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

interface ProcessInfo {
  pid: number;
  command: string;
  rssKb: number;
}

/** The process and all its descendants, with their resident memory, from /proc. */
function processTree(rootPid: number): ProcessInfo[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(Number(entry), ppid);
    } catch {
      // the process ended while being read
    }
  }
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree.flatMap((pid) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
      return [{ pid, command, rssKb }];
    } catch {
      return [];
    }
  });
}

/** Node processes only: the shell that runs the start script is not part of Mitra. */
const nodeProcesses = (pid: number) =>
  processTree(pid).filter((p) => /(^|\/)node\s/.test(`${p.command} `));

interface Started {
  child: ChildProcess;
  baseUrl: string;
  msToHealth: number;
  /** CPU time (user + system) the tree's node processes had used at the first answer. */
  cpuMs: number;
}

const ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));

/** CPU time of the tree's node processes so far: steadier than wall time on a busy machine. */
function cpuMsOf(rootPid: number): number {
  return nodeProcesses(rootPid).reduce((sum, p) => {
    try {
      const stat = readFileSync(`/proc/${p.pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
    } catch {
      return sum;
    }
  }, 0);
}

async function startServer(databaseUrl: string): Promise<Started> {
  const began = performance.now();
  const child = spawn("sh", ["-c", startScript], {
    cwd: root,
    env: {
      ...process.env,
      PATH: `${join(root, "node_modules/.bin")}${delimiter}${process.env.PATH}`,
      NODE_ENV: "production",
      MITRA_PORT: "0",
      MITRA_HOST: "127.0.0.1",
      MITRA_LOG_LEVEL: "warn",
      MITRA_DATABASE_URL: databaseUrl,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) resolve(match[1].replace("localhost", "127.0.0.1"));
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`start exited with ${code}:\n${output}`)));
  });
  for (;;) {
    const answer = await fetch(`${baseUrl}/api/health`).catch(() => undefined);
    if (answer?.status === 200) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const msToHealth = performance.now() - began;
  return { child, baseUrl, msToHealth, cpuMs: cpuMsOf(child.pid ?? 0) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  // The shell may have exec'd the server or may be its parent: signal the whole tree.
  for (const p of processTree(child.pid ?? 0).reverse()) {
    try {
      process.kill(p.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await exited;
}

console.log(`start script: ${startScript}`);
console.log("building once: npm run build");
execFileSync("npm", ["run", "build"], { cwd: root, stdio: "ignore" });

const firstStarts: number[] = [];
const restarts: number[] = [];
const restartCpu: number[] = [];
for (let i = 0; i < starts; i++) {
  const dir = mkdtempSync(join(tmpdir(), "mitra-bench-start-"));
  const url = `sqlite:${join(dir, "mitra.sqlite")}`;
  try {
    const first = await startServer(url);
    firstStarts.push(first.msToHealth);
    await stop(first.child);
    const again = await startServer(url);
    restarts.push(again.msToHealth);
    restartCpu.push(again.cpuMs);
    await stop(again.child);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(
  `cold start to first /api/health 200: first start (new database) median ${median(firstStarts).toFixed(0)} ms ` +
    `[${firstStarts.map((t) => t.toFixed(0)).join(", ")}]; restart median ${median(restarts).toFixed(0)} ms ` +
    `[${restarts.map((t) => t.toFixed(0)).join(", ")}]`,
);
console.log(
  `CPU time to first /api/health 200 (restart, all node processes): median ${median(restartCpu).toFixed(0)} ms ` +
    `[${restartCpu.map((t) => t.toFixed(0)).join(", ")}]`,
);

const dir = mkdtempSync(join(tmpdir(), "mitra-bench-rss-"));
const server = await startServer(`sqlite:${join(dir, "mitra.sqlite")}`);
try {
  await new Promise((r) => setTimeout(r, 3000));
  const atRest = nodeProcesses(server.child.pid ?? 0);
  const total = atRest.reduce((sum, p) => sum + p.rssKb, 0);
  console.log(`RSS at rest: ${mb(total)} in ${atRest.length} node process(es)`);
  for (const p of atRest) console.log(`  ${mb(p.rssKb).padStart(7)}  ${p.command.slice(0, 110)}`);

  const headers: Record<string, string>[] = [];
  for (let i = 0; i < 10; i++) {
    const client = new ApiClient(server.baseUrl);
    await client.register("patient");
    headers.push({ cookie: client.cookie ?? "", "x-csrf-token": client.csrfToken ?? "" });
  }
  const peak = new Map<number, ProcessInfo>();
  const figures = await runLoad(
    {
      port: Number(new URL(server.baseUrl).port),
      path: "/api/ingestions",
      connections: headers,
      bodyTemplate: JSON.stringify({
        id: "__ID__",
        substance: "kratom-leaf",
        amount: 2.5,
        unit: "g",
        takenAt: "__TAKEN_AT__",
      }),
      takenAtSpreadDays: 90,
      warmupMs: 1000,
      durationMs: loadSeconds * 1000,
    },
    () => {
      for (const p of nodeProcesses(server.child.pid ?? 0)) {
        if (p.rssKb > (peak.get(p.pid)?.rssKb ?? 0)) peak.set(p.pid, p);
      }
    },
  );
  const peakTotal = [...peak.values()].reduce((sum, p) => sum + p.rssKb, 0);
  console.log(
    `RSS under write-path load (POST /api/ingestions, 10 connections, ${loadSeconds} s): ` +
      `peak ${mb(peakTotal)} (${figures.requestsPerSecond.toFixed(0)} req/s, ${figures.errors} errors)`,
  );
  for (const p of peak.values()) {
    console.log(`  ${mb(p.rssKb).padStart(7)}  ${p.command.slice(0, 110)}`);
  }
} finally {
  await stop(server.child);
  rmSync(dir, { recursive: true, force: true });
}

if (skipInstall) {
  console.log("install size: skipped (--skip-install)");
} else {
  const installDir = mkdtempSync(join(tmpdir(), "mitra-bench-install-"));
  try {
    copyFileSync(join(root, "package.json"), join(installDir, "package.json"));
    copyFileSync(join(root, "package-lock.json"), join(installDir, "package-lock.json"));
    const began = performance.now();
    execFileSync("npm", ["ci", "--omit=dev", "--no-audit", "--no-fund"], {
      cwd: installDir,
      stdio: "ignore",
    });
    const seconds = (performance.now() - began) / 1000;
    const du = (flag: string) =>
      Number(
        execFileSync("du", [flag, "node_modules"], { cwd: installDir, encoding: "utf8" }).split(
          "\t",
        )[0],
      );
    const packages = readdirSync(join(installDir, "node_modules")).filter(
      (d) => !d.startsWith("."),
    );
    console.log(
      `install size (npm ci --omit=dev): node_modules ${mb(du("-sk"))} on disk ` +
        `(${(du("-sb") / 1e6).toFixed(1)} MB of file bytes), ${packages.length} top-level entries, ` +
        `${seconds.toFixed(0)} s`,
    );
    const present = ["tsx", "vite", "@vitejs", "react", "esbuild", "rollup"].filter((name) =>
      packages.includes(name),
    );
    console.log(`  build tools present: ${present.length > 0 ? present.join(", ") : "none"}`);
  } finally {
    rmSync(installDir, { recursive: true, force: true });
  }
}
