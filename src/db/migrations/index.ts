import type { Migration } from "kysely";
import * as accounts from "./0001_accounts.ts";
import * as assessments from "./0002_assessments.ts";
import * as doseLog from "./0003_dose_log.ts";
import * as plans from "./0004_plans.ts";
import * as careTeam from "./0005_care_team.ts";
import * as redundantIndexes from "./0006_redundant_indexes.ts";
import * as oneActivePlan from "./0007_one_active_plan.ts";
import * as rowVersions from "./0008_row_versions.ts";
import * as accountControl from "./0009_account_control.ts";
import * as checkInAcknowledgements from "./0010_check_in_acknowledgements.ts";
import * as notifications from "./0011_notifications.ts";
import * as clinicianApproval from "./0012_clinician_approval.ts";
import * as warningAcknowledgements from "./0013_warning_acknowledgements.ts";

/** Every migration, in order. Names sort the way they run; never rename or edit a landed one. */
export const migrations: Record<string, Migration> = {
  "0001_accounts": accounts,
  "0002_assessments": assessments,
  "0003_dose_log": doseLog,
  "0004_plans": plans,
  "0005_care_team": careTeam,
  "0006_redundant_indexes": redundantIndexes,
  "0007_one_active_plan": oneActivePlan,
  "0008_row_versions": rowVersions,
  "0009_account_control": accountControl,
  "0010_check_in_acknowledgements": checkInAcknowledgements,
  "0011_notifications": notifications,
  "0012_clinician_approval": clinicianApproval,
  "0013_warning_acknowledgements": warningAcknowledgements,
};
