import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/connection.ts";
import { ApiClient } from "../../testing/test-server.ts";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import type { App } from "../context.ts";

/**
 * A PostgreSQL that accepts connections and never answers (issue 12): a local listener stands in
 * for it. Health must say so quickly, and other requests must fail rather than hang.
 */
describe("a database that never answers", () => {
  let silent: Server;
  const sockets: Socket[] = [];
  let app: App;
  let baseUrl: string;

  beforeAll(async () => {
    silent = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const address = silent.address();
    if (!address || typeof address === "string") throw new Error("no port");
    const database = await openDatabase({
      engine: "postgres",
      target: `postgres://postgres@127.0.0.1:${address.port}/test`,
    });
    app = await buildApp({
      config: { ...loadConfig({}), logLevel: "silent" },
      database,
      webRoot: "/nonexistent",
      logger: false,
    });
    baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app?.close();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent?.close(resolve));
  });

  it("answers health with 503 within 2 seconds", async () => {
    const started = performance.now();
    const res = await new ApiClient(baseUrl).get("/api/health");
    const took = performance.now() - started;
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ status: "degraded", database: "postgres" });
    expect(took).toBeLessThan(2000);
    expect(sockets.length).toBeGreaterThan(0);
  });

  it("answers other requests with 503 once the connection times out", async () => {
    const res = await new ApiClient(baseUrl).post("/api/auth/login", {
      email: "someone@example.org",
      password: "tidal-forest-lamp-42",
    });
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe("database_unavailable");
  });
});
