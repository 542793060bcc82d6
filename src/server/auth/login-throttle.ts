import { countLoginFailures, recordLoginFailure } from "../../db/login-failures.ts";
import type { App } from "../context.ts";
import { ApiError } from "../http/api-error.ts";

/**
 * Login throttling by account and by address. Failures live in the database so that several
 * Mitra instances behind one load balancer share the count.
 */
export function throttleKeys(email: string, address: string) {
  return { account: `account:${email.toLowerCase()}`, address: `address:${address}` };
}

export async function assertLoginAllowed(app: App, email: string, address: string): Promise<void> {
  const { config } = app.mitra;
  const keys = throttleKeys(email, address);
  await assertUnderFailureLimits(
    app,
    [
      { key: keys.account, limit: config.loginFailuresPerAccount },
      { key: keys.address, limit: config.loginFailuresPerAddress },
    ],
    "failed sign-in attempts",
  );
}

/**
 * Refuses with 429 and Retry-After while any key has `limit` failures within the sign-in window
 * (MITRA_LOGIN_WINDOW_MINUTES). `what` names the failures in the message.
 */
export async function assertUnderFailureLimits(
  app: App,
  checks: { key: string; limit: number }[],
  what: string,
): Promise<void> {
  const { config, db, now } = app.mitra;
  const windowMs = config.loginWindowMinutes * 60_000;
  const at = now();
  const since = new Date(at.getTime() - windowMs);
  for (const { key, limit } of checks) {
    const { count, oldest } = await countLoginFailures(db, key, since);
    if (count >= limit && oldest) {
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
}

export async function noteLoginFailure(app: App, email: string, address: string): Promise<void> {
  const keys = throttleKeys(email, address);
  await recordLoginFailure(app.mitra.db, [keys.account, keys.address], app.mitra.now());
}
