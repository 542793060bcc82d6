import { afterAll, describe, expect, it } from "vitest";
import {
  createTestDatabase,
  engines,
  isPostgresReachable,
  type TestDatabase,
} from "../src/testing/test-databases.ts";
import { ApiClient } from "../src/testing/test-server.ts";
import { type ServerProcess, startServerProcess } from "./support/server-process.ts";

/**
 * Crash safety (issue 7): several clients log doses while the server process is killed with
 * SIGKILL; after a restart on the same database the clients retry what was not acknowledged and
 * re-send some of what was. Every acknowledged dose must be stored, exactly once, unchanged.
 * MITRA_CRASH_ROUNDS sets the number of kills (default 3; the issue asks for 20 on each engine).
 */

const pgReachable = await isPostgresReachable();

const ROUNDS = Number(process.env.MITRA_CRASH_ROUNDS ?? 3);
const CLIENTS = 4;
const DAY = 86_400_000;
/** Doses are spread over this many past days (the list below reads them all back). */
const SPREAD_DAYS = 30;

interface DoseBody {
  id: string;
  substance: string;
  amount: number;
  unit: string;
  takenAt: string;
}

interface Figures {
  acknowledged: number;
  /** Not acknowledged before the kill, but found stored when retried (200 on retry). */
  storedButUnacknowledged: number;
  /** Not acknowledged and not stored: the retry created them (201). */
  createdOnRetry: number;
  resentAcknowledged: number;
  lost: number;
  duplicated: number;
  auditMissing: number;
}

const randomInt = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A client on a (re)started server that keeps the same sign-in session. */
function sessionOn(baseUrl: string, from: ApiClient): ApiClient {
  const c = new ApiClient(baseUrl);
  c.cookie = from.cookie;
  c.csrfToken = from.csrfToken;
  return c;
}

describe.each(engines)("crash safety on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let database: TestDatabase | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    if (server && server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill("SIGKILL");
      await server.exited;
    }
    await database?.destroy();
  });

  it.skipIf(skip)(
    `keeps every acknowledged dose exactly once across ${ROUNDS} SIGKILLs`,
    async () => {
      const started = Date.now();
      database = await createTestDatabase(engine);
      server = await startServerProcess(database.url);
      const owner = new ApiClient(server.baseUrl);
      const { id: userId } = await owner.register("patient");
      const catalog = await owner.get("/api/substances");
      const leaf = catalog.body.substances.find((s: { id: string }) => s.id === "kratom-leaf");
      expect(leaf?.units).toContain("g");

      const acked = new Map<string, DoseBody>();
      const unacked = new Map<string, DoseBody>();
      const figures: Figures = {
        acknowledged: 0,
        storedButUnacknowledged: 0,
        createdOnRetry: 0,
        resentAcknowledged: 0,
        lost: 0,
        duplicated: 0,
        auditMissing: 0,
      };
      const newDose = (): DoseBody => ({
        id: crypto.randomUUID(),
        substance: "kratom-leaf",
        amount: randomInt(1, 80) / 10,
        unit: "g",
        takenAt: new Date(Date.now() - Math.random() * SPREAD_DAYS * DAY).toISOString(),
      });
      const someAcknowledged = (n: number): DoseBody[] => {
        const all = [...acked.values()];
        return Array.from({ length: Math.min(n, all.length) }, () => {
          const pick = all[randomInt(0, all.length - 1)];
          if (!pick) throw new Error("no acknowledged dose");
          return pick;
        });
      };
      /** A re-send of an acknowledged dose must find it, unchanged, and not store a copy. */
      const expectStoredAlready = (res: { status: number; body: any }, dose: DoseBody) => {
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        expect(res.body.ingestion.id).toBe(dose.id);
        expect(res.body.ingestion.amount).toBe(dose.amount);
        figures.resentAcknowledged += 1;
      };

      for (let round = 1; round <= ROUNDS; round += 1) {
        const api = sessionOn(server.baseUrl, owner);
        let ackedThisRound = 0;
        let serverGone = false;
        const client = async () => {
          while (!serverGone) {
            const dose = newDose();
            unacked.set(dose.id, dose);
            let res: Awaited<ReturnType<ApiClient["post"]>>;
            try {
              res = await api.post("/api/ingestions", dose);
            } catch {
              return; // the connection died with the server: this dose is not acknowledged
            }
            expect(res.status, JSON.stringify(res.body)).toBe(201);
            unacked.delete(dose.id);
            acked.set(dose.id, dose);
            ackedThisRound += 1;
            if (Math.random() < 0.15) {
              const [again] = someAcknowledged(1);
              if (!again) continue;
              try {
                expectStoredAlready(await api.post("/api/ingestions", again), again);
              } catch (error) {
                if (!serverGone) throw error;
                return;
              }
            }
          }
        };
        const clients = Promise.all(Array.from({ length: CLIENTS }, client));
        // Kill mid-stream: after a random number of acknowledged writes, at a random moment.
        const threshold = randomInt(5, 30);
        while (ackedThisRound < threshold) {
          const settled = await Promise.race([
            clients.then(() => true),
            pause(2).then(() => false),
          ]);
          if (settled) throw new Error("clients stopped before the kill");
        }
        await pause(randomInt(0, 15));
        serverGone = true; // requests in flight now die with the server; no new ones start
        server.child.kill("SIGKILL");
        expect(await server.exited).toBe("SIGKILL");
        await clients;

        server = await startServerProcess(database.url);
        const retry = sessionOn(server.baseUrl, owner);
        const pending = [...unacked.values()];
        const resend = someAcknowledged(randomInt(3, 10));
        await Promise.all([
          ...pending.map(async (dose) => {
            const res = await retry.post("/api/ingestions", dose);
            expect([200, 201], JSON.stringify(res.body)).toContain(res.status);
            expect(res.body.ingestion.amount).toBe(dose.amount);
            if (res.status === 200) figures.storedButUnacknowledged += 1;
            else figures.createdOnRetry += 1;
            unacked.delete(dose.id);
            acked.set(dose.id, dose);
          }),
          ...resend.map(async (dose) =>
            expectStoredAlready(await retry.post("/api/ingestions", dose), dose),
          ),
        ]);

        // Stored, straight from the database: every acknowledged id once, with its amount.
        const rows = await database.db
          .selectFrom("ingestions")
          .select(["id", "amount"])
          .where("user_id", "=", userId)
          .execute();
        const stored = new Map(rows.map((r) => [r.id, r.amount]));
        const lost = [...acked.keys()].filter((id) => !stored.has(id));
        const duplicated = rows.length - stored.size;
        const unknown = rows.filter((r) => !acked.has(r.id));
        expect(lost, `round ${round}: acknowledged doses lost`).toEqual([]);
        expect(duplicated, `round ${round}: ids stored twice`).toBe(0);
        expect(unknown, `round ${round}: rows no client sent`).toEqual([]);
        for (const [id, dose] of acked) expect(stored.get(id), id).toBe(dose.amount);
        figures.lost = lost.length;
        figures.duplicated = duplicated;
      }

      // And as the person sees it through the API after the last restart.
      const from = new Date(Date.now() - (SPREAD_DAYS + 1) * DAY).toISOString();
      const list = await sessionOn(server.baseUrl, owner).get(
        `/api/ingestions?from=${encodeURIComponent(from)}&limit=2000`,
      );
      expect(list.status).toBe(200);
      const listed: string[] = list.body.ingestions.map((i: { id: string }) => i.id);
      expect(new Set(listed).size).toBe(listed.length);
      if (acked.size < 2000) expect(new Set(listed)).toEqual(new Set(acked.keys()));

      const audited = await database.db
        .selectFrom("audit_log")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("subject_id", "=", userId)
        .where("entity", "=", "ingestion")
        .where("action", "=", "create")
        .executeTakeFirstOrThrow();
      // The dose and its audit entry commit in one transaction: exactly one entry per dose.
      expect(Number(audited.n)).toBe(acked.size);
      figures.auditMissing = acked.size - Number(audited.n);
      figures.acknowledged = acked.size;

      console.log(
        `crash safety on ${engine}: ${ROUNDS} SIGKILL rounds, ${CLIENTS} clients, ` +
          `${figures.acknowledged} doses acknowledged, lost ${figures.lost}, duplicated ${figures.duplicated}; ` +
          `unacknowledged at the kill: ${figures.storedButUnacknowledged} already stored + ` +
          `${figures.createdOnRetry} created on retry; ${figures.resentAcknowledged} acknowledged re-sent (200); ` +
          `audit entries missing ${figures.auditMissing}; ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    },
    ROUNDS * 30_000 + 60_000,
  );
});
