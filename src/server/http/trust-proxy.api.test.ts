import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { loadConfig } from "../config.ts";

/**
 * Behind a proxy, the client address is the one the proxy added to X-Forwarded-For, never the
 * leftmost entry, which the client writes (issue 12): the per-address sign-in limit and the audit
 * log must see the real address. The test's requests come from 127.0.0.1, standing for the proxy.
 */
describe.each([
  ["true (one hop)", "true"],
  ["a hop count", "1"],
  ["the proxy's address", "127.0.0.1"],
])("MITRA_TRUST_PROXY as %s", (_name, value) => {
  let server: TestServer;
  beforeAll(async () => {
    const { trustProxy } = loadConfig({ MITRA_TRUST_PROXY: value });
    server = await startTestServer("sqlite", {
      config: { trustProxy, loginFailuresPerAddress: 3 },
    });
  });
  afterAll(async () => server?.close());

  /** A sign-in through the proxy by a client at 203.0.113.9 that forges a first entry. */
  const signIn = (forged: string) =>
    new ApiClient(server.baseUrl).request(
      "POST",
      "/api/auth/login",
      { email: `spray-${crypto.randomUUID()}@example.org`, password: "wrong-password-1" },
      { "x-forwarded-for": `${forged}, 203.0.113.9` },
    );

  it("limits the real client address, whatever it forges", async () => {
    for (let i = 1; i <= 3; i++) expect((await signIn(`198.51.100.${i}`)).status).toBe(401);
    const blocked = await signIn("198.51.100.99");
    expect(blocked.status).toBe(429);
  });

  it("records the real client address in the audit log", async () => {
    const c = new ApiClient(server.baseUrl);
    await c.request(
      "POST",
      "/api/auth/register",
      {
        email: `audit-${crypto.randomUUID()}@example.org`,
        password: "tidal-forest-lamp-42",
        role: "patient",
      },
      { "x-forwarded-for": "198.51.100.7, 203.0.113.10" },
    );
    const rows = await server.database.db
      .selectFrom("audit_log")
      .select("address")
      .where("action", "=", "register")
      .execute();
    expect(rows.map((r) => r.address)).toContain("203.0.113.10");
    expect(rows.map((r) => r.address)).not.toContain("198.51.100.7");
  });
});
