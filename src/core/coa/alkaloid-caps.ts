import type { Citation } from "../citation.ts";
import type { CertificateOfAnalysis } from "./certificate.ts";
import type { CappedAlkaloid, SevenOhCap, SevenOhCapBasis } from "./coa-limits.ts";
import type { CoaFinding, FindingStatus } from "./finding.ts";
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

const alkaloidOf = (cap: SevenOhCap): CappedAlkaloid => cap.alkaloid ?? "7-oh";
const ALKALOID_NAME: Record<CappedAlkaloid, string> = {
  "7-oh": "7-OH",
  mitragynine: "Mitragynine",
};
const capLimit = (cap: SevenOhCap): number => cap.max_percent ?? cap.max_mg ?? 0;
/** Caps that measure the same thing: only the strictest of them decides where you live. */
const measureOf = (cap: SevenOhCap) => `${alkaloidOf(cap)}:${cap.basis}`;

/** Where the person lives, as the codes of their place and every level above it. */
export interface PlaceOfCheck {
  /** Nearest first, e.g. ["US-GA", "US"]. */
  codes: readonly string[];
  /** The place's name for messages, e.g. "Georgia". */
  name: string;
}

/**
 * Check the certificate's alkaloids against the caps in the data. Without a place, every cap
 * gives its own finding. With a place, caps of other places are left out and, among the caps in
 * force along the person's chain, only the strictest of each kind (same alkaloid, same basis)
 * judges the product, and its finding says so; caps with no place (a model act) and pending
 * (proposed) caps still give their own findings, never counted as the law where they live. A
 * verdict finding (`coa.local.verdict`) then says whether the product is within every rule that
 * applies there.
 */
export function checkAlkaloidCaps(
  caps: readonly SevenOhCap[],
  coa: CertificateOfAnalysis,
  place?: PlaceOfCheck,
): CoaFinding[] {
  const inChain = (cap: SevenOhCap) =>
    cap.jurisdiction !== undefined && place?.codes.includes(cap.jurisdiction) === true;
  const applicable =
    place === undefined ? caps : caps.filter((c) => c.jurisdiction === undefined || inChain(c));
  const local = place === undefined ? [] : applicable.filter((c) => inChain(c) && !c.pending);
  const strictestLocal = strictestByMeasure(local);
  const judged = applicable.filter(
    (c) => !local.includes(c) || strictestLocal.get(measureOf(c)) === c,
  );

  const findings = [...sevenOhPresenceFindings(caps, coa)];
  const sevenOh = coa.sevenOhPercent;
  const share = sevenOh !== undefined ? alkaloidShare(coa, sevenOh) : undefined;
  if (sevenOh !== undefined && share === undefined && judged.some(isShareCap)) {
    findings.push({
      status: "not-tested",
      code: "coa.seven_oh_share.not_tested",
      message:
        "Neither total alkaloids nor mitragynine is reported, so the share of 7-OH in the alkaloids cannot be worked out.",
      sources: allSources(judged.filter(isShareCap)),
    });
  }

  const localFindings: CoaFinding[] = [];
  for (const cap of judged) {
    const finding = capFinding(cap, coa, share);
    if (finding === undefined) continue;
    if (local.includes(cap) && place !== undefined) {
      const marked = markLocal(finding, cap, place, local);
      localFindings.push(marked);
      findings.push(marked);
    } else {
      findings.push(cap.pending ? markPending(finding) : finding);
    }
  }
  if (place !== undefined) {
    findings.push(localVerdict(place, strictestLocal, localFindings, allSources(applicable)));
  }
  return findings;
}

const isShareCap = (c: SevenOhCap) => c.basis === "share_of_alkaloids";

function strictestByMeasure(caps: readonly SevenOhCap[]): Map<string, SevenOhCap> {
  const out = new Map<string, SevenOhCap>();
  for (const cap of caps) {
    const key = measureOf(cap);
    const held = out.get(key);
    if (held === undefined || capLimit(cap) < capLimit(held)) out.set(key, cap);
  }
  return out;
}

/** "No 7-OH value" is said once, whatever the caps. */
function sevenOhPresenceFindings(
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
          "The certificate gives no 7-OH value, so it cannot be checked against the legal caps.",
        sources: allSources(caps.filter((c) => alkaloidOf(c) === "7-oh")),
      },
    ];
  }
  const total = coa.totalAlkaloidsPercent;
  if (total !== undefined && total < sevenOh + (coa.mitragyninePercent ?? 0)) {
    return [
      {
        status: "warning",
        code: "coa.alkaloids.inconsistent",
        message: `Total alkaloids (${formatAmount(total)}%) are less than mitragynine plus 7-OH: the certificate's figures do not add up. Ask the vendor or lab.`,
        sources: allSources(caps),
        details: {
          totalAlkaloidsPercent: total,
          mitragyninePercent: coa.mitragyninePercent,
          sevenOhPercent: sevenOh,
        },
      },
    ];
  }
  return [];
}

function capFinding(
  cap: SevenOhCap,
  coa: CertificateOfAnalysis,
  share: AlkaloidShare | undefined,
): CoaFinding | undefined {
  const percent = alkaloidOf(cap) === "7-oh" ? coa.sevenOhPercent : coa.mitragyninePercent;
  if (alkaloidOf(cap) === "7-oh" && percent === undefined) return undefined; // said once above
  if (cap.basis === "share_of_alkaloids") {
    return share === undefined ? undefined : shareFinding(cap, share);
  }
  if (percent === undefined) return notReported(cap, `${ALKALOID_NAME[alkaloidOf(cap)]} value`);
  if (cap.basis === "share_of_product_weight") return weightFinding(cap, percent);
  return amountFinding(cap, coa, percent);
}

function notReported(cap: SevenOhCap, what: string): CoaFinding {
  return {
    status: "not-tested",
    code: `coa.seven_oh.${cap.id}`,
    message: `Without the ${what}, this product cannot be checked against ${cap.title} (${cap.applies_to}).`,
    sources: cap.sources,
    details: { basis: cap.basis, verified: cap.verified },
  };
}

function weightFinding(cap: SevenOhCap, sevenOh: number): CoaFinding {
  const max = capLimit(cap);
  const over = sevenOh > max;
  return {
    status: over ? cap.exceeded_status : "pass",
    code: `coa.seven_oh.${cap.id}`,
    message: over
      ? `7-OH is ${formatAmount(sevenOh)}% of the product, above ${formatAmount(max)}% (${cap.applies_to}). ${cap.advice}`
      : `7-OH is ${formatAmount(sevenOh)}% of the product, within ${formatAmount(max)}% (${cap.applies_to}).`,
    sources: cap.sources,
    details: {
      basis: "product-weight",
      sevenOhPercent: sevenOh,
      capPercent: max,
      verified: cap.verified,
    },
  };
}

const AMOUNT_WORDS: Record<
  Exclude<SevenOhCapBasis, "share_of_alkaloids" | "share_of_product_weight">,
  { per: string; grams: keyof CertificateOfAnalysis | undefined; missing: string }
> = {
  mg_per_gram: { per: "per gram", grams: undefined, missing: "" },
  mg_per_serving: { per: "per serving", grams: "servingGrams", missing: "serving size in grams" },
  mg_per_unit: {
    per: "per unit (capsule, tablet, gummy or shot)",
    grams: "unitGrams",
    missing: "weight of one unit in grams",
  },
  mg_per_container: {
    per: "per container",
    grams: "containerGrams",
    missing: "net weight of the container in grams",
  },
};

/** mg of the alkaloid per gram, serving, unit or container: percent × 10 mg/g × grams. */
function amountFinding(cap: SevenOhCap, coa: CertificateOfAnalysis, percent: number): CoaFinding {
  const words = AMOUNT_WORDS[cap.basis as keyof typeof AMOUNT_WORDS];
  const grams = words.grams === undefined ? 1 : (coa[words.grams] as number | undefined);
  if (grams === undefined) return notReported(cap, words.missing);
  const mg = percent * 10 * grams;
  const max = capLimit(cap);
  const over = mg > max;
  const name = ALKALOID_NAME[alkaloidOf(cap)];
  const amount = `${name} comes to ${formatAmount(mg)} mg ${words.per}`;
  return {
    status: over ? cap.exceeded_status : "pass",
    code: `coa.seven_oh.${cap.id}`,
    message: over
      ? `${amount}, above ${formatAmount(max)} mg (${cap.applies_to}). ${cap.advice}`
      : `${amount}, within ${formatAmount(max)} mg (${cap.applies_to}).`,
    sources: cap.sources,
    details: {
      basis: cap.basis,
      alkaloid: alkaloidOf(cap),
      percent,
      grams,
      mg,
      capMg: max,
      verified: cap.verified,
    },
  };
}

function shareFinding(cap: SevenOhCap, share: AlkaloidShare): CoaFinding {
  const max = capLimit(cap);
  const percent = formatAmount(share.percent);
  const cap_ = formatAmount(max);
  const over = share.percent > max;
  const details = {
    basis: share.basis,
    sharePercent: share.percent,
    capPercent: max,
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

function markLocal(
  finding: CoaFinding,
  cap: SevenOhCap,
  place: PlaceOfCheck,
  local: readonly SevenOhCap[],
): CoaFinding {
  const looser = local.filter((c) => c !== cap && measureOf(c) === measureOf(cap));
  return {
    ...finding,
    message: `${finding.message} Where you live (${place.name}) this is the strictest rule of its kind.`,
    details: {
      ...finding.details,
      appliesWhereYouLive: true,
      jurisdiction: cap.jurisdiction,
      rule: cap.applies_to,
      ...(looser.length > 0 ? { looserRules: looser.map((c) => c.id) } : {}),
    },
  };
}

function markPending(finding: CoaFinding): CoaFinding {
  // A proposed threshold is never the law: at most a warning, and said to be proposed.
  const status: FindingStatus = finding.status === "fail" ? "warning" : finding.status;
  return {
    ...finding,
    status,
    message: `Proposed, not confirmed in force: ${finding.message}`,
    details: { ...finding.details, pending: true },
  };
}

/** One line: is the product within every rule that applies where the person lives? */
function localVerdict(
  place: PlaceOfCheck,
  strictest: ReadonlyMap<string, SevenOhCap>,
  localFindings: readonly CoaFinding[],
  generalSources: Citation[],
): CoaFinding {
  const caps = [...strictest.values()];
  const sources = allSources(caps);
  const code = "coa.local.verdict";
  if (caps.length === 0) {
    return {
      status: "info",
      code,
      message: `Mitra knows no alkaloid cap in the law of ${place.name}; the caps shown are general ones, not the law where you live.`,
      sources: generalSources,
    };
  }
  const broken = localFindings.filter((f) => f.status === "fail" || f.status === "warning");
  const untested = localFindings.filter((f) => f.status === "not-tested");
  const rule = (f: CoaFinding) => String(f.details?.rule ?? f.code);
  if (broken.length > 0) {
    return {
      status: broken.some((f) => f.status === "fail") ? "fail" : "warning",
      code,
      message: `Not allowed where you live (${place.name}): over ${broken.map(rule).join("; ")}.`,
      sources,
      details: { rules: broken.map((f) => f.code) },
    };
  }
  if (untested.length > 0 || localFindings.length < caps.length) {
    return {
      status: "not-tested",
      code,
      message: `Not yet checkable against every rule of ${place.name}: ${untested.map((f) => f.message).join(" ") || "some values are missing."}`,
      sources,
      details: { rules: untested.map((f) => f.code) },
    };
  }
  return {
    status: "pass",
    code,
    message: `Within every alkaloid cap that applies where you live (${place.name}), judged by the strictest of each kind.`,
    sources,
    details: { rules: localFindings.map((f) => f.code) },
  };
}
