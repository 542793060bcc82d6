import { pruneLoginFailures } from "../db/login-failures.ts";
import { deleteExpiredSessions } from "../db/sessions.ts";
import type { App } from "./context.ts";

const HOUR_MS = 3_600_000;

/**
 * Removes what no request can use any more: expired sessions, and failed sign-in or join
 * attempts older than the throttling window. Safe to run from several instances at once.
 */
export async function pruneExpired(app: App): Promise<void> {
  const { db, now, config } = app.mitra;
  const at = now();
  await deleteExpiredSessions(db, at);
  await pruneLoginFailures(db, new Date(at.getTime() - config.loginWindowMinutes * 60_000));
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
