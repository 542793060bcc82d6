import type { TriageSignals } from "./patient-signals.ts";
import { CHECK_IN_DAYS } from "./windows.ts";

export type ReasonKind =
  | "red-flag"
  | "combination"
  | "rising"
  | "reported-sign"
  | "over-plan"
  | "missed-check-in";

export interface TriageReason {
  kind: ReasonKind;
  text: string;
}

const doses = (n: number) => `${n} dose${n === 1 ? "" : "s"}`;

/** Plain reasons for a row's place, worst first (empty when nothing needs attention). */
export function triageReasons(s: TriageSignals): TriageReason[] {
  const reasons: TriageReason[] = [];
  const add = (kind: ReasonKind, text: string) => reasons.push({ kind, text });
  if (s.openRedFlags) {
    const labels = new Set(
      (s.alerts ?? []).flatMap((a) =>
        a.items.filter((i) => i.kind === "red-flag").map((i) => i.label),
      ),
    );
    add("red-flag", `Red flag not yet seen: ${[...labels].join(", ")}`);
  }
  if (s.riskyCombinations) {
    add("combination", `${doses(s.riskyCombinations)} in a ${s.worstCombination} combination`);
  }
  for (const r of s.rising ?? []) {
    add("rising", `${r.instrumentName} rising: ${r.lowest} → ${r.latest}`);
  }
  const signs = s.reportedSigns ?? [];
  for (const instrumentName of new Set(signs.map((sign) => sign.instrumentName))) {
    const labels = signs
      .filter((sign) => sign.instrumentName === instrumentName)
      .map((x) => x.label);
    add("reported-sign", `${instrumentName}: ${labels.join(", ")} reported, not yet seen`);
  }
  if (s.dosesOverPlan) add("over-plan", `${doses(s.dosesOverPlan)} over plan`);
  if (s.missedCheckIns) {
    const days = s.checkInDaysCounted ?? CHECK_IN_DAYS;
    add(
      "missed-check-in",
      days === 1
        ? "no check-in in the last day"
        : `no check-in on ${s.missedCheckIns} of the last ${days} days`,
    );
  }
  return reasons;
}
