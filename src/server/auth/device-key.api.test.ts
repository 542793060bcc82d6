import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

describe.each(engines)("the device key for entries kept offline (%s)", (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    if (engine === "postgres" && !(await isPostgresReachable())) return;
    server = await startTestServer(engine);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("is one person's alone, the same on every device they sign in on", async (ctx) => {
    if (!server) return ctx.skip();
    const phone = new ApiClient(server.baseUrl);
    const person = await phone.register("patient");
    const laptop = new ApiClient(server.baseUrl);
    expect(
      (await laptop.post("/api/auth/login", { email: person.email, password: person.password }))
        .status,
    ).toBe(200);
    const other = new ApiClient(server.baseUrl);
    await other.register("patient");

    const onPhone = await phone.get("/api/me/device-key");
    expect(onPhone.status).toBe(200);
    expect(onPhone.headers.get("cache-control")).toContain("no-store");
    expect(Buffer.from(onPhone.body.key, "base64url")).toHaveLength(32);
    expect((await laptop.get("/api/me/device-key")).body.key).toBe(onPhone.body.key);
    expect((await other.get("/api/me/device-key")).body.key).not.toBe(onPhone.body.key);
    expect((await new ApiClient(server.baseUrl).get("/api/me/device-key")).status).toBe(401);
  });
});
