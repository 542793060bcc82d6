/**
 * Whether clinicians wait for an administrator before they see anyone's records
 * (MITRA_CLINICIAN_APPROVAL). `auto`, the default: every clinician who signs up waits, except the
 * installation's very first account (a clinician running Mitra for their own practice has nobody
 * to approve them and nobody else's data to protect). `on`: every clinician waits. `off`: nobody
 * waits; the licence or role they entered still shows as unverified.
 */
export const APPROVAL_SETTINGS = ["auto", "on", "off"] as const;
export type ApprovalSetting = (typeof APPROVAL_SETTINGS)[number];

/**
 * A clinician account's standing: `pending` until an administrator approves; `approved` by an
 * administrator (the licence or role they entered was looked at); `not_required` when it was
 * never asked for (the setting, the first account, or an account older than the setting).
 */
export const APPROVAL_STATES = ["pending", "approved", "not_required"] as const;
export type ClinicianApproval = (typeof APPROVAL_STATES)[number];

/** Most characters of the licence or role a clinician enters. */
export const LICENCE_MAX_LENGTH = 200;

/** The standing of a clinician who signs up when `accountsBefore` accounts exist already. */
export function approvalAtSignUp(
  setting: ApprovalSetting,
  accountsBefore: number,
): ClinicianApproval {
  if (setting === "off") return "not_required";
  if (setting === "on") return "pending";
  return accountsBefore === 0 ? "not_required" : "pending";
}

/** A clinician may be shown records of the people who linked to them unless they wait. */
export function mayWorkWithPatients(approval: ClinicianApproval | null): boolean {
  return approval !== "pending";
}

/** Only an administrator's approval verifies what a clinician entered. */
export function isVerified(approval: ClinicianApproval | null): boolean {
  return approval === "approved";
}

/** Why a waiting clinician is refused patient data (the API's 403 and the web's notice). */
export const AWAITING_APPROVAL_MESSAGE =
  "Your clinician account is waiting for the administrator of this Mitra to approve it. " +
  "Patients can link to you now; their records open once you are approved.";
