import type { contract } from "../../api/contract.ts";
import type { RouteOutput } from "../../api/define.ts";
import type { NotificationKind } from "../../core/notifications/kinds.ts";

/** What the person chose to be told, and how, as the contract answers it. */
export type Preferences = RouteOutput<typeof contract.getNotificationPreferences>;

/** The kinds each role may turn off (a red flag and the test cannot be). */
export const MUTABLE_KINDS: Record<
  "patient" | "clinician" | "admin",
  [NotificationKind, string][]
> = {
  clinician: [
    ["dangerous_combination", "A patient logs a dangerous combination"],
    ["dose_over_plan", "A patient logs a dose over their plan"],
    ["rising_score", "A patient's withdrawal scores start rising"],
    ["missed_check_in", "A patient misses a planned check-in"],
    ["care_link_revoked", "A patient stops sharing with me"],
  ],
  patient: [
    ["care_link_joined", "A clinician joins my care team"],
    ["check_in_reminder", "My check-in reminders"],
  ],
  admin: [],
};
