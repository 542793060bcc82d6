import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

describe("security headers", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite", { config: { trustProxy: 1 } });
  });
  afterAll(async () => server?.close());

  it("sends a CSP without inline scripts, and refuses framing", async () => {
    const res = await new ApiClient(server.baseUrl).get("/api/health");
    const csp = res.headers.get("content-security-policy") ?? "";
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc.trim()).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(res.headers.get("strict-transport-security")).toBeNull();
  });

  it("adds HSTS and Secure cookies behind an HTTPS proxy", async () => {
    const client = new ApiClient(server.baseUrl);
    const res = await client.request(
      "POST",
      "/api/auth/register",
      {
        email: `hsts-${crypto.randomUUID()}@example.org`,
        password: "tidal-forest-lamp-42",
        role: "patient",
      },
      { "x-forwarded-proto": "https" },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
    expect(res.headers.get("set-cookie")).toMatch(/;\s*Secure/i);
  });

  it("marks answers about a signed-in person no-store", async () => {
    const client = new ApiClient(server.baseUrl);
    await client.register();
    expect((await client.get("/api/me")).headers.get("cache-control")).toBe("no-store");
    expect((await client.get("/api/ingestions")).headers.get("cache-control")).toBe("no-store");
  });

  it("checks the Origin of a write whose path is percent-encoded", async () => {
    const res = await new ApiClient(server.baseUrl).request(
      "POST",
      "/%61pi/auth/register",
      {
        email: `enc-${crypto.randomUUID()}@example.org`,
        password: "tidal-forest-lamp-42",
        role: "patient",
      },
      { origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("cross_origin");
  });
});
