import { recordLoginFailure } from "../../db/login-failures.ts";
import { assertUnderFailureLimits } from "../auth/login-throttle.ts";
import type { App } from "../context.ts";

/**
 * Guessing invitation codes is throttled like guessing passwords: wrong codes count per
 * clinician and per address in the database (shared by every instance), with the sign-in limits
 * and window.
 */
const keys = (clinicianId: string, address: string) => ({
  account: `join-account:${clinicianId}`,
  address: `join-address:${address}`,
});

export async function assertJoinAllowed(app: App, clinicianId: string, address: string) {
  const { config } = app.mitra;
  const k = keys(clinicianId, address);
  await assertUnderFailureLimits(
    app,
    [
      { key: k.account, limit: config.loginFailuresPerAccount },
      { key: k.address, limit: config.loginFailuresPerAddress },
    ],
    "wrong invitation codes",
  );
}

export async function noteWrongCode(app: App, clinicianId: string, address: string) {
  const k = keys(clinicianId, address);
  await recordLoginFailure(app.mitra.db, [k.account, k.address], app.mitra.now());
}
