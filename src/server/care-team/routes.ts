import type { App } from "../context.ts";
import { clinicianRoutes } from "./clinician-routes.ts";
import { consentRoutes } from "./consent-routes.ts";

/** The care team: consent (the person's side) and the clinician's dashboard and patient view. */
export async function careTeamRoutes(app: App): Promise<void> {
  await consentRoutes(app);
  await clinicianRoutes(app);
}
