import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { PoolStatistics } from "../../db/connection.ts";
import type { App } from "../context.ts";

const labelNames = ["method", "route", "status_code"] as const;

/**
 * Prometheus metrics at GET /metrics (MITRA_METRICS=true; otherwise the route does not exist):
 * requests and their latency per route pattern (never the concrete URL, which holds ids), the
 * PostgreSQL pool's connections, and Node's own (event-loop delay, heap, GC, CPU). A registry of
 * its own per app, so several apps in one process (tests) do not share counters.
 */
export function installMetrics(app: App, pool: PoolStatistics | undefined): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "mitra_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "mitra_http_request_duration_seconds",
    help: "Time from receiving a request to sending its answer, by route pattern",
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  if (pool) {
    new Gauge({
      name: "mitra_db_pool_connections",
      help: "PostgreSQL pool connections: total open, idle, and requests waiting for one",
      labelNames: ["state"],
      registers: [registry],
      collect() {
        this.set({ state: "total" }, pool.totalCount);
        this.set({ state: "idle" }, pool.idleCount);
        this.set({ state: "waiting" }, pool.waitingCount);
      },
    });
  }

  app.addHook("onResponse", async (request, reply) => {
    const labels = {
      method: request.method,
      // Unknown paths and the web app's pages share one label instead of one per URL.
      route: request.routeOptions.url ?? "(no route)",
      status_code: String(reply.statusCode),
    };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });

  app.get("/metrics", { schema: { hide: true } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
