import type { Kysely } from "kysely";
import { countLoginFailures, deleteAttempts, recordAttempt } from "../../db/login-failures.ts";
import type { Database } from "../../db/schema.ts";
import type { App } from "../context.ts";
import { ApiError } from "../http/api-error.ts";

/**
 * Throttling of guesses by account and by address. Failures live in the database so that several
 * Mitra instances behind one load balancer share the count.
 *
 * Sign-in does not lock an account: that would let anyone who knows an e-mail address keep its
 * owner out. The first `limit` failures under a key are free; after that each attempt waits after
 * the newest failure, the wait starting at MITRA_LOGIN_DELAY_SECONDS and doubling with each
 * further failure, up to MITRA_LOGIN_WINDOW_MINUTES. An account's failures are remembered for
 * ACCOUNT_FAILURE_MEMORY_HOURS (until a successful sign-in clears them), an address's for the
 * window. So the owner who mistyped gets in with the right password after a short wait, while a
 * guesser, once past the limit, gets about one guess per window (the hard lock it replaces
 * allowed `limit` per window). Other throttles (sign-ups, invitation codes, password resets)
 * refuse outright at their limit until the window moves on.
 */
export const ACCOUNT_FAILURE_MEMORY_HOURS = 24;

export function throttleKeys(email: string, address: string) {
  return { account: `account:${email.toLowerCase()}`, address: `address:${address}` };
}

/**
 * An attempt counted before its secret is checked. A wrong guess leaves it counted as a failure;
 * a right one takes it back with `succeeded`.
 */
export interface Attempt {
  succeeded(db?: Kysely<Database>): Promise<void>;
}

interface Backoff {
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long a failure counts (otherwise the window). */
  memoryMs: number;
}

/** One key's limit; with `backoff` the key delays attempts past the limit instead of refusing. */
export interface ThrottleCheck {
  key: string;
  limit: number;
  backoff?: Backoff;
}

export function reserveLoginAttempt(app: App, email: string, address: string): Promise<Attempt> {
  const { config } = app.mitra;
  const keys = throttleKeys(email, address);
  const windowMs = config.loginWindowMinutes * 60_000;
  const backoff = { firstDelayMs: config.loginDelaySeconds * 1000, maxDelayMs: windowMs };
  return reserveAttempt(
    app,
    [
      {
        key: keys.account,
        limit: config.loginFailuresPerAccount,
        backoff: { ...backoff, memoryMs: ACCOUNT_FAILURE_MEMORY_HOURS * 3_600_000 },
      },
      {
        key: keys.address,
        limit: config.loginFailuresPerAddress,
        backoff: { ...backoff, memoryMs: windowMs },
      },
    ],
    "failed sign-in attempts",
  );
}

/**
 * The wait, in milliseconds, before the next attempt under a key that has `failures` failures in
 * the window: none below `limit`, then `firstDelayMs`, doubling with each further failure, at
 * most `maxDelayMs`.
 */
export function backoffDelay(
  failures: number,
  limit: number,
  backoff: Pick<Backoff, "firstDelayMs" | "maxDelayMs">,
): number {
  if (failures < limit) return 0;
  const doublings = Math.min(failures - limit, 40);
  return Math.min(backoff.maxDelayMs, backoff.firstDelayMs * 2 ** doublings);
}

/**
 * Counts the attempt under every key first, then reads each key's other failures within the
 * window, or the key's memory (attempts in flight included). Attempts sent at the same moment all see one another's
 * rows, so at most `limit` of them get through, whatever the concurrency; past the limit, one
 * gets through per wait (`backoffDelay`) for a key with `backoff`, none for the others. A refused
 * attempt is taken back (it is not a failure: the window and the wait still end) and answered
 * 429 with Retry-After. `what` names the failures in the message.
 */
export async function reserveAttempt(
  app: App,
  checks: ThrottleCheck[],
  what: string,
): Promise<Attempt> {
  const { config, db, now } = app.mitra;
  const windowMs = config.loginWindowMinutes * 60_000;
  const at = now();
  const ids = await recordAttempt(
    db,
    checks.map((c) => c.key),
    at,
  );
  for (const { key, limit, backoff } of checks) {
    const since = new Date(at.getTime() - (backoff?.memoryMs ?? windowMs));
    const { count, oldest, newest } = await countLoginFailures(db, key, since, ids);
    if (count < limit || !oldest || !newest) continue;
    const readyAt = backoff
      ? Date.parse(newest) + backoffDelay(count, limit, backoff)
      : Date.parse(oldest) + windowMs;
    if (!backoff || readyAt > at.getTime()) {
      await deleteAttempts(db, ids);
      const retryAfter = Math.max(1, Math.ceil((readyAt - at.getTime()) / 1000));
      throw new ApiError(
        429,
        "rate_limited",
        retryAfter < 60
          ? `Too many ${what}. Try again in ${retryAfter} second(s).`
          : `Too many ${what}. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
        { retryAfterSeconds: retryAfter },
        { "retry-after": String(retryAfter) },
      );
    }
  }
  return { succeeded: (into = db) => deleteAttempts(into, ids) };
}
