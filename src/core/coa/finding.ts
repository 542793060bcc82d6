import type { Citation } from "../citation.ts";

/** Outcome of one check, worst first. `not-tested` is never a pass: no data is not safe. */
export const FINDING_STATUSES = ["fail", "warning", "not-tested", "info", "pass"] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** One result of checking a certificate of analysis against a published limit. */
export interface CoaFinding {
  status: FindingStatus;
  /** Stable machine code, e.g. `coa.metal.lead` or `coa.seven_oh.kcpa-2pct-alkaloids`. */
  code: string;
  /** One or two plain sentences. */
  message: string;
  sources: Citation[];
  /** Numbers the check used (values, limits, bases), for display and audit. */
  details?: Record<string, unknown>;
}

/** Worst first, then by code, so the order is stable. */
export function sortFindings(findings: readonly CoaFinding[]): CoaFinding[] {
  return [...findings].sort(
    (a, b) =>
      FINDING_STATUSES.indexOf(a.status) - FINDING_STATUSES.indexOf(b.status) ||
      a.code.localeCompare(b.code),
  );
}
