import type { FindingStatus } from "../../core/coa/finding.ts";
import type { Verdict } from "../../core/evidence/evidence-claim.ts";
import type { SevenOhStatus } from "../../core/legal/jurisdiction.ts";
import { FINDING_LABEL, STATUS_LABEL, STATUS_MEANING, VERDICT_LABEL } from "./labels.ts";

/** A legal status as a coloured badge; its meaning is in the title and for screen readers. */
export function StatusBadge({ status }: { status: SevenOhStatus }) {
  return (
    <span className={`badge status-${status}`} title={STATUS_MEANING[status]}>
      {STATUS_LABEL[status]}
    </span>
  );
}

/** An evidence verdict; "False" stands out. */
export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  return <span className={`badge verdict-${verdict}`}>{VERDICT_LABEL[verdict]}</span>;
}

export function FindingBadge({ status }: { status: FindingStatus }) {
  return <span className={`badge finding-${status}`}>{FINDING_LABEL[status]}</span>;
}
