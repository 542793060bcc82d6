import type { Kysely } from "kysely";
import {
  dueNotificationEvents,
  markEventDelivered,
  markEventFailed,
  markEventHeld,
} from "../../db/notifications.ts";
import type { Database } from "../../db/schema.ts";
import { Poller } from "./poller.ts";
import {
  CONCURRENT_DELIVERIES,
  type EngineOptions,
  eachConcurrently,
  type NotificationQueue,
  nextAttemptAt,
} from "./queue.ts";

/** How often the worker looks for due events. */
const POLL_MS = 200;
/** Events taken per look. */
const BATCH = 50;

/**
 * SQLite's engine: the outbox table is the queue, and a worker in this process polls it. SQLite
 * serves one instance, so no other process competes for the rows.
 */
export class InProcessQueue implements NotificationQueue {
  private readonly poller: Poller;

  constructor(private readonly options: EngineOptions) {
    this.poller = new Poller(POLL_MS, () => this.drain(), options.onError);
  }

  /** The outbox row is the job: nothing more to write. */
  async enqueue(): Promise<void> {}

  async start(): Promise<void> {
    this.poller.start();
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  private async drain(): Promise<void> {
    const { db, deliver, retry } = this.options;
    while (!this.poller.stopping) {
      const due = await dueNotificationEvents(db, new Date(), BATCH);
      if (due.length === 0) return;
      await eachConcurrently(due, CONCURRENT_DELIVERIES, async (id) => {
        if (this.poller.stopping) return;
        try {
          const holdMs = await deliver(id);
          if (holdMs === null) await markEventDelivered(db, id, new Date());
          else await markEventHeld(db, id, new Date(Date.now() + holdMs));
        } catch (error) {
          const attempts = await attemptsOf(db, id);
          const at = new Date();
          await markEventFailed(db, id, String(error), at, nextAttemptAt(retry, attempts + 1, at));
        }
      });
    }
  }
}

async function attemptsOf(db: Kysely<Database>, id: string): Promise<number> {
  const row = await db
    .selectFrom("notification_events")
    .select("attempts")
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(row?.attempts ?? 0);
}
