import type { AccountTables } from "./tables/accounts.ts";
import type { AssessmentTables } from "./tables/assessments.ts";
import type { CareTeamTables } from "./tables/care-team.ts";
import type { DoseLogTables } from "./tables/dose-log.ts";
import type { NotificationTables } from "./tables/notifications.ts";
import type { PlanTables } from "./tables/plans.ts";

/**
 * Table types for Kysely, one file per feature under tables/. Times are UTC ISO-8601 text on both
 * engines; booleans are 0/1 integers; JSON is text. A feature adds its tables in its own file, its
 * migration under migrations/, and one line here.
 */
export interface Database
  extends AccountTables,
    AssessmentTables,
    DoseLogTables,
    PlanTables,
    CareTeamTables,
    NotificationTables {}

export type {
  AuditLogTable,
  LoginFailuresTable,
  SessionsTable,
  UsersTable,
} from "./tables/accounts.ts";
