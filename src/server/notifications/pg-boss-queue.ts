import { CompiledQuery, type Kysely, sql } from "kysely";
import PgBoss from "pg-boss";
import { markEventDelivered, markEventFailed } from "../../db/notifications.ts";
import type { Database } from "../../db/schema.ts";
import {
  CONCURRENT_DELIVERIES,
  type DeliverEvent,
  eachConcurrently,
  type NotificationQueue,
  nextAttemptAt,
  type RetryPolicy,
} from "./queue.ts";

const QUEUE = "notification-event";
/** How often each instance asks for jobs. */
const POLL_SECONDS = 0.5;
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

  constructor(
    private readonly options: {
      db: Kysely<Database>;
      deliver: DeliverEvent;
      retry: RetryPolicy;
      onError?: (error: unknown) => void;
    },
  ) {}

  /** Before the engine started (the database did not answer yet) the outbox row waits alone. */
  async enqueue(trx: Kysely<Database>, eventId: string): Promise<void> {
    await this.boss?.send(QUEUE, { eventId }, { id: eventId, db: asPgBossDb(trx) });
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
    await boss.work<{ eventId: string }>(
      QUEUE,
      { includeMetadata: true, batchSize: BATCH, pollingIntervalSeconds: POLL_SECONDS },
      (jobs) => this.handle(boss, jobs),
    );
    this.boss = boss;
    // Events written while no engine ran get their jobs now (the same id again adds nothing).
    const pending = await db
      .selectFrom("notification_events")
      .select("id")
      .where("state", "=", "pending")
      .execute();
    for (const { id } of pending) await boss.send(QUEUE, { eventId: id }, { id });
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    await boss?.stop({ graceful: true, wait: true, timeout: 5_000 });
  }

  /** Delivers each job; a failure fails that job alone (the others complete). */
  private async handle(boss: PgBoss, jobs: PgBoss.JobWithMetadata<{ eventId: string }>[]) {
    const { db, deliver, retry } = this.options;
    await eachConcurrently(jobs, CONCURRENT_DELIVERIES, async (job) => {
      const id = job.data.eventId;
      try {
        try {
          await deliver(id);
          await markEventDelivered(db, id, new Date());
        } catch (error) {
          const at = new Date();
          const retryAt = nextAttemptAt(retry, job.retryCount + 1, at);
          await markEventFailed(db, id, String(error), at, retryAt);
          await boss.fail(QUEUE, job.id, { message: String(error) });
        }
      } catch (bookkeeping) {
        // The database went away (a stop, an outage): the job expires and is taken again, and
        // its outbox row still says pending. Reported, never an unhandled rejection.
        this.options.onError?.(bookkeeping);
      }
    });
  }
}
