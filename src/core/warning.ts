import type { Citation } from "./citation.ts";

/** Severity of a warning, mildest first. `urgent` means: get help now. */
export const SEVERITIES = ["info", "caution", "unsafe", "dangerous", "urgent"] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** The worse of two severities. */
export function worseSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

/**
 * What Mitra tells a person about something they logged or reported: what, why, what to do
 * instead, and where the fact comes from.
 */
export interface Warning {
  /** Stable machine code, e.g. `combination.kratom.alcohol` or `redflag.seizure`. */
  code: string;
  severity: Severity;
  /** One line a frightened person understands. */
  title: string;
  /** Why: the reason, plainly. */
  message: string;
  /** What to do instead or now. */
  action: string;
  sources: Citation[];
  /** Ids of evidence-library claims that explain more, when there are any. */
  evidence?: string[];
  /** Facts the rule used (amounts, substances, times), for display and audit. */
  details?: Record<string, unknown>;
}

/** Sort worst first, then by code so the order is stable. */
export function sortWarnings<W extends Pick<Warning, "severity" | "code">>(
  warnings: readonly W[],
): W[] {
  return [...warnings].sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.code.localeCompare(b.code),
  );
}
