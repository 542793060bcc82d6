import type { Migration } from "kysely";
import * as accounts from "./0001_accounts.ts";
import * as plans from "./0004_plans.ts";

/** Every migration, in order. Names sort the way they run; never rename or edit a landed one. */
export const migrations: Record<string, Migration> = {
  "0001_accounts": accounts,
  "0004_plans": plans,
};
