/**
 * The load generator's thread: keeps N keep-alive HTTP/1.1 connections busy, one request in flight
 * each, for a fixed time, and sends back every latency measured after the warm-up. Raw sockets
 * rather than fetch so that the client is not the bottleneck of a fast baseline.
 * Plain JavaScript: worker threads do not inherit the tsx loader on Node 20.
 */
import { connect } from "node:net";
import { parentPort, workerData } from "node:worker_threads";

/** @type {import("./http-load.ts").LoadJob} */
const job = workerData;
const DAY_MS = 86_400_000;

function bodyFor() {
  const takenAt = new Date(Date.now() - 60_000 - Math.random() * job.takenAtSpreadDays * DAY_MS);
  return job.bodyTemplate
    .replace("__ID__", crypto.randomUUID())
    .replace("__TAKEN_AT__", takenAt.toISOString());
}

/** @param {Record<string, string>} headers @param {string} body */
function requestBytes(headers, body) {
  const lines = [`POST ${job.path} HTTP/1.1`, `host: 127.0.0.1:${job.port}`];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  lines.push("content-type: application/json", `content-length: ${Buffer.byteLength(body)}`);
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}

/** @type {number[]} */
const latencies = [];
let requests = 0;
let errors = 0;
/** @type {string | undefined} */
let firstError;
const started = performance.now();
const measureFrom = started + job.warmupMs;
const stopAt = measureFrom + job.durationMs;

/** @param {Record<string, string>} headers @returns {Promise<void>} */
function runConnection(headers) {
  return new Promise((resolve, reject) => {
    const socket = connect(job.port, "127.0.0.1");
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let sentAt = 0;
    const send = () => {
      if (performance.now() >= stopAt) {
        socket.end();
        resolve();
        return;
      }
      sentAt = performance.now();
      socket.write(requestBytes(headers, bodyFor()));
    };
    socket.on("connect", send);
    socket.on("error", reject);
    socket.on("data", (chunk) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      const headerEnd = buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const head = buffer.subarray(0, headerEnd).toString("latin1");
      const length = Number(/content-length:\s*(\d+)/i.exec(head)?.[1] ?? Number.NaN);
      if (Number.isNaN(length)) {
        reject(new Error(`response without content-length: ${head}`));
        return;
      }
      if (buffer.length < headerEnd + 4 + length) return;
      const done = performance.now();
      const status = Number(head.slice(9, 12));
      if (sentAt >= measureFrom) {
        requests++;
        latencies.push(done - sentAt);
        if (status < 200 || status >= 300) {
          errors++;
          firstError ??= `${status} ${buffer.subarray(headerEnd + 4, headerEnd + 4 + length)}`;
        }
      }
      buffer = buffer.subarray(headerEnd + 4 + length);
      send();
    });
  });
}

await Promise.all(job.connections.map((headers) => runConnection(headers)));
/** @type {import("./http-load.ts").LoadResult} */
const result = {
  requests,
  errors,
  seconds: job.durationMs / 1000,
  latencies,
  ...(firstError !== undefined ? { firstError } : {}),
};
parentPort?.postMessage(result);
