import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  isPostgresReachable,
  postgresTestUrl,
  type TestDatabase,
} from "../src/testing/test-databases.ts";
import { ApiClient } from "../src/testing/test-server.ts";
import { type ServerProcess, startServerProcess } from "./support/server-process.ts";

/**
 * A dropped PostgreSQL connection (a restart, a failover, an idle-connection reaper) must never
 * take Mitra down (issue 12). The server runs as its own process; the test ends Mitra's own
 * backends, found by the application_name the server connects with, both while they are idle in
 * the pool and while requests are waiting on them. Requests in flight answer 503 in the error
 * shape, the process stays alive, and the next requests succeed.
 */

const pgReachable = await isPostgresReachable();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("losing PostgreSQL connections", () => {
  let database: TestDatabase | undefined;
  let server: ServerProcess | undefined;
  // One connection watches and ends backends, another holds a lock (a transaction would see a
  // frozen copy of pg_stat_activity).
  const admin = new pg.Client({ connectionString: postgresTestUrl });
  const locker = new pg.Client({ connectionString: postgresTestUrl });
  let adminConnected = false;

  afterAll(async () => {
    if (adminConnected) await Promise.all([admin.end(), locker.end()]);
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    await database?.destroy();
  });

  const alive = () => server?.child.exitCode === null && server.child.signalCode === null;

  it.skipIf(!pgReachable)("answers 503 in flight, stays up and recovers", async () => {
    database = await createTestDatabase("postgres");
    // A name of this test's own, so only this server's connections are ended.
    const applicationName = `mitra-loss-${randomBytes(4).toString("hex")}`;
    server = await startServerProcess(`${database.url}&application_name=${applicationName}`);
    await Promise.all([admin.connect(), locker.connect()]);
    adminConnected = true;
    const schema = new URL(database.url).searchParams.get("schema");
    const backends = async (where = "") =>
      (
        await admin.query(`select pid from pg_stat_activity where application_name = $1 ${where}`, [
          applicationName,
        ])
      ).rows.length;
    const terminate = () =>
      admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1",
        [applicationName],
      );

    const patient = new ApiClient(server.baseUrl);
    await patient.register("patient");
    const dose = () => ({
      id: crypto.randomUUID(),
      substance: "kratom-leaf",
      amount: 2,
      unit: "g",
      takenAt: new Date().toISOString(),
    });
    await Promise.all(Array.from({ length: 6 }, () => patient.post("/api/ingestions", dose())));

    // Idle connections in the pool end.
    expect(await backends()).toBeGreaterThan(0);
    await terminate();
    await pause(300);
    expect(alive(), server.output()).toBe(true);
    expect((await patient.get("/api/ingestions")).status).toBe(200);

    // Connections end while requests wait on them: a lock holds them in flight.
    await locker.query("begin");
    await locker.query(`lock table "${schema}".ingestions in access exclusive mode`);
    const inFlight = Array.from({ length: 5 }, () => patient.get("/api/ingestions"));
    for (let i = 0; i < 100 && (await backends("and wait_event_type = 'Lock'")) < 5; i++) {
      await pause(50);
    }
    expect(await backends("and wait_event_type = 'Lock'")).toBe(5);
    await terminate();
    const answers = await Promise.all(inFlight);
    await locker.query("rollback");
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.body).toEqual({
        error: { code: "database_unavailable", message: expect.any(String), details: {} },
      });
      expect(answer.headers.get("retry-after")).toBe("5");
    }
    await pause(300);
    expect(alive(), server.output()).toBe(true);

    // The next requests succeed on new connections.
    const after = await Promise.all([
      patient.get("/api/ingestions"),
      patient.post("/api/ingestions", dose()),
      patient.get("/api/health"),
    ]);
    expect(after.map((r) => r.status)).toEqual([200, 201, 200]);
    expect((await patient.get("/api/ingestions")).body.ingestions).toHaveLength(7);
  });
});
