import type { Citation } from "../citation.ts";
import type { CertificateOfAnalysis } from "./certificate.ts";
import type { SevenOhCap } from "./coa-limits.ts";
import type { CoaFinding } from "./finding.ts";
import { formatAmount } from "./format-amount.ts";

/** How the share of 7-OH in the alkaloids was worked out. */
type AlkaloidShare =
  | { basis: "total-alkaloids"; percent: number }
  /**
   * Total alkaloids not reported: 7-OH / (mitragynine + 7-OH). The denominator leaves out the
   * other alkaloids, so it is a lower bound of the total and the share is an upper bound.
   */
  | { basis: "mitragynine-plus-7oh"; percent: number };

function alkaloidShare(coa: CertificateOfAnalysis, sevenOh: number): AlkaloidShare | undefined {
  const total = coa.totalAlkaloidsPercent;
  if (total !== undefined && total > 0) {
    return { basis: "total-alkaloids", percent: (sevenOh / total) * 100 };
  }
  const mitragynine = coa.mitragyninePercent;
  if (mitragynine !== undefined && mitragynine + sevenOh > 0) {
    return { basis: "mitragynine-plus-7oh", percent: (sevenOh / (mitragynine + sevenOh)) * 100 };
  }
  return undefined;
}

function allSources(caps: readonly SevenOhCap[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const cap of caps) {
    for (const s of cap.sources) {
      const key = s.doi ?? s.url ?? s.title;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(s);
      }
    }
  }
  return out;
}

/** Check the 7-OH content against every cap in the data, each giving its own finding. */
export function checkSevenOhShare(
  caps: readonly SevenOhCap[],
  coa: CertificateOfAnalysis,
): CoaFinding[] {
  const sevenOh = coa.sevenOhPercent;
  if (sevenOh === undefined) {
    return [
      {
        status: "not-tested",
        code: "coa.seven_oh.not_tested",
        message:
          "The certificate gives no 7-OH value, so its share cannot be checked against the legal caps.",
        sources: allSources(caps),
      },
    ];
  }

  const findings: CoaFinding[] = [];
  const total = coa.totalAlkaloidsPercent;
  if (total !== undefined && total < sevenOh + (coa.mitragyninePercent ?? 0)) {
    findings.push({
      status: "warning",
      code: "coa.alkaloids.inconsistent",
      message: `Total alkaloids (${formatAmount(total)}%) are less than mitragynine plus 7-OH: the certificate's figures do not add up. Ask the vendor or lab.`,
      sources: allSources(caps),
      details: {
        totalAlkaloidsPercent: total,
        mitragyninePercent: coa.mitragyninePercent,
        sevenOhPercent: sevenOh,
      },
    });
  }

  const share = alkaloidShare(coa, sevenOh);
  const alkaloidCaps = caps.filter((c) => c.basis === "share_of_alkaloids");
  if (share === undefined && alkaloidCaps.length > 0) {
    findings.push({
      status: "not-tested",
      code: "coa.seven_oh_share.not_tested",
      message:
        "Neither total alkaloids nor mitragynine is reported, so the share of 7-OH in the alkaloids cannot be worked out.",
      sources: allSources(alkaloidCaps),
    });
  }

  for (const cap of caps) {
    if (cap.basis === "share_of_product_weight") {
      findings.push(weightFinding(cap, sevenOh));
    } else if (share !== undefined) {
      findings.push(shareFinding(cap, share));
    }
  }
  return findings;
}

function weightFinding(cap: SevenOhCap, sevenOh: number): CoaFinding {
  const over = sevenOh > cap.max_percent;
  return {
    status: over ? cap.exceeded_status : "pass",
    code: `coa.seven_oh.${cap.id}`,
    message: over
      ? `7-OH is ${formatAmount(sevenOh)}% of the product, above ${formatAmount(cap.max_percent)}% (${cap.applies_to}). ${cap.advice}`
      : `7-OH is ${formatAmount(sevenOh)}% of the product, within ${formatAmount(cap.max_percent)}% (${cap.applies_to}).`,
    sources: cap.sources,
    details: {
      basis: "product-weight",
      sevenOhPercent: sevenOh,
      capPercent: cap.max_percent,
      verified: cap.verified,
    },
  };
}

function shareFinding(cap: SevenOhCap, share: AlkaloidShare): CoaFinding {
  const percent = formatAmount(share.percent);
  const cap_ = formatAmount(cap.max_percent);
  const over = share.percent > cap.max_percent;
  const details = {
    basis: share.basis,
    sharePercent: share.percent,
    capPercent: cap.max_percent,
    verified: cap.verified,
    ...(share.basis === "mitragynine-plus-7oh" ? { bound: "upper" } : {}),
  };
  if (share.basis === "total-alkaloids") {
    return {
      status: over ? cap.exceeded_status : "pass",
      code: `coa.seven_oh.${cap.id}`,
      message: over
        ? `7-OH is ${percent}% of the alkaloids, above the ${cap_}% cap (${cap.applies_to}). ${cap.advice}`
        : `7-OH is ${percent}% of the alkaloids, within the ${cap_}% cap (${cap.applies_to}).`,
      sources: cap.sources,
      details,
    };
  }
  const boundNote = `Total alkaloids are not reported, so Mitra divided 7-OH by mitragynine + 7-OH only. That bound leaves out the other alkaloids: the true share is at most ${percent}%.`;
  return {
    // Under the cap, the bound proves compliance; over it, it proves nothing either way.
    status: over ? "warning" : "pass",
    code: `coa.seven_oh.${cap.id}`,
    message: over
      ? `${boundNote} That is above the ${cap_}% cap (${cap.applies_to}), but without total alkaloids Mitra cannot tell whether the product itself is over it. Ask for total alkaloids.`
      : `${boundNote} That is within the ${cap_}% cap (${cap.applies_to}).`,
    sources: cap.sources,
    details,
  };
}
