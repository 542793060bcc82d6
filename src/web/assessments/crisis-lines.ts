import type { CrisisResource } from "../../core/assessment/crisis-resource.ts";
import crisisData from "../../knowledge/data/crisis-resources.json" with { type: "json" };

// Validated by its schema in the tests and at server start; the browser reads it as it is.
const allLines = crisisData.resources as CrisisResource[];

/** The EU's member states: the single European emergency number 112 works in each of them. */
const EU_MEMBERS = new Set(
  "AT BE BG HR CY CZ DK EE FI FR DE GR IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split(" "),
);

/**
 * Help lines for where the person is (their jurisdiction's country, e.g. US for US-FL), and in
 * an EU member state the EU-wide lines too. With no jurisdiction, or none listed for it, every
 * line Mitra has: no data is never "no help".
 */
export function crisisLinesFor(
  jurisdiction: string | null,
  lines: readonly CrisisResource[] = allLines,
): CrisisResource[] {
  const region = jurisdiction?.slice(0, 2).toUpperCase();
  const inEu = region !== undefined && EU_MEMBERS.has(region);
  const local = lines.filter((l) => l.region === region || (inEu && l.region === "EU"));
  return local.length > 0 ? local : withoutRepeatedNumbers(lines);
}

/**
 * Every line, but one button per number: 988 and 911 answer in both the US and Canada, and two
 * identical "Call 988" buttons only slow a person down. The first listed is kept.
 */
function withoutRepeatedNumbers(lines: readonly CrisisResource[]): CrisisResource[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    if (l.phone === undefined && l.text === undefined) return true;
    const key = `${l.phone ?? ""}|${l.text ?? ""}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The emergency number to offer first (the person's region, else the first one known). */
export function emergencyLine(jurisdiction: string | null): CrisisResource | undefined {
  const lines = crisisLinesFor(jurisdiction);
  return lines.find((l) => l.kind === "emergency" && l.phone !== undefined);
}

/** The suicide and crisis line to offer first for thoughts of self-harm (e.g. 988 in the US). */
export function suicideCrisisLine(jurisdiction: string | null): CrisisResource | undefined {
  const lines = crisisLinesFor(jurisdiction);
  return lines.find((l) => l.kind === "suicide-crisis" && l.phone !== undefined);
}

export const telHref = (phone: string) => `tel:${phone.replaceAll("-", "")}`;
