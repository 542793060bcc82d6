import type { CertificateOfAnalysis } from "./certificate.ts";
import type { HeavyMetalLimit } from "./coa-limits.ts";
import type { CoaFinding } from "./finding.ts";
import { formatAmount } from "./format-amount.ts";

function elementName(element: string): string {
  return element.charAt(0).toUpperCase() + element.slice(1);
}

/**
 * Turn each metal's concentration (µg/g) into a daily exposure with the person's daily grams and
 * compare it with the daily limit. Without daily grams the concentration is reported with the
 * amount of product a day that would reach the limit, and nothing is called a pass.
 */
export function checkHeavyMetals(
  limits: readonly HeavyMetalLimit[],
  coa: CertificateOfAnalysis,
  dailyGrams: number | undefined,
): CoaFinding[] {
  const findings: CoaFinding[] = [];
  for (const limit of limits) {
    const name = elementName(limit.element);
    const code = `coa.metal.${limit.id}`;
    const ugPerG = coa.heavyMetalsUgPerG?.[limit.element];
    if (ugPerG === undefined) {
      findings.push({
        status: "not-tested",
        code,
        message: `${name} is not reported on the certificate: not tested.`,
        sources: limit.sources,
        details: { dailyLimitUg: limit.daily_limit_ug },
      });
      continue;
    }
    const concentration = `${formatAmount(ugPerG)} µg/g`;
    const limitText = `${limit.limit_name} of ${formatAmount(limit.daily_limit_ug)} µg/day`;

    if (dailyGrams === undefined || dailyGrams <= 0) {
      const gramsAtLimit = ugPerG > 0 ? limit.daily_limit_ug / ugPerG : undefined;
      findings.push({
        status: "info",
        code,
        message:
          gramsAtLimit === undefined
            ? `${name}: ${concentration} (none found).`
            : `${name}: ${concentration}. Without your daily amount this cannot be turned into a daily exposure; at this level, ${formatAmount(gramsAtLimit)} g of the product a day would reach the ${limitText}.`,
        sources: limit.sources,
        details: { ugPerG, dailyLimitUg: limit.daily_limit_ug, gramsPerDayAtLimit: gramsAtLimit },
      });
      continue;
    }

    const exposureUg = ugPerG * dailyGrams;
    const over = exposureUg > limit.daily_limit_ug;
    const exposure = `${concentration} × ${formatAmount(dailyGrams)} g/day = ${formatAmount(exposureUg)} µg/day`;
    findings.push({
      status: over ? "fail" : "pass",
      code,
      message: over
        ? `${name}: ${exposure}, above the ${limitText}.`
        : `${name}: ${exposure}, within the ${limitText}.`,
      sources: limit.sources,
      details: {
        ugPerG,
        dailyGrams,
        exposureUgPerDay: exposureUg,
        dailyLimitUg: limit.daily_limit_ug,
      },
    });

    for (const other of limit.other_limits ?? []) {
      const overOther = exposureUg > other.daily_limit_ug;
      findings.push({
        status: overOther ? other.exceeded_status : "pass",
        code: `${code}.${other.id}`,
        message: overOther
          ? `${name}: ${formatAmount(exposureUg)} µg/day is above the ${other.limit_name} of ${formatAmount(other.daily_limit_ug)} µg/day. ${other.meaning}`
          : `${name}: ${formatAmount(exposureUg)} µg/day is within the ${other.limit_name} of ${formatAmount(other.daily_limit_ug)} µg/day.`,
        sources: other.sources,
        details: {
          exposureUgPerDay: exposureUg,
          dailyLimitUg: other.daily_limit_ug,
          verified: other.verified,
        },
      });
    }
  }
  return findings;
}
