import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/**
 * MITRA_PORT set to a port another program holds (issue 12): Mitra used to listen on a random
 * port instead, unnoticed behind a proxy that points at the set one. It now stops and says why.
 */
describe("a MITRA_PORT that is in use", () => {
  const dir = mkdtempSync(join(tmpdir(), "mitra-port-"));
  let holder: Server | undefined;
  afterAll(async () => {
    await new Promise((resolve) => holder?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("stops Mitra with a message naming the port", async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder?.listen(0, "127.0.0.1", resolve));
    const address = holder.address();
    if (!address || typeof address === "string") throw new Error("no port");
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
      if (!key.startsWith("MITRA_")) env[key] = value;
    }
    Object.assign(env, {
      MITRA_DATABASE_URL: `sqlite:${join(dir, "mitra.sqlite")}`,
      MITRA_HOST: "127.0.0.1",
      MITRA_PORT: String(address.port),
    });
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve"], {
      cwd: repoRoot,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
    });
    child.stderr.on("data", (c: Buffer) => {
      out += c.toString();
    });
    // Before the fix it kept running on another port: never leave it behind.
    const stop = setTimeout(() => child.kill("SIGKILL"), 40_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    clearTimeout(stop);
    expect(code, out).toBe(1);
    expect(out).toContain(`port ${address.port} (MITRA_PORT) is in use`);
    expect(out).not.toMatch(/Mitra is running/);
  }, 60_000);
});
