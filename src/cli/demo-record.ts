import { addDays, type PlanDefinition, targetForDay } from "../core/plan/index.ts";
import { startOfZonedDay, zonedDay } from "../core/zoned-time.ts";
import { findInstrument } from "../knowledge/instruments.ts";

/**
 * What `mitra seed-demo` records for the demo patient: two weeks of a kratom taper as a person
 * following it would log them. Pure: the caller passes `now` and the zone and sends each entry
 * through the API's own routes, which check and warn as they would for anyone.
 *
 * No amount here is Mitra's advice, and none is made up for the demo:
 * - the plan is the kratom taper the consent tests use (src/server/care-team/
 *   consent-access.api.test.ts: 6 g of leaf a day, 10% less each week, down to 1 g), with the
 *   per-dose maximum (4 g) and spacing (3 hours) of the care-team fixture's plan
 *   (src/testing/care-team-records.ts);
 * - each day's doses add up to at most that day's target (from the plan's own schedule), in three
 *   doses weighed to 0.1 g; every fourth day half a gram less. So no dose reaches the top of TripSit's "strong" tier (6 g) and no day
 *   reaches PsychonautWiki's "heavy" (8 g), the amounts limits.json warns about;
 * - magnesium is one 400 mg magnesium oxide tablet in the evening, the example the knowledge base
 *   gives for its elemental fraction (about 241 mg elemental, under the 350 mg daily upper limit
 *   in limits.json).
 * Magnesium near kratom is a decided pair (interactions.json, kratom-magnesium: no interaction
 * known, low risk), so routine doses like these carry no warning of caution or worse.
 */

/** How many days back the demo record starts; today is the plan's day DEMO_DAYS. */
export const DEMO_DAYS = 14;

export const demoPlan = (today: string): PlanDefinition => ({
  kind: "taper",
  substanceId: "kratom-leaf",
  unit: "g",
  startDate: addDays(today, -DEMO_DAYS),
  startAmountPerDay: 6,
  step: { kind: "percent", percent: 10 },
  stepLengthDays: 7,
  limitAmountPerDay: 1,
  maxPerDose: 4,
  minHoursBetweenDoses: 3,
});

/** The magnesium dose (see above): substance, amount and unit as the dose log takes them. */
export const DEMO_MAGNESIUM = { substance: "magnesium-oxide", amount: 400, unit: "mg" } as const;

/** Local times (hours) of the day's kratom doses, 5 and 6 hours apart; magnesium; check-ins. */
const KRATOM_HOURS = [8, 13, 19] as const;
const MAGNESIUM_HOUR = 21;
const SOWS_HOUR = 7.5;
const QUICK_CHECK_HOUR = 20.5;

export interface DemoDose {
  substance: string;
  amount: number;
  unit: string;
  takenAt: string;
}

export interface DemoCheckIn {
  instrument: "sows" | "quick-check" | "red-flags";
  answers: Record<string, number>;
  takenAt: string;
}

export interface DemoRecord {
  plan: PlanDefinition;
  doses: DemoDose[];
  checkIns: DemoCheckIn[];
}

/** Kitchen scales weigh to a tenth of a gram; the plan's targets are in the same steps. */
const STEP = 0.1;

/**
 * Splits a day's amount into doses in 0.1 g steps, largest first: 5.4 -> 1.8, 1.8, 1.8; 4.9 ->
 * 1.7, 1.6, 1.6. What does not fill a step is left out, so the parts never add up to more.
 */
export function splitDay(total: number, parts: number): number[] {
  const steps = Math.floor(total / STEP + 1e-9);
  const base = Math.floor(steps / parts);
  const extra = steps - base * parts;
  return Array.from(
    { length: parts },
    (_, i) => Math.round((base + (i < extra ? 1 : 0)) * STEP * 10) / 10,
  );
}

/**
 * How withdrawal feels on a day of the plan, 0 (none) to 1 (the demo's worst): worse for the first
 * days after each step down, easing as the step goes on. An illustration, not a model.
 */
function discomfort(dayOfPlan: number, stepLengthDays: number): number {
  const intoStep = dayOfPlan % stepLengthDays;
  const afterStep = dayOfPlan >= stepLengthDays && intoStep < 2;
  return afterStep ? 0.45 - 0.1 * intoStep : Math.max(0.1, 0.35 - 0.04 * intoStep);
}

/** Answers of a choice instrument at a level of discomfort, symptoms spread across items by day. */
function answersAt(instrumentId: string, level: number, day: number): Record<string, number> {
  const instrument = findInstrument(instrumentId);
  if (!instrument) throw new Error(`no instrument ${instrumentId}`);
  const answers: Record<string, number> = {};
  instrument.items.forEach((item, i) => {
    if (item.kind === "numeric") {
      // Hours slept: fewer on harder days, within the item's range.
      answers[item.id] = Math.min(item.max, Math.max(item.min, 7.5 - Math.round(level * 6) / 2));
      return;
    }
    const top = item.answers.length - 1;
    // Items take turns by day so the chart is not a flat band; a few stay at zero.
    const wobble = ((i * 7 + day * 3) % 5) / 10 - 0.2;
    const worse = Math.round(Math.min(1, Math.max(0, level + wobble)) * top);
    const value = item.direction === "higher-is-better" ? top - worse : worse;
    answers[item.id] = item.answers[value]?.value ?? 0;
  });
  return answers;
}

/** Every red-flag question answered "no" (the first answer of each). */
function noRedFlags(): Record<string, number> {
  const instrument = findInstrument("red-flags");
  if (!instrument) throw new Error("no red-flags instrument");
  return Object.fromEntries(
    instrument.items.map((item) => [
      item.id,
      item.kind === "numeric" ? item.min : (item.answers[0]?.value ?? 0),
    ]),
  );
}

export function demoRecord(now: Date, timeZone: string): DemoRecord {
  const today = zonedDay(now, timeZone);
  const plan = demoPlan(today);
  const at = (day: string, hour: number) =>
    new Date(startOfZonedDay(day, timeZone).getTime() + hour * 3_600_000);
  const doses: DemoDose[] = [];
  const checkIns: DemoCheckIn[] = [];
  const past = (when: Date) => when.getTime() <= now.getTime() - 60_000;

  for (let dayOfPlan = 0; dayOfPlan <= DEMO_DAYS; dayOfPlan++) {
    const day = addDays(plan.startDate, dayOfPlan);
    const target = targetForDay(plan, day);
    if (target === null) throw new Error(`the demo plan has no target on ${day}`);
    // Every fourth day the person takes half a gram less than the plan allows.
    const taken = dayOfPlan % 4 === 2 ? target - 0.5 : target;
    const amounts = splitDay(taken, KRATOM_HOURS.length);
    KRATOM_HOURS.forEach((hour, i) => {
      const when = at(day, hour);
      const amount = amounts[i] ?? 0;
      if (past(when) && amount > 0) {
        doses.push({ substance: "kratom-leaf", amount, unit: "g", takenAt: when.toISOString() });
      }
    });
    const evening = at(day, MAGNESIUM_HOUR);
    if (past(evening)) doses.push({ ...DEMO_MAGNESIUM, takenAt: evening.toISOString() });

    const level = discomfort(dayOfPlan, plan.stepLengthDays);
    const morning = at(day, SOWS_HOUR);
    if (past(morning)) {
      checkIns.push({
        instrument: "sows",
        answers: answersAt("sows", level, dayOfPlan),
        takenAt: morning.toISOString(),
      });
      if (dayOfPlan % plan.stepLengthDays === 0) {
        const screen = new Date(morning.getTime() + 5 * 60_000);
        checkIns.push({
          instrument: "red-flags",
          answers: noRedFlags(),
          takenAt: screen.toISOString(),
        });
      }
    }
    const night = at(day, QUICK_CHECK_HOUR);
    if (past(night)) {
      checkIns.push({
        instrument: "quick-check",
        answers: answersAt("quick-check", level * 0.8, dayOfPlan),
        takenAt: night.toISOString(),
      });
    }
  }
  return { plan, doses, checkIns };
}
