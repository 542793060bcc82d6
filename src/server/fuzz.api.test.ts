import { request as httpRequest } from "node:http";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type JsonSchema,
  nastyValue,
  oddPathSegment,
  percentEncode,
  rawBody,
  schemaArbitrary,
} from "../testing/fuzz-arbitraries.ts";
import { ApiClient, startTestServer, type TestServer } from "../testing/test-server.ts";

/**
 * Sends generated requests to every operation in /api/openapi.json and fails on any 5xx, and on
 * any 4xx whose body is not `{ error: { code, message, details } }`.
 */

/** Total time spent fuzzing, shared evenly between operations. */
const FUZZ_BUDGET_MS = 25_000;
/** Cases per operation when time allows. */
const RUNS_PER_OPERATION = 150;
/** Cases every operation gets, however slow it or the machine is. */
const MIN_CASES = 10;
/** The least time an operation gets, even when the budget is spent. */
const MIN_OPERATION_MS = 1_500;

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: JsonSchema;
}

interface FuzzRequest {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string | undefined;
  who: Who;
}

type Who = "patient" | "clinician" | "anonymous";

interface Session {
  cookie: string;
  csrfToken: string;
}

/** Routes that would end or replace the session that sent them: fuzzed without one. */
const sessionEnding = new Set([
  "POST /api/auth/logout",
  "POST /api/auth/login",
  "POST /api/auth/register",
  "DELETE /api/me",
  "POST /api/auth/logout-everywhere",
  "POST /api/me/password",
]);

function operationsOf(openapi: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = (op.requestBody as { content?: Record<string, { schema?: JsonSchema }> })
        ?.content;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: (op.parameters as Parameter[] | undefined) ?? [],
        body: content?.["application/json"]?.schema,
      });
    }
  }
  return operations;
}

const asText = (value: unknown): string =>
  typeof value === "string" ? value : (JSON.stringify(value) ?? "undefined");

function pathArbitrary(op: Operation, odd = true): fc.Arbitrary<string> {
  const names = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? "");
  const values = names.map((name) => {
    const schema = op.parameters.find((p) => p.in === "path" && p.name === name)?.schema ?? {};
    const valid = schemaArbitrary(schema, false).map((v) => percentEncode(asText(v)));
    return odd
      ? fc.oneof({ weight: 2, arbitrary: valid }, { weight: 3, arbitrary: oddPathSegment })
      : valid;
  });
  return fc
    .tuple(...values)
    .map((segments) =>
      names.reduce((path, name, i) => path.replace(`{${name}}`, segments[i] ?? ""), op.path),
    );
}

function queryArbitrary(op: Operation): fc.Arbitrary<string> {
  const params = op.parameters.filter((p) => p.in === "query");
  const shaped = fc.record(
    Object.fromEntries(
      params.map((p) => [
        p.name,
        fc.oneof(
          { weight: 3, arbitrary: schemaArbitrary(p.schema ?? {}, true) },
          { weight: 1, arbitrary: nastyValue },
        ),
      ]),
    ),
    { requiredKeys: [] },
  );
  const random = fc.dictionary(fc.string({ maxLength: 10 }), nastyValue, { maxKeys: 4 });
  const encode = (entries: Record<string, unknown>) =>
    Object.entries(entries)
      .flatMap(([key, value]) =>
        Array.isArray(value) && value.length < 5
          ? value.map((v) => `${percentEncode(key)}=${percentEncode(asText(v))}`)
          : [`${percentEncode(key)}=${percentEncode(asText(value))}`],
      )
      .join("&");
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant("") },
    { weight: 5, arbitrary: shaped.map(encode) },
    { weight: 2, arbitrary: random.map(encode) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "a[b]=1&a[c]=2",
        "=&&=&",
        "%zz=%zz",
        "from=%00",
        "x=1&x=2&x=3",
        `x=${"9".repeat(400)}`,
        "__proto__[a]=1",
        "constructor[prototype][a]=1",
      ),
    },
  );
}

const contentTypes = fc.oneof(
  { weight: 12, arbitrary: fc.constant("application/json") },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "application/json; charset=utf-8",
      "application/json; charset=latin1",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonx",
      "application/merge-patch+json",
      "*/*",
      "",
      "application/json, text/plain",
      ";;;",
    ),
  },
);

const printable = fc
  .string({ unit: "binary-ascii", maxLength: 60 })
  .map((s) => s.replace(/[^\x20-\x7e]/g, ""));

const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    accept: fc.constantFrom("*/*", "text/html", "application/xml", "", "application/json;q=0"),
    "accept-language": printable,
    "x-forwarded-for": fc.constantFrom("1.2.3.4", "not-an-ip", "::1, 10.0.0.1", "", "a, b, c"),
    "x-forwarded-proto": fc.constantFrom("https", "http", "gopher", ""),
    origin: fc.oneof(fc.constantFrom("http://evil.example", "null", "::::", "http://"), printable),
    "x-csrf-token": fc.oneof(fc.constant(""), printable),
    "x-fuzz": printable,
  },
  { requiredKeys: [] },
);

function requestArbitrary(op: Operation): fc.Arbitrary<FuzzRequest> {
  const key = `${op.method} ${op.path}`;
  const who: fc.Arbitrary<Who> = sessionEnding.has(key)
    ? fc.constant("anonymous")
    : fc.constantFrom<Who>("patient", "patient", "clinician", "anonymous");
  const method = fc.oneof(
    { weight: 15, arbitrary: fc.constant(op.method) },
    { weight: 1, arbitrary: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS") },
  );
  const bodies: fc.Arbitrary<string | undefined>[] = [
    fc.constant(undefined),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    nastyValue.map((v) => asText(JSON.stringify(v))),
    rawBody,
  ];
  const body = op.body
    ? fc.oneof(
        {
          weight: 6,
          arbitrary: schemaArbitrary(op.body, true).map((v) => asText(JSON.stringify(v))),
        },
        {
          weight: 2,
          arbitrary: schemaArbitrary(op.body, false).map((v) => asText(JSON.stringify(v))),
        },
        ...bodies.map((arbitrary) => ({ weight: 1, arbitrary })),
      )
    : fc.oneof(...bodies);
  const messy = fc
    .record({
      method,
      path: pathArbitrary(op),
      query: queryArbitrary(op),
      contentType: fc.option(contentTypes, { freq: 8 }),
      headers: fc.option(extraHeaders, { freq: 2 }),
      body,
      who,
    })
    .map((r) => {
      const headers: Record<string, string> = { ...(r.headers ?? {}) };
      if (r.contentType !== null) headers["content-type"] = r.contentType;
      const noBody = r.method === "GET" || r.method === "HEAD";
      return {
        method: r.method,
        path: r.path,
        query: r.query,
        headers,
        body: noBody ? undefined : r.body,
        who: r.who,
      };
    });
  // Well-formed requests with schema-shaped bodies, so handlers (not only validation) are reached.
  const wellFormed = fc
    .record({
      path: pathArbitrary(op, false),
      query: queryArbitrary(op),
      body: op.body
        ? schemaArbitrary(op.body, false).map((v) => asText(JSON.stringify(v)))
        : fc.constant(undefined),
      who,
    })
    .map((r) => ({
      method: op.method,
      path: r.path,
      query: r.query,
      headers: (r.body === undefined ? {} : { "content-type": "application/json" }) as Record<
        string,
        string
      >,
      body: op.method === "GET" ? undefined : r.body,
      who: r.who,
    }));
  return fc.oneof({ weight: 2, arbitrary: messy }, { weight: 1, arbitrary: wellFormed });
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

function problemWith(answer: Answer): string | undefined {
  if (answer.status >= 500) return `server error ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (answer.status < 400) return undefined;
  if (!answer.contentType.includes("application/json"))
    return `${answer.status} is not JSON (${answer.contentType}): ${answer.text.slice(0, 200)}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    return `${answer.status} body is not valid JSON: ${answer.text.slice(0, 200)}`;
  }
  const error = (parsed as { error?: Record<string, unknown> } | null)?.error;
  const shaped =
    typeof error === "object" &&
    error !== null &&
    typeof error.code === "string" &&
    typeof error.message === "string" &&
    typeof error.details === "object" &&
    error.details !== null &&
    !Array.isArray(error.details);
  return shaped
    ? undefined
    : `${answer.status} not in the error shape: ${answer.text.slice(0, 200)}`;
}

describe("fuzzing every operation in the OpenAPI document (SQLite)", () => {
  let server: TestServer;
  const sessions: Record<Exclude<Who, "anonymous">, Session> = {
    patient: { cookie: "", csrfToken: "" },
    clinician: { cookie: "", csrfToken: "" },
  };

  async function signIn(role: Exclude<Who, "anonymous">): Promise<void> {
    const client = new ApiClient(server.baseUrl);
    await client.register(role);
    const me = await client.get("/api/me");
    sessions[role] = {
      cookie: client.cookie ?? "",
      csrfToken: me.body.csrfToken ?? client.csrfToken,
    };
  }

  async function stillSignedIn(role: Exclude<Who, "anonymous">): Promise<boolean> {
    const res = await fetch(`${server.baseUrl}/api/me`, {
      headers: { cookie: sessions[role].cookie },
    });
    await res.arrayBuffer();
    return res.status === 200;
  }

  async function send(req: FuzzRequest): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (req.who !== "anonymous") {
      const session = sessions[req.who];
      headers.cookie = session.cookie;
      headers["x-csrf-token"] = session.csrfToken;
    }
    Object.assign(headers, req.headers);
    const url = `${server.baseUrl}${req.path}${req.query ? `?${req.query}` : ""}`;
    const res = await fetch(url, { method: req.method, headers, body: req.body });
    return {
      status: res.status,
      contentType: res.headers.get("content-type") ?? "",
      text: await res.text(),
    };
  }

  beforeAll(async () => {
    server = await startTestServer("sqlite");
    await signIn("patient");
    await signIn("clinician");
  });
  afterAll(async () => server?.close());

  it("answers every generated request with a 2xx/3xx or a 4xx in the error shape", async () => {
    const openapi = await (await fetch(`${server.baseUrl}/api/openapi.json`)).json();
    const operations = operationsOf(openapi);
    expect(operations.length).toBeGreaterThan(20);

    const started = Date.now();
    const failures: string[] = [];
    const casesPerOperation: Record<string, number> = {};
    let cases = 0;
    const statuses: Record<string, number> = {};
    let reSignIns = 0;

    for (const [index, op] of operations.entries()) {
      // Time left is shared by the operations left, so slack from fast ones goes to slow ones
      // (sign-in hashes passwords); each gets at least a floor so it sees enough cases.
      const remainingMs = FUZZ_BUDGET_MS - (Date.now() - started);
      const perOperationMs = Math.max(remainingMs / (operations.length - index), MIN_OPERATION_MS);
      const key = `${op.method} ${op.path}`;
      casesPerOperation[key] = 0;
      const property = fc.asyncProperty(requestArbitrary(op), async (req) => {
        const answer = await send(req);
        cases++;
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        casesPerOperation[key] = (casesPerOperation[key] ?? 0) + 1;
        const problem = problemWith(answer);
        if (problem) throw new Error(problem);
      });
      // Every operation sees MIN_CASES whatever the machine's speed (a slow PDF on a busy
      // machine must not starve), then as many more as its share of the budget allows.
      let details = await fc.check(property, { numRuns: MIN_CASES, endOnFailure: true });
      if (!details.failed) {
        details = await fc.check(property, {
          numRuns: RUNS_PER_OPERATION - MIN_CASES,
          interruptAfterTimeLimit: perOperationMs,
          endOnFailure: true,
        });
      }
      if (details.failed) {
        const req = details.counterexample?.[0];
        const shown = JSON.stringify(req ?? null, (_k, v) =>
          typeof v === "string" && v.length > 120 ? `${v.slice(0, 120)}…(${v.length})` : v,
        );
        failures.push(
          `${key}: ${String(details.errorInstance)}\n  request: ${shown}\n  seed: ${details.seed}`,
        );
      }
      for (const role of ["patient", "clinician"] as const) {
        if (!(await stillSignedIn(role))) {
          reSignIns++;
          await signIn(role);
        }
      }
    }

    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(
      `fuzz: ${cases} cases over ${operations.length} operations in ${seconds} s; re-sign-ins: ${reSignIns}; statuses ${JSON.stringify(statuses)}`,
    );
    expect(failures).toEqual([]);
    // Every operation got a fair share of the time budget, not just the first ones.
    for (const [key, count] of Object.entries(casesPerOperation)) {
      expect(count, key).toBeGreaterThanOrEqual(MIN_CASES);
    }
    expect(reSignIns).toBe(0);
  }, 180_000);

  // Requests the first fuzz runs found answered with a 500 or outside the error shape.
  it.each([
    ["an Origin that is not a URL", "POST", "/api/plans", { origin: "null" }, 403],
    ["a path that does not decode", "GET", "/api/plans/%ff%fe", {}, 400],
    ["a path parameter over the length limit", "GET", `/api/plans/${"x".repeat(5000)}`, {}, 414],
    ["a 20 kB query string", "GET", `/api/plans?x=${"y".repeat(20_000)}`, {}, 431],
  ] as const)("answers %s in the error shape", async (_what, method, path, headers, status) => {
    const answer = await send({
      method,
      path,
      query: "",
      headers: { "content-type": "application/json", ...headers },
      body: method === "GET" ? undefined : "{}",
      who: "patient",
    });
    expect(answer.status).toBe(status);
    expect(problemWith(answer)).toBeUndefined();
  });

  it("refuses a 2 MB body with 413 in the error shape", async () => {
    const body = JSON.stringify({ email: "a@example.org", password: "x".repeat(2 * 1024 * 1024) });
    for (const who of ["anonymous", "patient"] as const) {
      const answer = await send({
        method: "POST",
        path: who === "anonymous" ? "/api/auth/register" : "/api/ingestions",
        query: "",
        headers: { "content-type": "application/json" },
        body,
        who,
      });
      expect(answer.status, who).toBe(413);
      expect(problemWith(answer)).toBeUndefined();
      expect(JSON.parse(answer.text).error.code).toBe("payload_too_large");
    }
  });

  it("refuses an oversized body from its Content-Length, before reading it", async () => {
    const url = new URL(`${server.baseUrl}/api/auth/register`);
    // Announce 2 MB but send only a few bytes and keep the request open: an early refusal
    // answers now; a server that waited for the body would time out.
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "content-length": String(2 * 1024 * 1024),
          },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (chunk) => {
            text += chunk;
          });
          res.on("end", () => {
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers["content-type"] ?? ""),
              text,
            });
            req.destroy();
          });
        },
      );
      req.on("error", reject);
      req.setTimeout(5_000, () => reject(new Error("no answer before the body was sent")));
      req.write('{"email":');
    });
    expect(answer.status).toBe(413);
    expect(problemWith(answer)).toBeUndefined();
  });
});
