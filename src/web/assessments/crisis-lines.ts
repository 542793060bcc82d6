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
  return local.length > 0 ? local : [...lines];
}

/** The emergency number to offer first (the person's region, else the first one known). */
export function emergencyLine(jurisdiction: string | null): CrisisResource | undefined {
  const lines = crisisLinesFor(jurisdiction);
  return lines.find((l) => l.kind === "emergency" && l.phone !== undefined);
}

export const telHref = (phone: string) => `tel:${phone.replaceAll("-", "")}`;
