import type { Kysely } from "kysely";
import { countLoginFailures, deleteAttempts, recordAttempt } from "../../db/login-failures.ts";
import type { Database } from "../../db/schema.ts";
import type { App } from "../context.ts";
import { ApiError } from "../http/api-error.ts";

/**
 * Login throttling by account and by address. Failures live in the database so that several
 * Mitra instances behind one load balancer share the count.
 */
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

export function reserveLoginAttempt(app: App, email: string, address: string): Promise<Attempt> {
  const { config } = app.mitra;
  const keys = throttleKeys(email, address);
  return reserveAttempt(
    app,
    [
      { key: keys.account, limit: config.loginFailuresPerAccount },
      { key: keys.address, limit: config.loginFailuresPerAddress },
    ],
    "failed sign-in attempts",
  );
}

/**
 * Counts the attempt under every key first, then counts each key's failures within the sign-in
 * window (MITRA_LOGIN_WINDOW_MINUTES), this attempt included. Attempts sent at the same moment
 * all see one another's rows, so at most `limit` of them get through, whatever the concurrency.
 * Over a limit, the attempt is taken back (a refused attempt is not a failure, so the window
 * still ends) and refused with 429 and Retry-After. `what` names the failures in the message.
 */
export async function reserveAttempt(
  app: App,
  checks: { key: string; limit: number }[],
  what: string,
): Promise<Attempt> {
  const { config, db, now } = app.mitra;
  const windowMs = config.loginWindowMinutes * 60_000;
  const at = now();
  const since = new Date(at.getTime() - windowMs);
  const ids = await recordAttempt(
    db,
    checks.map((c) => c.key),
    at,
  );
  for (const { key, limit } of checks) {
    const { count, oldest } = await countLoginFailures(db, key, since);
    if (count > limit && oldest) {
      await deleteAttempts(db, ids);
      const retryAfter = Math.max(
        1,
        Math.ceil((new Date(oldest).getTime() + windowMs - at.getTime()) / 1000),
      );
      throw new ApiError(
        429,
        "rate_limited",
        `Too many ${what}. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
        { retryAfterSeconds: retryAfter },
        { "retry-after": String(retryAfter) },
      );
    }
  }
  return { succeeded: (into = db) => deleteAttempts(into, ids) };
}
