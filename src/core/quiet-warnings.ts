import type { Severity, Warning } from "./warning.ts";

/**
 * Warning fatigue: a person who said "Got it, quiet for today" about a warning sees its repeats
 * that calendar day (in their own time zone) folded into one line instead of in full. Only the
 * mild ones may go quiet; whatever asks for something now is always shown whole.
 */

/** The severities a person may quiet for the day once acknowledged: cautions and notes. */
export const QUIETABLE_SEVERITIES: readonly Severity[] = ["info", "caution"];

/** Whether a warning of this severity may go quiet once acknowledged (never urgent, dangerous, unsafe). */
export function mayGoQuiet(warning: { severity: Severity }): boolean {
  return QUIETABLE_SEVERITIES.includes(warning.severity);
}

/**
 * Whether a warning asks for something now (urgent, dangerous, unsafe): never quiet, shown open
 * and first on Today.
 */
export function isPressing(warning: { severity: Severity }): boolean {
  return !mayGoQuiet(warning);
}

/** The longest warning code accepted. */
export const WARNING_CODE_MAX_LENGTH = 200;

/**
 * The shape of a warning code: two or more dot-separated parts of letters, digits, `-` and `_`
 * (`interaction.opioid-alcohol`, `amount.kratom-leaf-dose-over-tripsit-strong`,
 * `nodata.substance.<uuid>`).
 */
export const WARNING_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9][A-Za-z0-9_-]*)+$/;

/**
 * The most warning codes one person may acknowledge in one calendar day: many times what a day
 * of real warnings gives, so that one account cannot fill the database with made-up codes.
 */
export const ACKNOWLEDGEMENTS_PER_DAY = 100;

/**
 * Splits warnings into those shown in full and those quiet: a warning is quiet when the person
 * acknowledged its code today and its severity may go quiet. Each keeps its order.
 */
export function splitQuiet<W extends Pick<Warning, "code" | "severity">>(
  warnings: readonly W[],
  acknowledgedToday: Iterable<string>,
): { shown: W[]; quiet: W[] } {
  const acknowledged = new Set(acknowledgedToday);
  const shown: W[] = [];
  const quiet: W[] = [];
  for (const w of warnings) {
    (acknowledged.has(w.code) && mayGoQuiet(w) ? quiet : shown).push(w);
  }
  return { shown, quiet };
}
