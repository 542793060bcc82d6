import { CompiledQuery, type Kysely, sql } from "kysely";
import PgBoss from "pg-boss";
import { markEventDelivered, markEventFailed, markEventHeld } from "../../db/notifications.ts";
import type { Database } from "../../db/schema.ts";
import { inTransaction } from "../../db/transaction.ts";
import { onceId } from "./once-id.ts";
import { Poller } from "./poller.ts";
import {
  CONCURRENT_DELIVERIES,
  type EngineOptions,
  eachConcurrently,
  type NotificationQueue,
  nextAttemptAt,
} from "./queue.ts";

const QUEUE = "notification-event";
/** How often each instance asks for jobs. */
const POLL_MS = 500;
/** Jobs taken per ask. */
const BATCH = 10;
/**
 * A job held this long by an instance that stopped answering goes back to the others. The
 * channels give up well before (e-mail and push time out in 10 s), so a live instance finishes
 * its batch first.
 */
const EXPIRE_SECONDS = 30;

/**
 * pg-boss's SQL over Kysely's connection (the app's pool, or a transaction). Some of pg-boss's
 * texts open a transaction themselves (`BEGIN; …; COMMIT;`): when one fails (two instances
 * creating pg-boss's schema at once), the connection would go back to the pool inside an aborted
 * transaction and fail every later query on it. On the pool, each text therefore runs on one
 * connection, rolled back on failure.
 */
function asPgBossDb(db: Kysely<Database>): PgBoss.Db {
  if (db.isTransaction) {
    return {
      executeSql: async (text, values) => {
        const result = await db.executeQuery(CompiledQuery.raw(text, values));
        return { rows: [...result.rows] };
      },
    };
  }
  return {
    executeSql: (text, values) =>
      db.connection().execute(async (connection) => {
        try {
          const result = await connection.executeQuery(CompiledQuery.raw(text, values));
          return { rows: [...result.rows] };
        } catch (error) {
          // Outside a transaction PostgreSQL only warns; inside one this ends it.
          await connection.executeQuery(CompiledQuery.raw("rollback")).catch(() => {});
          throw error;
        }
      }),
  };
}

/**
 * PostgreSQL's engine: pg-boss, in a schema beside Mitra's (`<schema>_jobs`). The job is
 * inserted in the transaction that writes the event, with the event's id as its id; pg-boss
 * hands each job to one instance (SKIP LOCKED), retries with backoff, and expires a job whose
 * instance died so another takes it.
 */
export class PgBossQueue implements NotificationQueue {
  private boss: PgBoss | undefined;
  private readonly poller: Poller;

  constructor(private readonly options: EngineOptions) {
    this.poller = new Poller(POLL_MS, () => this.pass(), options.onError);
  }

  /** Before the engine started (the database did not answer yet) the outbox row waits alone. */
  async enqueue(trx: Kysely<Database>, eventId: string, dueAt: Date): Promise<void> {
    const options = { id: eventId, startAfter: dueAt, db: asPgBossDb(trx) };
    await this.boss?.send(QUEUE, { eventId }, options);
  }

  async start(): Promise<void> {
    const { db, retry } = this.options;
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    const schema = `${rows[0]?.schema ?? "public"}_jobs`.slice(0, 63);
    const boss = new PgBoss({
      db: asPgBossDb(db),
      schema,
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: 10,
    });
    boss.on("error", (error) => this.options.onError?.(error));
    await boss.start();
    await boss.createQueue(QUEUE, {
      name: QUEUE,
      retryLimit: retry.attempts - 1,
      retryDelay: Math.ceil(retry.firstDelayMs / 1000),
      retryBackoff: true,
      expireInSeconds: EXPIRE_SECONDS,
    });
    this.boss = boss;
    // Events written while no engine ran get their jobs now (the same id again adds nothing);
    // one held by quiet hours waits as it did.
    const pending = await db
      .selectFrom("notification_events")
      .select(["id", "next_attempt_at"])
      .where("state", "=", "pending")
      .execute();
    for (const { id, next_attempt_at } of pending) {
      await boss.send(QUEUE, { eventId: id }, { id, startAfter: new Date(next_attempt_at) });
    }
    this.poller.start();
  }

  /**
   * Stops asking for jobs, waits for the batch in hand (each settled in pg-boss), then stops
   * pg-boss's maintenance. pg-boss's own `work()` is not used: it settles a batch without
   * awaiting it, so a settle could still run after `stop()` (on a closed pool) and reject with
   * no one to catch it.
   */
  async stop(): Promise<void> {
    await this.poller.stop();
    const boss = this.boss;
    this.boss = undefined;
    await boss?.stop({ graceful: true, wait: true, timeout: 5_000 });
  }

  /** One ask: a batch of jobs, each delivered and settled before the next ask. */
  private async pass(): Promise<void> {
    const boss = this.boss;
    if (!boss) return;
    const jobs = await boss.fetch<{ eventId: string }>(QUEUE, {
      batchSize: BATCH,
      includeMetadata: true,
    });
    if (jobs.length > 0) await this.handle(boss, jobs);
  }

  /**
   * The event waits (quiet hours) in a job of its own that starts at `until`; its outbox row says
   * so in the same transaction, so a restart in between sends it then, not at once.
   */
  private async hold(boss: PgBoss, eventId: string, until: Date): Promise<void> {
    await inTransaction(this.options.db, async (trx) => {
      await markEventHeld(trx, eventId, until);
      await boss.send(
        QUEUE,
        { eventId },
        {
          id: onceId(`${eventId} held ${until.toISOString()}`),
          startAfter: until,
          db: asPgBossDb(trx),
        },
      );
    });
  }

  /** Delivers each job; a failure fails that job alone (the others complete). */
  private async handle(boss: PgBoss, jobs: PgBoss.JobWithMetadata<{ eventId: string }>[]) {
    const { db, deliver, retry } = this.options;
    await eachConcurrently(jobs, CONCURRENT_DELIVERIES, async (job) => {
      const id = job.data.eventId;
      let failure: { error: unknown } | undefined;
      let holdMs: number | null = null;
      try {
        holdMs = await deliver(id);
      } catch (error) {
        failure = { error };
      }
      try {
        if (!failure && holdMs !== null) {
          await this.hold(boss, id, new Date(Date.now() + holdMs));
          await boss.complete(QUEUE, job.id);
        } else if (!failure) {
          await markEventDelivered(db, id, new Date());
          await boss.complete(QUEUE, job.id);
        } else {
          const at = new Date();
          const retryAt = nextAttemptAt(retry, job.retryCount + 1, at);
          await markEventFailed(db, id, String(failure.error), at, retryAt);
          await boss.fail(QUEUE, job.id, { message: String(failure.error) });
        }
      } catch (bookkeeping) {
        // The database went away (a stop, an outage): the job expires and is taken again, and
        // its outbox row still says pending. Reported, never an unhandled rejection.
        this.options.onError?.(bookkeeping);
      }
    });
  }
}
