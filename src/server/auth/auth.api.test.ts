import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

const pgReachable = await isPostgresReachable();

describe.each(engines)("accounts over HTTP on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  const client = () => new ApiClient(server.baseUrl);

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine, {
      config: {
        loginFailuresPerAccount: 3,
        loginFailuresPerAddress: 8,
        sessionTtlHours: 2,
        sessionIdleMinutes: 30,
      },
    });
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)("answers health with the engine in use", async () => {
    const res = await client().get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok", database: engine, version: expect.any(String) });
  });

  it.skipIf(skip)("registers, then knows who is signed in", async () => {
    const c = client();
    const email = `Ana-${crypto.randomUUID()}@Example.org`;
    const res = await c.post("/api/auth/register", {
      email,
      password: "tidal-forest-lamp-42",
      role: "patient",
      displayName: "Ana",
      timeZone: "Europe/Lisbon",
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email: email.toLowerCase(),
      role: "patient",
      displayName: "Ana",
      timeZone: "Europe/Lisbon",
    });
    expect(res.body.user).not.toHaveProperty("password_hash");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const me = await c.get("/api/me");
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(email.toLowerCase());
  });

  it.skipIf(skip)("refuses bad input with a 400 naming the field", async () => {
    const c = client();
    const badEmail = await c.post("/api/auth/register", {
      email: "not-an-email",
      password: "tidal-forest-lamp-42",
      role: "patient",
    });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.code).toBe("invalid_input");
    expect(badEmail.body.error.details.fields[0].field).toBe("body.email");

    const weak = await c.post("/api/auth/register", {
      email: `w-${crypto.randomUUID()}@example.org`,
      password: "short",
      role: "patient",
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.details.fields[0]).toEqual({
      field: "body.password",
      message: expect.stringMatching(/10 characters/),
    });

    const role = await c.post("/api/auth/register", {
      email: `r-${crypto.randomUUID()}@example.org`,
      password: "tidal-forest-lamp-42",
      role: "admin",
    });
    expect(role.status).toBe(400);
    expect(role.body.error.details.fields[0].field).toBe("body.role");

    const zone = await c.post("/api/auth/register", {
      email: `z-${crypto.randomUUID()}@example.org`,
      password: "tidal-forest-lamp-42",
      role: "patient",
      timeZone: "Mars/Olympus",
    });
    expect(zone.status).toBe(400);
    expect(zone.body.error.details.fields[0].field).toBe("body.timeZone");

    const notJson = await c.request("POST", "/api/auth/login", undefined, {
      "content-type": "application/json",
    });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBeTypeOf("string");
  });

  it.skipIf(skip)("refuses a second account with the same email", async () => {
    const first = client();
    const { email } = await first.register();
    const again = await client().post("/api/auth/register", {
      email,
      password: "another-long-pass-9",
      role: "patient",
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("email_taken");
  });

  it.skipIf(skip)("signs in, and answers a wrong password like an unknown email", async () => {
    const { email, password } = await client().register();
    const c = client();
    const ok = await c.post("/api/auth/login", { email: email.toUpperCase(), password });
    expect(ok.status).toBe(200);
    expect((await c.get("/api/me")).status).toBe(200);

    const wrong = await client().post("/api/auth/login", { email, password: "wrong-password-1" });
    const unknown = await client().post("/api/auth/login", {
      email: `nobody-${crypto.randomUUID()}@example.org`,
      password: "wrong-password-1",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it.skipIf(skip)("rate-limits sign-in per account with Retry-After", async () => {
    const { email, password } = await client().register();
    for (let i = 0; i < 3; i++) {
      const r = await client().post("/api/auth/login", { email, password: "wrong-password-1" });
      expect(r.status).toBe(401);
    }
    const blocked = await client().post("/api/auth/login", { email, password });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.body.error.code).toBe("rate_limited");
    server.clock.advance(16 * 60_000);
    const later = await client().post("/api/auth/login", { email, password });
    expect(later.status).toBe(200);
  });

  it.skipIf(skip)("rate-limits sign-in per address across accounts", async () => {
    server.clock.advance(60 * 60_000);
    for (let i = 0; i < 8; i++) {
      await client().post("/api/auth/login", {
        email: `spray-${i}-${crypto.randomUUID()}@example.org`,
        password: "wrong-password-1",
      });
    }
    const { email, password } = await client().register();
    const blocked = await client().post("/api/auth/login", { email, password });
    expect(blocked.status).toBe(429);
    server.clock.advance(16 * 60_000);
  });

  it.skipIf(skip)("signs out: the old cookie no longer works", async () => {
    const c = client();
    await c.register();
    const cookie = c.cookie;
    const out = await c.post("/api/auth/logout");
    expect(out.status).toBe(204);
    const replay = new ApiClient(server.baseUrl);
    replay.cookie = cookie;
    expect((await replay.get("/api/me")).status).toBe(401);
  });

  it.skipIf(skip)("expires a session after its lifetime", async () => {
    const c = client();
    await c.register();
    expect((await c.get("/api/me")).status).toBe(200);
    server.clock.advance(2 * 3_600_000 + 1000);
    const expired = await c.get("/api/me");
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe("unauthenticated");
  });

  it.skipIf(skip)("ends a session left unused for the idle time, not one in use", async () => {
    const used = client();
    await used.register();
    const idle = client();
    await idle.register();
    // Used every 20 minutes for an hour and a half: within the 2-hour lifetime, never idle.
    for (let i = 0; i < 4; i++) {
      server.clock.advance(20 * 60_000);
      expect((await used.get("/api/me")).status).toBe(200);
    }
    const ended = await idle.get("/api/me");
    expect(ended.status).toBe(401);
    expect(ended.body.error.code).toBe("unauthenticated");
    server.clock.advance(30 * 60_000);
    expect((await used.get("/api/me")).status).toBe(401);
  });

  it.skipIf(skip)("refuses a cookie-authenticated write without the CSRF token", async () => {
    const c = client();
    await c.register();
    const noToken = await c.request(
      "PATCH",
      "/api/me",
      { displayName: "X" },
      { "x-csrf-token": "" },
    );
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.code).toBe("csrf");
    const wrongToken = await c.request(
      "PATCH",
      "/api/me",
      { displayName: "X" },
      { "x-csrf-token": "a".repeat(32) },
    );
    expect(wrongToken.status).toBe(403);
    const crossSite = await c.request(
      "PATCH",
      "/api/me",
      { displayName: "X" },
      { origin: "https://evil.example" },
    );
    expect(crossSite.status).toBe(403);
    const ok = await c.patch("/api/me", { displayName: "X" });
    expect(ok.status).toBe(200);
    expect(ok.body.user.displayName).toBe("X");
  });

  it.skipIf(skip)("answers 401 without a session, and a JSON 404 for unknown routes", async () => {
    const c = client();
    const me = await c.get("/api/me");
    expect(me.status).toBe(401);
    expect(me.body.error).toMatchObject({ code: "unauthenticated", message: expect.any(String) });
    const missing = await c.get("/api/nothing-here");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
  });

  it.skipIf(skip)("publishes an OpenAPI document generated from the route schemas", async () => {
    const res = await client().get("/api/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const register = res.body.paths["/api/auth/register"].post;
    expect(register.requestBody.content["application/json"].schema.properties.role.enum).toEqual([
      "patient",
      "clinician",
    ]);
  });
});
