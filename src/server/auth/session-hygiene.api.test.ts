import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-databases.ts";
import { ApiClient } from "../../testing/test-server.ts";
import { buildApp } from "../app.ts";
import { loadConfig } from "../config.ts";
import type { App } from "../context.ts";
import { loggerOptions } from "../http/logger-options.ts";
import { SESSION_COOKIE } from "./session.ts";

/**
 * Session fixation, cookie flags and secrets kept out of the log, on a real server whose request
 * log is the production one (same options, level trace) written to memory.
 */

const logLines: string[] = [];
let app: App;
let database: TestDatabase;
let baseUrl: string;

const sessionToken = (setCookie: string | null): string | undefined =>
  setCookie?.match(new RegExp(`${SESSION_COOKIE}=([^;]*)`))?.[1];

beforeAll(async () => {
  database = await createTestDatabase("sqlite");
  const config = { ...loadConfig({}), logLevel: "trace" as const };
  app = await buildApp({
    config,
    database,
    webRoot: "/nonexistent",
    logger: loggerOptions(config, { write: (line: string) => void logLines.push(line) }),
  });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  baseUrl = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

describe("sessions", () => {
  it("sets the session cookie HttpOnly, SameSite=Lax, for the whole site, not Secure over HTTP", async () => {
    const client = new ApiClient(baseUrl);
    const res = await client.request("POST", "/api/auth/register", {
      email: `flags-${crypto.randomUUID()}@example.org`,
      password: "tidal-forest-lamp-42",
      role: "patient",
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//);
    expect(cookie).toMatch(/;\s*Max-Age=604800/);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    // The token is not in the body, where script could read it.
    expect(JSON.stringify(res.body)).not.toContain(sessionToken(cookie));
  });

  it("never adopts a session id chosen by someone else (fixation)", async () => {
    const owner = new ApiClient(baseUrl);
    const { email, password } = await owner.register();
    const planted = "attacker-chosen-session-id-0123456789abcdefghij";
    const victim = new ApiClient(baseUrl);
    victim.cookie = `${SESSION_COOKIE}=${planted}`;
    expect((await victim.get("/api/me")).status).toBe(401);
    const login = await victim.post("/api/auth/login", { email, password });
    expect(login.status).toBe(200);
    const issued = sessionToken(login.headers.get("set-cookie"));
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    const attacker = new ApiClient(baseUrl);
    attacker.cookie = `${SESSION_COOKIE}=${planted}`;
    expect((await attacker.get("/api/me")).status).toBe(401);
    expect((await victim.get("/api/me")).status).toBe(200);
  });

  it("replaces a live session on sign-in: the old token stops working", async () => {
    const client = new ApiClient(baseUrl);
    const { email, password } = await client.register();
    const before = client.cookie;
    expect((await client.get("/api/me")).status).toBe(200);
    const login = await client.post("/api/auth/login", { email, password });
    expect(login.status).toBe(200);
    expect(client.cookie).toBeDefined();
    expect(client.cookie).not.toBe(before);
    const stale = new ApiClient(baseUrl);
    stale.cookie = before;
    expect((await stale.get("/api/me")).status).toBe(401);
    expect((await client.get("/api/me")).status).toBe(200);
  });

  it("clears the cookie on sign-out and refuses the token afterwards", async () => {
    const client = new ApiClient(baseUrl);
    await client.register();
    const token = client.cookie;
    const out = await client.post("/api/auth/logout");
    expect(out.status).toBeLessThan(300);
    const cleared = out.headers.get("set-cookie") ?? "";
    expect(cleared).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/);
    const replay = new ApiClient(baseUrl);
    replay.cookie = token;
    expect((await replay.get("/api/me")).status).toBe(401);
  });
});

describe("the request log", () => {
  it("holds requests but never a password, session token, CSRF token or invitation code", async () => {
    logLines.length = 0;
    const patient = new ApiClient(baseUrl);
    const { email, password } = await patient.register();
    const wrong = "wrong-password-lamp-99";
    expect((await patient.post("/api/auth/login", { email, password: wrong })).status).toBe(401);
    const login = await patient.post("/api/auth/login", { email, password });
    expect(login.status).toBe(200);
    const secrets = [password, wrong, sessionToken(login.headers.get("set-cookie"))];
    secrets.push(patient.csrfToken);
    const invitation = await patient.post("/api/care/invitations", { scopes: ["doses"] });
    expect(invitation.status).toBe(201);
    secrets.push(invitation.body.code);
    const clinician = new ApiClient(baseUrl);
    const clinicianAccount = await clinician.register("clinician");
    secrets.push(clinicianAccount.password, clinician.cookie?.split("=")[1], clinician.csrfToken);
    expect((await clinician.post("/api/care/join", { code: invitation.body.code })).status).toBe(
      201,
    );
    // A request that fails validation, and one with a bad CSRF token, are logged too.
    expect((await patient.post("/api/auth/login", { email, password: 42 })).status).toBe(400);
    const forged = await patient.request(
      "POST",
      "/api/care/invitations",
      { scopes: ["doses"] },
      {
        "x-csrf-token": "forged-token-value-should-not-leak",
      },
    );
    expect(forged.status).toBe(403);
    expect((await patient.post("/api/auth/logout")).status).toBeLessThan(300);

    const log = logLines.join("");
    expect(logLines.length).toBeGreaterThan(10);
    expect(log).toContain("/api/auth/login");
    expect(log).toContain("/api/care/join");
    const present = secrets.filter((s): s is string => typeof s === "string" && s.length >= 8);
    expect(present.length).toBe(secrets.length);
    for (const secret of present) expect(log).not.toContain(secret);
    expect(log).not.toContain("forged-token-value-should-not-leak");
    expect(log.toLowerCase()).not.toContain('"password"');
  });
});
