import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

const pgReachable = await isPostgresReachable();

describe.each(engines)("guessing invitation codes on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine, {
      config: { loginFailuresPerAccount: 3, loginFailuresPerAddress: 5 },
    });
  });
  afterAll(async () => server?.close());

  async function invitation(): Promise<string> {
    const patient = new ApiClient(server.baseUrl);
    await patient.register();
    const res = await patient.post("/api/care/invitations", { scopes: ["doses"] });
    expect(res.status).toBe(201);
    return res.body.code;
  }

  it.skipIf(skip)("stops a clinician after 3 wrong codes, even with a right one", async () => {
    const code = await invitation();
    const clinician = new ApiClient(server.baseUrl);
    await clinician.register("clinician");
    for (const wrong of ["AAAA-AAAA", "BBBB-BBBB", "CCCC-CCCC"]) {
      expect((await clinician.post("/api/care/join", { code: wrong })).status).toBe(404);
    }
    const blocked = await clinician.post("/api/care/join", { code });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("rate_limited");
    expect(blocked.body.error.message).toMatch(/wrong invitation codes/);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    server.clock.advance(16 * 60_000);
    expect((await clinician.post("/api/care/join", { code })).status).toBe(201);
  });

  it.skipIf(skip)("counts wrong codes per address across clinicians", async () => {
    server.clock.advance(16 * 60_000);
    const code = await invitation();
    for (let i = 0; i < 5; i++) {
      const clinician = new ApiClient(server.baseUrl);
      await clinician.register("clinician");
      expect((await clinician.post("/api/care/join", { code: `DDDD-DDD${i}` })).status).toBe(404);
    }
    const fresh = new ApiClient(server.baseUrl);
    await fresh.register("clinician");
    expect((await fresh.post("/api/care/join", { code })).status).toBe(429);
  });

  it.skipIf(skip)("does not count a malformed code or a right one", async () => {
    server.clock.advance(16 * 60_000);
    const clinician = new ApiClient(server.baseUrl);
    await clinician.register("clinician");
    for (let i = 0; i < 4; i++) {
      expect((await clinician.post("/api/care/join", { code: "nope" })).status).toBe(400);
    }
    for (let i = 0; i < 4; i++) {
      expect((await clinician.post("/api/care/join", { code: await invitation() })).status).toBe(
        201,
      );
    }
  });
});
