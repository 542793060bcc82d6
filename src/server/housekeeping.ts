import { pruneLoginFailures } from "../db/login-failures.ts";
import { deleteExpiredSessions } from "../db/sessions.ts";
import { ACCOUNT_FAILURE_MEMORY_HOURS } from "./auth/login-throttle.ts";
import { idleSince } from "./auth/session.ts";
import type { App } from "./context.ts";

const HOUR_MS = 3_600_000;

/**
 * Removes what no request can use any more: expired or idle sessions, and failed sign-in or join
 * attempts older than the throttling window (an account's failed sign-ins once they are older than
 * ACCOUNT_FAILURE_MEMORY_HOURS). Safe to run from several instances at once.
 */
export async function pruneExpired(app: App): Promise<void> {
  const { db, now, config } = app.mitra;
  const at = now();
  await deleteExpiredSessions(db, at, idleSince(app, at));
  await pruneLoginFailures(db, {
    before: new Date(at.getTime() - config.loginWindowMinutes * 60_000),
    accountsBefore: new Date(at.getTime() - ACCOUNT_FAILURE_MEMORY_HOURS * HOUR_MS),
  });
}

/** Prunes now and every hour until the returned function is called. */
export function startHousekeeping(app: App): () => void {
  const run = () =>
    pruneExpired(app).catch((error: unknown) =>
      app.log.warn({ err: error }, "housekeeping failed"),
    );
  void run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
