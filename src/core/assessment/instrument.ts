import type { Citation } from "../citation.ts";
import type { Warning } from "../warning.ts";

/**
 * An assessment instrument as Mitra uses it: a withdrawal scale (COWS, SOWS, SOWS-Gossop), Mitra's
 * own quick daily check, or the red-flag screen. Definitions are data (src/knowledge/data/
 * instruments.json); this module only describes their shape.
 */

/** Who fills the instrument in. COWS rates observed signs, so a clinician records it. */
export type RecordedBy = "patient" | "clinician";

/** One allowed answer to a choice item: the score it adds and what the person sees. */
export interface AnswerOption {
  value: number;
  label: string;
}

/** Whether a higher answer means the person is worse (most symptoms) or better (mood, sleep). */
export type ItemDirection = "higher-is-worse" | "higher-is-better";

/**
 * What Mitra says when an item is answered with a given value: an urgent warning held in data,
 * never in code. The red-flag screen's "yes" answers carry one each.
 */
export interface RedFlagRule {
  /** The answer value that raises the warning (1 = yes on the red-flag screen). */
  whenValue: number;
  warning: Omit<Warning, "severity" | "details" | "evidence"> & { severity: "urgent" };
}

interface ItemBase {
  /** Stable id, unique within the instrument, e.g. `cows-1-pulse`. Answers are keyed by it. */
  id: string;
  /** The question or sign as the published form words it (or a close, cited paraphrase). */
  text: string;
  /** A few words for charts and tables. */
  shortLabel: string;
  direction: ItemDirection;
  /** How the item is rated, e.g. COWS's "measured after sitting or lying for one minute". */
  note?: string;
}

/** An item answered by picking one of a fixed set of values. Values need not be contiguous. */
export interface ChoiceItem extends ItemBase {
  kind: "choice";
  /** Allowed answers, lowest value first. Any other value is refused. */
  answers: AnswerOption[];
  redFlag?: RedFlagRule;
}

/** An item answered with a number on a grid (e.g. hours slept 0-24 in steps of 0.5). */
export interface NumericItem extends ItemBase {
  kind: "numeric";
  min: number;
  max: number;
  step: number;
  unit: string;
}

export type InstrumentItem = ChoiceItem | NumericItem;

/** The range a total can take. */
export interface TotalRange {
  min: number;
  max: number;
}

/**
 * A named range of totals, inclusive at both ends. `convention: true` marks a band that is a
 * service or Mitra convention rather than part of the published instrument; `note` and `sources`
 * say whose convention it is.
 */
export interface Band {
  id: string;
  label: string;
  min: number;
  max: number;
  convention?: true;
  note?: string;
  sources?: Citation[];
}

/** A part of the total worth reporting on its own, e.g. SOWS item 16 (craving). */
export interface SubscoreDefinition {
  id: string;
  label: string;
  /** Item ids summed into this subscore. */
  items: string[];
  note?: string;
}

/** A code for the instrument in an external terminology (LOINC) found in an authoritative listing. */
export interface InstrumentCode {
  system: string;
  code: string;
  display: string;
}

export interface InstrumentDefinition {
  /** Stable id: `cows`, `sows`, `sows-gossop`, `quick-check`, `red-flags`. */
  id: string;
  name: string;
  shortName: string;
  description: string;
  /** False for Mitra's own quick check, which is not a validated instrument. */
  validated: boolean;
  recordedBy: RecordedBy;
  /** The time the answers describe, e.g. "right now" or "the past 24 hours". */
  recallPeriod: string;
  /** What the person or rater is told before the items. */
  instructions: string;
  /** Items in the published order. */
  items: InstrumentItem[];
  /** Range of the summed total, or null when the instrument has no total (quick check, red flags). */
  totalRange: TotalRange | null;
  /** Bands on the total, lowest first, contiguous and covering `totalRange`; may be empty. */
  bands: Band[];
  /** Why there are no bands, or where they come from. */
  bandsNote?: string;
  subscores: SubscoreDefinition[];
  /** External codes; empty when none was found (a local code system is used instead). */
  codes: InstrumentCode[];
  sources: Citation[];
  note?: string;
}

/** Answers keyed by item id. */
export type AssessmentAnswers = Record<string, number>;

/** The values a choice item accepts, or null for a numeric item. */
export function allowedValues(item: InstrumentItem): number[] | null {
  return item.kind === "choice" ? item.answers.map((a) => a.value) : null;
}

/** Whether `value` is an answer `item` accepts. */
export function isAllowedAnswer(item: InstrumentItem, value: unknown): value is number {
  if (typeof value !== "number" || !Number.isFinite(value)) return false;
  if (item.kind === "choice") return item.answers.some((a) => a.value === value);
  return value >= item.min && value <= item.max && isOnStepGrid(value - item.min, item.step);
}

function isOnStepGrid(offset: number, step: number): boolean {
  const steps = offset / step;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

/** The label of an answer (the option's label, or the number with its unit for numeric items). */
export function answerLabel(item: InstrumentItem, value: number): string | null {
  if (!isAllowedAnswer(item, value)) return null;
  if (item.kind === "numeric") return `${value} ${item.unit}`;
  return item.answers.find((a) => a.value === value)?.label ?? null;
}
