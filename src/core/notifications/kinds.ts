/**
 * What Mitra notifies about, who is told, and the words a message may carry. A push or an e-mail
 * never carries health data (no substance, score, answer or note): only these fixed titles, and
 * the details behind sign-in at `link`.
 */
export const NOTIFICATION_KINDS = [
  "red_flag",
  "dangerous_combination",
  "dose_over_plan",
  "rising_score",
  "missed_check_in",
  "care_link_joined",
  "care_link_revoked",
  "check_in_reminder",
  "dose_window_open",
  "registration_attempt",
  "test",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The consent a clinician needs to be told about a patient's event. */
type Scope = "doses" | "assessments";

export interface KindPolicy {
  /** `care_team`: the clinicians with live consent and `scope`; `subject`: the event's person; `other`: the clinician it names. */
  audience: "care_team" | "subject" | "other";
  scope?: Scope;
  /** Cannot be turned off while consent lasts. */
  alwaysOn: boolean;
  /** The whole message outside Mitra: a title without health data. */
  title: string;
  /** The in-app list's line (behind sign-in, still without health data). */
  label: string;
}

export const KIND_POLICIES: Record<NotificationKind, KindPolicy> = {
  red_flag: {
    audience: "care_team",
    scope: "assessments",
    alwaysOn: true,
    title: "Mitra: a patient needs attention",
    label: "A patient reported a red flag",
  },
  dangerous_combination: {
    audience: "care_team",
    scope: "doses",
    alwaysOn: false,
    title: "Mitra: a patient needs attention",
    label: "A patient logged a dangerous combination",
  },
  dose_over_plan: {
    audience: "care_team",
    scope: "doses",
    alwaysOn: false,
    title: "Mitra: a patient needs attention",
    label: "A patient logged a dose over their plan",
  },
  rising_score: {
    audience: "care_team",
    scope: "assessments",
    alwaysOn: false,
    title: "Mitra: a patient needs attention",
    label: "A patient's withdrawal scores are rising",
  },
  missed_check_in: {
    audience: "care_team",
    scope: "assessments",
    alwaysOn: false,
    title: "Mitra: a patient needs attention",
    label: "A patient missed a planned check-in",
  },
  care_link_joined: {
    audience: "subject",
    alwaysOn: false,
    title: "Mitra: a clinician joined your care team",
    label: "A clinician joined your care team",
  },
  care_link_revoked: {
    audience: "other",
    alwaysOn: false,
    title: "Mitra: a patient stopped sharing with you",
    label: "A patient stopped sharing their record with you",
  },
  check_in_reminder: {
    audience: "subject",
    alwaysOn: false,
    title: "Mitra: time for your check-in",
    label: "Time for your check-in",
  },
  dose_window_open: {
    audience: "subject",
    alwaysOn: false,
    title: "Mitra: your next dose window is open",
    label: "Your next planned dose window is open",
  },
  registration_attempt: {
    audience: "subject",
    alwaysOn: true,
    title: "Mitra: someone tried to sign up with your e-mail address",
    label: "Someone tried to create an account with your e-mail address",
  },
  test: {
    audience: "subject",
    alwaysOn: true,
    title: "Mitra: test notification",
    label: "Test notification",
  },
};

/** The page behind sign-in that shows an event's details. */
export function linkPathFor(kind: NotificationKind, subjectId: string | null): string {
  const policy = KIND_POLICIES[kind];
  if (policy.audience === "care_team" && subjectId) return `/patients/${subjectId}`;
  if (kind === "care_link_joined") return "/share";
  if (kind === "care_link_revoked") return "/patients";
  if (kind === "check_in_reminder") return "/check-in";
  if (kind === "registration_attempt") return "/account";
  return "/notifications";
}

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
