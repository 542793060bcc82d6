import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

const pgReachable = await isPostgresReachable();

/**
 * Guesses sent all at once (issue 12): each attempt is counted before its password or code is
 * checked, so no burst gets more guesses through than the limit.
 */
describe.each(engines)("throttling bursts of guesses on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  const client = () => new ApiClient(server.baseUrl);
  const statuses = (answers: { status: number }[]) => {
    const counts: Record<number, number> = {};
    for (const { status } of answers) counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  };
  /**
   * Sends `guess` one at a time until refused; returns how many were checked (not 429). A burst
   * may refuse more than it must (all its attempts counted at once); with these, the number of
   * guesses checked in all is exactly the limit.
   */
  async function guessesUntilRefused(guess: () => Promise<{ status: number }>) {
    for (let checked = 0; checked < 200; checked++) {
      if ((await guess()).status === 429) return checked;
    }
    throw new Error("never refused");
  }

  // The default limits: 5 per account, 30 per address, within 15 minutes, then waits from 30 s.
  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)(
    "checks no more than 5 wrong passwords, 100 sent at once and more after",
    async () => {
      const { email, password } = await client().register();
      const burst = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          client().post("/api/auth/login", { email, password: `wrong-password-${i}` }),
        ),
      );
      const counts = statuses(burst);
      expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(100);
      const more = await guessesUntilRefused(() =>
        client().post("/api/auth/login", { email, password: "wrong-password-x" }),
      );
      expect((counts[401] ?? 0) + more).toBe(5);
      // No lock-out: the owner waits 30 s, not the whole window, then the password works.
      const right = await client().post("/api/auth/login", { email, password });
      expect(right.status).toBe(429);
      expect(right.body.error.code).toBe("rate_limited");
      expect(right.headers.get("retry-after")).toBe("30");
      server.clock.advance(29_000);
      expect((await client().post("/api/auth/login", { email, password })).status).toBe(429);
      server.clock.advance(1_000);
      expect((await client().post("/api/auth/login", { email, password })).status).toBe(200);
    },
  );

  it.skipIf(skip)(
    "doubles the wait with each failure past the limit, up to the window",
    async () => {
      server.clock.advance(16 * 60_000);
      const { email, password } = await client().register();
      const wrong = () => client().post("/api/auth/login", { email, password: "wrong-password-y" });
      for (let i = 0; i < 5; i++) expect((await wrong()).status).toBe(401);
      const waits: string[] = [];
      for (let i = 0; i < 7; i++) {
        const refused = await wrong();
        expect(refused.status).toBe(429);
        const wait = refused.headers.get("retry-after") ?? "";
        waits.push(wait);
        server.clock.advance(Number(wait) * 1000);
        // One guess gets through per wait, and it counts.
        expect((await wrong()).status).toBe(401);
      }
      expect(waits).toEqual(["30", "60", "120", "240", "480", "900", "900"]);
      // The wait never exceeds the window: then the owner gets in.
      expect((await client().post("/api/auth/login", { email, password })).status).toBe(429);
      server.clock.advance(15 * 60_000);
      expect((await client().post("/api/auth/login", { email, password })).status).toBe(200);
    },
  );

  it.skipIf(skip)("checks no more than 30 guesses from one address, 100 sent at once", async () => {
    server.clock.advance(16 * 60_000);
    const burst = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        client().post("/api/auth/login", {
          email: `spray-${i}-${crypto.randomUUID()}@example.org`,
          password: "wrong-password-1",
        }),
      ),
    );
    const counts = statuses(burst);
    expect((counts[401] ?? 0) + (counts[429] ?? 0)).toBe(100);
    const more = await guessesUntilRefused(() =>
      client().post("/api/auth/login", {
        email: `spray-${crypto.randomUUID()}@example.org`,
        password: "wrong-password-1",
      }),
    );
    expect((counts[401] ?? 0) + more).toBe(30);
    server.clock.advance(16 * 60_000);
  });

  it.skipIf(skip)("checks no more than 5 wrong invitation codes, 20 sent at once", async () => {
    server.clock.advance(16 * 60_000);
    const patient = client();
    await patient.register();
    const invitation = await patient.post("/api/care/invitations", { scopes: ["doses"] });
    expect(invitation.status).toBe(201);
    const clinician = client();
    await clinician.register("clinician");
    const letters = "ABCDEFGHJKMNPQRSTVWXYZ";
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        clinician.post("/api/care/join", { code: `${letters[i]}${letters[i]}AA-AAAA` }),
      ),
    );
    const counts = statuses(burst);
    expect((counts[404] ?? 0) + (counts[429] ?? 0)).toBe(20);
    const more = await guessesUntilRefused(() =>
      clinician.post("/api/care/join", { code: "ZZZZ-ZZZZ" }),
    );
    expect((counts[404] ?? 0) + more).toBe(5);
    const right = await clinician.post("/api/care/join", { code: invitation.body.code });
    expect(right.status).toBe(429);
  });
});

describe("throttling sign-ups", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer("sqlite", { config: { registrationsPerAddress: 4 } });
  });
  afterAll(async () => server?.close());

  const signUp = (email: string) =>
    new ApiClient(server.baseUrl).post("/api/auth/register", {
      email,
      password: "tidal-forest-lamp-42",
      role: "patient",
    });

  it("counts every sign-up from an address, taken e-mails included", async () => {
    const taken = `taken-${crypto.randomUUID()}@example.org`;
    expect((await signUp(taken)).status).toBe(201);
    // Probing whether addresses have accounts: three more tries, then refused.
    const probes = await Promise.all(
      Array.from({ length: 10 }, (_, i) => signUp(i === 0 ? taken : `p-${i}-${taken}`)),
    );
    const refused = probes.filter((r) => r.status === 429);
    expect(probes.length - refused.length).toBeLessThanOrEqual(3);
    expect(refused[0]?.body.error.code).toBe("rate_limited");
    expect((await signUp(`later-${taken}`)).status).toBe(429);
    server.clock.advance(16 * 60_000);
    expect((await signUp(`later-${taken}`)).status).toBe(201);
  });
});
