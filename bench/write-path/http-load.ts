import { Worker } from "node:worker_threads";

/** One load phase: POST bodies to one path over keep-alive connections for a fixed time. */
export interface LoadJob {
  port: number;
  path: string;
  /** One entry per connection: the headers it sends (cookie, CSRF token). */
  connections: Record<string, string>[];
  /** A JSON body; `__ID__` becomes a fresh uuid and `__TAKEN_AT__` a past time per request. */
  bodyTemplate: string;
  /** `__TAKEN_AT__` falls uniformly within this many days before now. */
  takenAtSpreadDays: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  /** Milliseconds of each request answered after the warm-up. */
  latencies: number[];
  firstError?: string;
}

export interface LoadFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  firstError?: string;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/**
 * Runs a load phase in a worker thread (the server keeps the main thread to itself) and
 * summarises it; `during` is called every 200 ms while the load runs (memory sampling).
 */
export async function runLoad(job: LoadJob, during: () => void = () => {}): Promise<LoadFigures> {
  const worker = new Worker(new URL("./load-worker.mjs", import.meta.url), {
    workerData: job,
  });
  const sampler = setInterval(during, 200);
  try {
    const result = await new Promise<LoadResult>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`load worker exited with ${code}`)));
    });
    const sorted = result.latencies.sort((a, b) => a - b);
    return {
      requestsPerSecond: result.requests / result.seconds,
      p50Ms: percentile(sorted, 50),
      p99Ms: percentile(sorted, 99),
      requests: result.requests,
      errors: result.errors,
      ...(result.firstError !== undefined ? { firstError: result.firstError } : {}),
    };
  } finally {
    clearInterval(sampler);
    await worker.terminate();
  }
}
