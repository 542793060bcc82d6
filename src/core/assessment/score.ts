import {
  type AssessmentAnswers,
  answerLabel,
  type Band,
  type InstrumentDefinition,
  isAllowedAnswer,
} from "./instrument.ts";

/** One item's answer as scored: null when unanswered or not an allowed value. */
export interface ItemScore {
  itemId: string;
  shortLabel: string;
  value: number | null;
  /** The chosen answer's label (or the number and unit), for per-item display. */
  label: string | null;
}

export interface SubscoreResult {
  id: string;
  label: string;
  /** Sum of the subscore's answered items; null when none of them is answered. */
  score: number | null;
  complete: boolean;
}

export interface AssessmentScore {
  instrumentId: string;
  /**
   * Sum of the answered items' values; null when the instrument has no total (quick check, red
   * flags). While `complete` is false this is a running total, a lower bound of the final one.
   */
  total: number | null;
  /** Every item has an allowed answer. */
  complete: boolean;
  answeredCount: number;
  itemCount: number;
  /** The band of the total, only once `complete` (a partial total would understate it). */
  band: Band | null;
  /** Every item in published order, answered or not. */
  itemScores: ItemScore[];
  subscores: SubscoreResult[];
}

/**
 * Score an assessment, complete or partial, so a form can score as the person types. Answers to
 * unknown items and values an item does not allow are left out (treated as unanswered); use
 * `validateAnswers` to refuse them before storing. Never throws.
 */
export function scoreAssessment(
  instrument: InstrumentDefinition,
  answers: AssessmentAnswers,
): AssessmentScore {
  const itemScores: ItemScore[] = instrument.items.map((item) => {
    const raw: unknown = Object.hasOwn(answers, item.id) ? answers[item.id] : undefined;
    const value = isAllowedAnswer(item, raw) ? raw : null;
    return {
      itemId: item.id,
      shortLabel: item.shortLabel,
      value,
      label: value === null ? null : answerLabel(item, value),
    };
  });

  const answered = itemScores.filter((s) => s.value !== null);
  const complete = answered.length === instrument.items.length;
  const total =
    instrument.totalRange === null ? null : answered.reduce((sum, s) => sum + (s.value ?? 0), 0);
  const band = complete && total !== null ? bandFor(instrument.bands, total) : null;

  const byId = new Map(itemScores.map((s) => [s.itemId, s]));
  const subscores: SubscoreResult[] = instrument.subscores.map((sub) => {
    const values = sub.items.map((id) => byId.get(id)?.value ?? null);
    const present = values.filter((v): v is number => v !== null);
    return {
      id: sub.id,
      label: sub.label,
      score: present.length === 0 ? null : present.reduce((a, b) => a + b, 0),
      complete: present.length === values.length,
    };
  });

  return {
    instrumentId: instrument.id,
    total,
    complete,
    answeredCount: answered.length,
    itemCount: instrument.items.length,
    band,
    itemScores,
    subscores,
  };
}

/** The band whose inclusive range holds `total`, or null when no band does. */
export function bandFor(bands: readonly Band[], total: number): Band | null {
  return bands.find((b) => total >= b.min && total <= b.max) ?? null;
}
