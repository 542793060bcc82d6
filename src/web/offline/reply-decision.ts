import type { OutboxEntry } from "./outbox-entry.ts";

/** What came back from one attempt to send an entry. */
export type SendOutcome =
  | { kind: "reply"; status: number; code?: string; message: string }
  | { kind: "network"; message: string };

/**
 * What to do with the entry after that attempt:
 * - `remove`: the server stored it (2xx; a repeat of the same client id also answers 2xx).
 * - `update`: keep it with this new state; `stop` says whether to stop sending the rest now
 *   (no connection, a server fault, or no session: the next entries would fare the same).
 */
export type ReplyDecision =
  | { action: "remove" }
  | { action: "update"; entry: OutboxEntry; stop: boolean };

const FIRST_RETRY_MS = 5_000;
const LONGEST_RETRY_MS = 5 * 60_000;

/** Wait before attempt `attempts + 1`: 5 s, 10 s, 20 s ... at most 5 minutes. */
export function retryDelayMs(attempts: number): number {
  const n = Math.max(0, attempts - 1);
  return Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(n, 20));
}

export function decideAfterSend(
  entry: OutboxEntry,
  outcome: SendOutcome,
  now: Date,
): ReplyDecision {
  const attempts = entry.attempts + 1;
  /** Keep the entry, tried once more, in `state` until `nextAttemptAt`, saying `lastError`. */
  const keep = (
    stop: boolean,
    state: OutboxEntry["state"],
    nextAttemptAt: Date,
    lastError: string,
  ): ReplyDecision => ({
    action: "update",
    stop,
    entry: { ...entry, attempts, state, nextAttemptAt: nextAttemptAt.toISOString(), lastError },
  });
  if (outcome.kind === "reply" && outcome.status >= 200 && outcome.status < 300) {
    return { action: "remove" };
  }
  if (outcome.kind === "reply" && outcome.status === 401) {
    return keep(true, "needs-sign-in", now, "Sign in again to send this.");
  }
  // 408 (timeout) and 429 (too many requests) are worth trying again, like a server fault; so is
  // a stale CSRF token (the next attempt fetches the session's token first).
  const retriable =
    outcome.kind === "network" ||
    outcome.status >= 500 ||
    outcome.status === 408 ||
    outcome.status === 429 ||
    (outcome.status === 403 && outcome.code === "csrf");
  if (retriable) {
    const next = new Date(now.getTime() + retryDelayMs(attempts));
    return keep(true, "waiting", next, outcome.message);
  }
  return keep(false, "needs-attention", now, outcome.message);
}

/** The entries of `userId` to send now, oldest first; others' entries are never among them. */
export function dueEntries(entries: OutboxEntry[], userId: string, now: Date): OutboxEntry[] {
  return entries
    .filter(
      (e) =>
        e.userId === userId &&
        e.state !== "needs-attention" &&
        (e.state === "needs-sign-in" || Date.parse(e.nextAttemptAt) <= now.getTime()),
    )
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Milliseconds until the next waiting entry of `userId` is due, or null when none waits. */
export function msUntilNextAttempt(
  entries: OutboxEntry[],
  userId: string,
  now: Date,
): number | null {
  const times = entries
    .filter((e) => e.userId === userId && e.state === "waiting")
    .map((e) => Date.parse(e.nextAttemptAt) - now.getTime());
  if (times.length === 0) return null;
  return Math.max(0, Math.min(...times));
}
