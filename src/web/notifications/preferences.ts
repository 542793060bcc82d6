/** The preferences route's body (src/server/notifications/schemas.ts), and the page's wording. */
export interface Preferences {
  enabled: boolean;
  channels: { email: boolean; push: boolean };
  mutedKinds: string[];
  mutedPatients: string[];
  checkInReminders: string[];
  quietHours: { start: string; end: string } | null;
}

/** The kinds each role may turn off (a red flag and the test cannot be). */
export const MUTABLE_KINDS: Record<"patient" | "clinician" | "admin", [string, string][]> = {
  clinician: [
    ["dangerous_combination", "A patient logs a dangerous combination"],
    ["dose_over_plan", "A patient logs a dose over their plan"],
    ["missed_check_in", "A patient misses a planned check-in"],
    ["care_link_revoked", "A patient stops sharing with me"],
  ],
  patient: [
    ["care_link_joined", "A clinician joins my care team"],
    ["check_in_reminder", "My check-in reminders"],
  ],
  admin: [],
};
