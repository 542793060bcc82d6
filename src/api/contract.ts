import { adminRoutes } from "./admin.ts";
import { assessmentRoutes } from "./assessments.ts";
import { auditRoutes } from "./audit.ts";
import { authRoutes } from "./auth.ts";
import { clinicianRoutes, consentRoutes } from "./care-team.ts";
import { doseLogRoutes } from "./dose-log.ts";
import { healthRoutes } from "./health.ts";
import { knowledgeRoutes } from "./knowledge.ts";
import { notificationRoutes } from "./notifications.ts";
import { planRoutes } from "./plans.ts";
import { quietWarningRoutes } from "./quiet-warnings.ts";
import { reportRoutes } from "./reports.ts";

/**
 * Every route of Mitra's HTTP API, by name. The server must handle exactly these
 * (src/server/contract.api.test.ts); the OpenAPI document and the authorization matrix are made
 * from them; the web app calls them through src/web/api-client.ts.
 */
export const contract = {
  ...healthRoutes,
  ...authRoutes,
  ...assessmentRoutes,
  ...doseLogRoutes,
  ...planRoutes,
  ...knowledgeRoutes,
  ...reportRoutes,
  ...consentRoutes,
  ...clinicianRoutes,
  ...auditRoutes,
  ...adminRoutes,
  ...notificationRoutes,
  ...quietWarningRoutes,
};

export type RouteName = keyof typeof contract;
