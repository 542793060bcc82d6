/**
 * Each check-in said plainly: what it asks and how long it takes, in the order people are offered
 * them. The scale's own name (e.g. "Subjective Opiate Withdrawal Scale") is shown beside it.
 */
export const CHECK_IN_CHOICES: { id: string; plain: string; blurb: string }[] = [
  {
    id: "sows",
    plain: "Withdrawal right now",
    blurb: "16 feelings such as yawning, cramps and craving, each 0 to 4. About two minutes.",
  },
  {
    id: "sows-gossop",
    plain: "Withdrawal over the last day",
    blurb: "10 symptoms over the last 24 hours, each 0 to 3. About a minute.",
  },
  {
    id: "quick-check",
    plain: "Quick daily check",
    blurb: "Pain, soreness, sleep, anxiety, craving, mood and hours slept. Under a minute.",
  },
  {
    id: "side-effects",
    plain: "Side effects",
    blurb: "Nausea, constipation, itching, skin darkening and liver signs. About a minute.",
  },
  {
    id: "red-flags",
    plain: "Danger signs",
    blurb: "8 yes-or-no questions, such as chest pain or fainting. Answers at once.",
  },
];

/** The plain name of a check-in, or `fallback` (the scale's name) for one not listed. */
export function plainCheckInName(id: string, fallback: string): string {
  return CHECK_IN_CHOICES.find((c) => c.id === id)?.plain ?? fallback;
}
