import { afterEach, describe, expect, it } from "vitest";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { loadConfig } from "../config.ts";

/** The value of one sample line (`name{labels} value`) in Prometheus' text format. */
function sample(text: string, name: string, labels: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(" ") + 1));
}

describe("GET /metrics", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("is off by default (MITRA_METRICS unset): 404 in the error shape", async () => {
    expect(loadConfig({}).metrics).toBe(false);
    server = await startTestServer("sqlite");
    const res = await new ApiClient(server.baseUrl).get("/metrics");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });

  it.each(engines)("counts requests per route pattern with their latency on %s", async (engine) => {
    if (engine === "postgres" && !(await isPostgresReachable())) return;
    server = await startTestServer(engine, { config: loadConfig({ MITRA_METRICS: "true" }) });
    const client = new ApiClient(server.baseUrl);
    for (let i = 0; i < 3; i++) expect((await client.get("/api/health")).status).toBe(200);
    await client.register("patient");
    const unknownId = crypto.randomUUID();
    expect((await client.get(`/api/plans/${unknownId}`)).status).toBe(404);

    const res = await fetch(`${server.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    const health = 'method="GET",route="/api/health",status_code="200"';
    expect(sample(text, "mitra_http_requests_total", health)).toBe(3);
    expect(sample(text, "mitra_http_request_duration_seconds_count", health)).toBe(3);
    expect(sample(text, "mitra_http_request_duration_seconds_sum", health)).toBeGreaterThan(0);
    expect(
      sample(text, "mitra_http_requests_total", 'route="/api/auth/register",status_code="201"'),
    ).toBe(1);
    // Route patterns, never concrete URLs (which carry ids).
    expect(text).not.toContain(unknownId);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
    if (engine === "postgres") {
      expect(sample(text, "mitra_db_pool_connections", 'state="total"')).toBeGreaterThanOrEqual(1);
      expect(sample(text, "mitra_db_pool_connections", 'state="waiting"')).toBe(0);
    } else {
      expect(text).not.toContain("mitra_db_pool_connections");
    }
  });
});
