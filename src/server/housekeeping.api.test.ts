import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, isPostgresReachable } from "../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../testing/test-server.ts";
import { pruneExpired } from "./housekeeping.ts";

const pgReachable = await isPostgresReachable();

describe.each(engines)("housekeeping on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine, {
      config: { sessionTtlHours: 2, loginWindowMinutes: 15, loginFailuresPerAccount: 50 },
    });
  });
  afterAll(async () => server?.close());

  const count = async (table: "sessions" | "login_failures") =>
    Number(
      (
        await server.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it.skipIf(skip)("removes expired sessions and old failures, keeps live ones", async () => {
    const old = new ApiClient(server.baseUrl);
    const { email } = await old.register();
    await new ApiClient(server.baseUrl).post("/api/auth/login", { email, password: "nope-nope-1" });
    server.clock.advance(3 * 3_600_000);
    const live = new ApiClient(server.baseUrl);
    await live.register();
    await new ApiClient(server.baseUrl).post("/api/auth/login", { email, password: "nope-nope-2" });
    expect(await count("sessions")).toBe(2);
    // Two failed sign-ins, each under the account and the address, and two sign-ups (counted per
    // address).
    expect(await count("login_failures")).toBe(6);

    await pruneExpired(server.app);

    expect(await count("sessions")).toBe(1);
    // The old failure under the account stays for 24 hours (sign-in waits grow with it).
    expect(await count("login_failures")).toBe(4);
    expect((await live.get("/api/me")).status).toBe(200);
    expect((await old.get("/api/me")).status).toBe(401);

    server.clock.advance(21 * 3_600_000);
    await pruneExpired(server.app);
    // Left: the newer failure under the account, 21 hours old.
    expect(await count("login_failures")).toBe(1);
  });
});
