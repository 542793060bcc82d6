import type { EvidenceClaim } from "../../core/evidence/evidence-claim.ts";
import { VerdictBadge } from "../components/Badges.tsx";
import { EVIDENCE_LEVEL_LABEL, formatCalendarDay, TOPIC_LABEL } from "../components/labels.ts";
import { FoldedSources } from "../components/SourceList.tsx";

/** One graded claim: what people say, the verdict, why, the level of evidence, the sources. */
export function ClaimCard({
  claim,
  headingLevel = 3,
}: {
  claim: EvidenceClaim;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article
      className={`card claim claim-${claim.verdict}`}
      id={`claim-${claim.id}`}
      aria-labelledby={`claim-${claim.id}-title`}
      data-testid="claim"
    >
      <p className="claim-verdict">
        <VerdictBadge verdict={claim.verdict} />
        <span className="muted small">{claim.topics.map((t) => TOPIC_LABEL[t]).join(" · ")}</span>
      </p>
      <Heading id={`claim-${claim.id}-title`} className="claim-text">
        “{claim.claim}”
      </Heading>
      <p>{claim.explanation}</p>
      <p className="muted small">
        Evidence: {EVIDENCE_LEVEL_LABEL[claim.evidence_level]}. Newest source{" "}
        {formatCalendarDay(claim.as_of)}.{" "}
        {claim.reviewed
          ? `Checked against its source on ${formatCalendarDay(claim.reviewed.on)}.`
          : "Not yet checked against its source by Mitra."}
        {!claim.verified && " Some sources were read only in summary."}
      </p>
      {claim.note && (
        <details>
          <summary>Note</summary>
          <p>{claim.note}</p>
        </details>
      )}
      <FoldedSources sources={claim.sources} />
    </article>
  );
}
