/**
 * The safety engine's vocabulary. Knowledge (substances, interaction rules, conditions, limits)
 * comes in as `SafetyRules`, loaded and validated by src/knowledge; core never imports it. Every
 * threshold, level and message is data: the engine only matches and compares.
 */

import type { Citation } from "../citation.ts";
import type { ProductInfo, Unit } from "../units.ts";
import type { Severity } from "../warning.ts";

/** Interaction levels, mildest first (TripSit's small fixed scale). */
export const INTERACTION_LEVELS = ["low-risk", "caution", "unsafe", "dangerous"] as const;
export type InteractionLevel = (typeof INTERACTION_LEVELS)[number];

export const ROUTES = [
  "oral",
  "sublingual",
  "buccal",
  "intranasal",
  "insufflated",
  "inhaled",
  "smoked",
  "intravenous",
  "intramuscular",
  "subcutaneous",
  "transdermal",
  "rectal",
] as const;
export type Route = (typeof ROUTES)[number];

/**
 * Matches a substance by id or by any of its classes. An empty matcher matches nothing;
 * `anySubstance` matches every substance (only "no data" decisions may use it).
 */
export interface SubstanceMatcher {
  substanceIds?: string[];
  classes?: string[];
  anySubstance?: true;
}

/** A class of substances. Rules name classes; a custom substance picks a `pickable` class. */
export interface SubstanceClass {
  id: string;
  name: string;
  description: string;
  /** Whether a person may pick it for a custom substance, which then inherits its rules. */
  pickable: boolean;
  /** Classes this one implies (a `benzodiazepine` is a `cns-depressant`). */
  implies?: string[];
  /** Units a custom substance of this class may be logged in (required when pickable). */
  units?: Unit[];
  routes?: Route[];
  sources: Citation[];
}

export const DOSE_TIER_NAMES = ["threshold", "light", "common", "strong", "heavy"] as const;
export type DoseTierName = (typeof DOSE_TIER_NAMES)[number];

/** One tier as a source publishes it: from `from` (inclusive) up to `to`, either may be open. */
export interface DoseTier {
  name: DoseTierName;
  from?: number;
  to?: number;
}

/** Dose tiers from one harm-reduction source. Sources differ, so each keeps its own. */
export interface DoseReference {
  /** Who publishes it, e.g. "TripSit" or "PsychonautWiki". */
  by: string;
  route: Route;
  unit: Unit;
  tiers: DoseTier[];
  note?: string;
  sources: Citation[];
}

export interface TimeRange {
  min: number;
  max?: number;
  unit: "minutes" | "hours";
}

/** Onset, peak and duration as one source gives them. */
export interface TimeCourse {
  by: string;
  route: Route;
  onset?: TimeRange;
  peak?: TimeRange;
  duration?: TimeRange;
  afterEffects?: TimeRange;
  sources: Citation[];
}

/** A reported value with its spread as the study gives it (mean +/- SD, median and range...). */
export interface ReportedValue {
  value: number;
  low?: number;
  high?: number;
  /** What `value`, `low` and `high` are, in the study's words. */
  kind: string;
}

/** One pharmacokinetic study's result for one analyte; studies differ, so each is kept. */
export interface PharmacokineticStudy {
  id: string;
  analyte: "mitragynine" | "7-hydroxymitragynine";
  population: string;
  design: string;
  dose: string;
  tmaxHours: ReportedValue;
  halfLifeHours: ReportedValue;
  note?: string;
  sources: Citation[];
}

export interface SubstanceDefinition {
  id: string;
  name: string;
  aliases: string[];
  classes: string[];
  units: Unit[];
  routes: Route[];
  /** The unit totals are kept in and the pool they are added to (default: the substance id). */
  canonical: { unit: Unit; pool?: string };
  /** For salts: the share of the mass that counts (elemental magnesium). */
  elementalFraction?: { value: number; verified: boolean; note?: string; sources: Citation[] };
  doseReferences?: DoseReference[];
  timeCourses?: TimeCourse[];
  pharmacokinetics?: PharmacokineticStudy[];
  note?: string;
  sources: Citation[];
}

/** A rating of a pair by one source, kept when sources disagree. */
export interface InteractionRating {
  by: string;
  level: InteractionLevel;
  sources: Citation[];
  note?: string;
}

/**
 * A pair rule, symmetric: it matches (x, y) when `a` matches x and `b` matches y, or the other way
 * round. `level` is the worst of `ratings` when there are several. With `order: "a-then-b"` it
 * matches only when the `a` substance was taken before the `b` one (a regular medicine counts
 * as both before and after): naltrexone after heroin is not heroin after naltrexone.
 */
export interface InteractionRule {
  id: string;
  a: SubstanceMatcher;
  b: SubstanceMatcher;
  level: InteractionLevel;
  /** How long after either substance the other still counts. */
  windowHours: number;
  order?: "a-then-b";
  /**
   * A decided low-risk pair that needs no warning of its own (e.g. magnesium with an antibiotic,
   * where the spacing rule speaks). Only `low-risk` rules may be quiet.
   */
  quiet?: boolean;
  title: string;
  message: string;
  action: string;
  ratings?: InteractionRating[];
  evidence?: "rated" | "mechanism" | "limited";
  verified?: boolean;
  note?: string;
  sources: Citation[];
}

/**
 * A decision that a pair has no rating: nobody (no rated source, label or study Mitra found) says
 * how they combine, and `reason` says why Mitra does not rate it either. The engine answers
 * "no data: not known to be safe" for it, as it does for a pair nobody decided.
 */
export interface UnratedPair {
  id: string;
  a: SubstanceMatcher;
  b: SubstanceMatcher;
  reason: string;
  sources: Citation[];
}

/** One group of a rated layer (a TripSit drug or class) and the catalog substances it covers. */
export interface RatedGroup {
  id: string;
  name: string;
  matcher: SubstanceMatcher;
}

/** Mitra's own words for a rated layer's level: {a} and {b} are the layer's group names. */
export interface RatedLevelText {
  title: string;
  message: string;
  action: string;
}

/** Where Mitra rates a pair of groups lower than the layer does, and why. */
export interface RatedDisagreement {
  a: string;
  b: string;
  reason: string;
  sources: Citation[];
}

/**
 * Another source's ratings of pairs of its groups (TripSit's combination chart), carried over as
 * data with attribution. The engine treats each rating as a rule at that level, unless Mitra's own
 * rule for the pair is at least as bad or a recorded disagreement says otherwise.
 */
export interface RatedLayer {
  by: string;
  sources: Citation[];
  groups: RatedGroup[];
  ratings: { a: string; b: string; level: InteractionLevel }[];
  texts: Record<InteractionLevel, RatedLevelText>;
  disagreements: RatedDisagreement[];
}

/** What to say when no rule covers a pair or a substance: never silence, never "safe". */
export interface NoDataPolicy {
  severity: Severity;
  title: string;
  /** May contain {a} and {b} (substance names). */
  pairMessage: string;
  /** May contain {substance}. */
  substanceMessage: string;
  /** May contain {condition}. */
  conditionMessage: string;
  action: string;
  sources: Citation[];
}

export interface InteractionPolicy {
  defaultWindowHours: number;
  levelSeverity: Record<InteractionLevel, Severity>;
  noData: NoDataPolicy;
}

export interface ConditionDefinition {
  id: string;
  name: string;
  description: string;
}

/** A profile condition that makes some substances riskier. */
export interface ConditionRule {
  id: string;
  conditionId: string;
  matcher: SubstanceMatcher;
  severity: Severity;
  title: string;
  message: string;
  action: string;
  verified?: boolean;
  note?: string;
  sources: Citation[];
}

/** Text of a warning kept in data; messages may contain {placeholders} the engine fills. */
export interface WarningText {
  severity: Severity;
  title: string;
  message: string;
  action: string;
  sources: Citation[];
}

/** A daily upper limit on a pool, e.g. 350 mg a day of supplemental elemental magnesium. */
export interface DailyLimitRule extends WarningText {
  id: string;
  pool: string;
  unit: Unit;
  maxPerDay: number;
}

/** "Over reference" rule: a dose or the day's total against a tier a source publishes. */
export interface ReferenceAmountRule extends WarningText {
  id: string;
  pool: string;
  basis: "dose" | "day";
  reference: { substanceId: string; by: string; tier: DoseTierName; bound: "from" | "to" };
  /** "at-or-above" the bound, or strictly "above" it. */
  comparison: "at-or-above" | "above";
}

/**
 * Two things that must be taken apart: b at least `minHoursAfterA` after a, a at least
 * `minHoursAfterB` after b.
 */
export interface SpacingRule extends WarningText {
  id: string;
  a: SubstanceMatcher;
  b: SubstanceMatcher;
  minHoursAfterA: number;
  minHoursAfterB: number;
}

/** A warning every time a matching substance is logged (extracts, 7-OH products). */
export interface SubstanceWarningRule extends WarningText {
  id: string;
  matcher: SubstanceMatcher;
}

/** Something the person reported (in their latest answer to an instrument) that matters now. */
export interface ReportedSignRule extends WarningText {
  id: string;
  instrument: string;
  answerKey: string;
  atLeast: number;
  matcher: SubstanceMatcher;
}

/** Warning texts for the active plan's limits; {amount}, {total}, {limit}, {unit}, {hours}. */
export interface PlanWarningTexts {
  overMaxPerDose: WarningText;
  overMaxPerDay: WarningText;
  overTarget: WarningText;
  tooSoon: WarningText;
  unitUnsupported: WarningText;
}

/** What the engine says when it cannot check something; {unit}, {reason}, {timeZone}. */
export interface EngineNotices {
  amountUnchecked: WarningText;
  timeZoneInvalid: WarningText;
}

export interface SafetyLimits {
  dailyLimits: DailyLimitRule[];
  referenceAmountRules: ReferenceAmountRule[];
  spacingRules: SpacingRule[];
  substanceWarnings: SubstanceWarningRule[];
  reportedSigns: ReportedSignRule[];
  plan: PlanWarningTexts;
  notices: EngineNotices;
}

/** All the knowledge the engine needs, passed in. */
export interface SafetyRules {
  classes: SubstanceClass[];
  substances: SubstanceDefinition[];
  interactions: InteractionRule[];
  /** Pairs decided as "no data", each with its reason. */
  unrated: UnratedPair[];
  /** Rated layers from other sources (TripSit). */
  ratedLayers: RatedLayer[];
  interactionPolicy: InteractionPolicy;
  conditions: ConditionDefinition[];
  conditionRules: ConditionRule[];
  limits: SafetyLimits;
}

/** One logged (or about to be logged) dose. */
export interface Ingestion {
  id: string;
  /** A catalog id, or the id of a custom substance (then `classes` says what it is). */
  substanceId: string;
  /** For a custom substance: the classes the person picked. Ignored for catalog substances. */
  classes?: string[];
  /** Display name for a custom substance. */
  substanceName?: string;
  productId?: string;
  /** What the product says one capsule, tablet or serving holds, when it was logged by product. */
  product?: ProductInfo;
  amount: number;
  unit: string;
  /** ISO 8601 instant. */
  takenAt: string;
  route?: string;
}

export interface Profile {
  /** IANA zone; "today" is the calendar day there. */
  timeZone: string;
  /** Condition ids (see conditions.json). */
  conditions: string[];
  /** Substance ids taken regularly: they count as always present. */
  medicines: string[];
}

/**
 * The plan in force today, with today's numbers computed by the caller (the plan module's
 * `ActivePlanLimits` fits). Amounts are in `unit`.
 */
export interface ActivePlan {
  substanceId?: string;
  productId?: string;
  unit: string;
  maxPerDose?: number;
  maxPerDay?: number;
  targetForDay?: number;
  minIntervalHours?: number;
}

export interface AssessmentRecord {
  instrument: string;
  takenAt: string;
  answers: Record<string, number>;
}

export interface SafetyContext {
  profile: Profile;
  /** Recent ingestions (the last 48-72 hours are enough; more is allowed). */
  history: Ingestion[];
  assessments?: AssessmentRecord[];
  plan?: ActivePlan;
  candidate: Ingestion;
  now: Date;
}
