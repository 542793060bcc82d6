import { type Attempt, reserveAttempt } from "../auth/login-throttle.ts";
import type { App } from "../context.ts";

/**
 * Guessing invitation codes is throttled like guessing passwords: each code is counted per
 * clinician and per address in the database (shared by every instance) before it is checked,
 * with the sign-in limits and window; a right code is taken back.
 */
export function reserveJoinAttempt(
  app: App,
  clinicianId: string,
  address: string,
): Promise<Attempt> {
  const { config } = app.mitra;
  return reserveAttempt(
    app,
    [
      { key: `join-account:${clinicianId}`, limit: config.loginFailuresPerAccount },
      { key: `join-address:${address}`, limit: config.loginFailuresPerAddress },
    ],
    "wrong invitation codes",
  );
}
