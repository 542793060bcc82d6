import type { CrisisResource } from "../../core/assessment/crisis-resource.ts";
import crisisData from "../../knowledge/data/crisis-resources.json" with { type: "json" };

// Validated by its schema in the tests and at server start; the browser reads it as it is.
const allLines = crisisData.resources as CrisisResource[];

/**
 * Help lines for where the person is (their jurisdiction's country, e.g. US for US-FL). With no
 * jurisdiction, or none listed for it, every line Mitra has: no data is never "no help".
 */
export function crisisLinesFor(
  jurisdiction: string | null,
  lines: readonly CrisisResource[] = allLines,
): CrisisResource[] {
  const region = jurisdiction?.slice(0, 2).toUpperCase();
  const local = lines.filter((l) => l.region === region);
  return local.length > 0 ? local : [...lines];
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
