import type { Kysely } from "kysely";
import type { Engine } from "../../db/connection.ts";
import type { Database } from "../../db/schema.ts";
import { InProcessQueue } from "./in-process-queue.ts";
import { PgBossQueue } from "./pg-boss-queue.ts";

/**
 * The job engine that delivers the outbox: each event handed to `deliver` until it succeeds,
 * with retries and backoff, then marked dead. On PostgreSQL pg-boss, so that several instances
 * on one database take each event once; on SQLite (one instance) a worker in this process.
 * Tries are scheduled on the wall clock, not the app's (which tests may hold still).
 */
export interface NotificationQueue {
  /** In the transaction that wrote the event: makes it a job, due at `dueAt`, that commits with it. */
  enqueue(trx: Kysely<Database>, eventId: string, dueAt: Date): Promise<void>;
  start(): Promise<void>;
  /** Stops taking jobs and waits for the ones in hand. */
  stop(): Promise<void>;
}

/**
 * Delivers one event; throws to have it tried again later. Answers how many milliseconds to hold
 * it before it runs again (quiet hours, not a failure: no try is used up), or null when done.
 */
export type DeliverEvent = (eventId: string) => Promise<number | null>;

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  /** The wait before the first retry; each next one waits twice as long. */
  firstDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 5, firstDelayMs: 2_000 };

/** What each engine is built with. */
export interface EngineOptions {
  db: Kysely<Database>;
  deliver: DeliverEvent;
  retry: RetryPolicy;
  /** Called with an error the engine met outside a job (a lost connection). */
  onError?: (error: unknown) => void;
}

export interface QueueOptions extends Omit<EngineOptions, "retry"> {
  engine: Engine;
  retry?: RetryPolicy;
}

export function createNotificationQueue(options: QueueOptions): NotificationQueue {
  const retry = options.retry ?? defaultRetryPolicy;
  return options.engine === "postgres"
    ? new PgBossQueue({ ...options, retry })
    : new InProcessQueue({ ...options, retry });
}

/** When a failed event is tried next: null once `attemptsMade` used up the policy. */
export function nextAttemptAt(policy: RetryPolicy, attemptsMade: number, now: Date): Date | null {
  if (attemptsMade >= policy.attempts) return null;
  return new Date(now.getTime() + policy.firstDelayMs * 2 ** (attemptsMade - 1));
}

/** Events one instance delivers at the same time (each waits on an SMTP server or a push service). */
export const CONCURRENT_DELIVERIES = 10;

/** Runs `work` on every item, at most `limit` at a time. */
export async function eachConcurrently<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
