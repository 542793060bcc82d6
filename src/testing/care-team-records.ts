import { randomUUID } from "node:crypto";
import { addDays } from "../core/plan/index.ts";
import { zonedDay } from "../core/zoned-time.ts";
import { findInstrument } from "../knowledge/instruments.ts";
import type { ApiClient } from "./test-server.ts";

/** Test helpers for the care team's API tests: consent, and a patient with a real record. */

/** Answers for every item of an instrument, each the `pick(index)`-th allowed answer. */
export function answersFor(
  instrumentId: string,
  pick: (itemIndex: number) => number,
): Record<string, number> {
  const instrument = findInstrument(instrumentId);
  if (!instrument) throw new Error(`no instrument ${instrumentId}`);
  const answers: Record<string, number> = {};
  instrument.items.forEach((item, i) => {
    if (item.kind === "numeric") answers[item.id] = item.min;
    else {
      const n = Math.min(Math.max(0, pick(i)), item.answers.length - 1);
      answers[item.id] = item.answers[n]?.value ?? 0;
    }
  });
  return answers;
}

const HOUR = 3_600_000;

/** A patient's invitation with these scopes, redeemed by the clinician; returns the link id. */
export async function linkClinician(
  patient: ApiClient,
  clinician: ApiClient,
  scopes: string[] = ["doses", "assessments", "notes", "products"],
  maySetPlans = true,
): Promise<string> {
  const invitation = await patient.post("/api/care/invitations", { scopes, maySetPlans });
  if (invitation.status !== 201) throw new Error(`invite: ${JSON.stringify(invitation.body)}`);
  const joined = await clinician.post("/api/care/join", { code: invitation.body.code });
  if (joined.status !== 201) throw new Error(`join: ${JSON.stringify(joined.body)}`);
  return joined.body.link.id;
}

export interface SeededRecord {
  planId: string;
  assessmentIds: string[];
  /** The red-flag screen with a "yes" (one of `assessmentIds`). */
  redFlagCheckInId: string;
  doseIds: string[];
}

/**
 * Gives a patient a record through the public API, as of `now`: a taper plan started a week ago,
 * SOWS-Gossop check-ins that rise over the last day, a red-flag screen with a "yes", kratom doses
 * (one over the plan's per-dose maximum) and alprazolam soon after kratom (a dangerous
 * combination), each time in the past.
 */
export async function seedPatientRecord(
  patient: ApiClient,
  now: Date,
  timeZone = "UTC",
): Promise<SeededRecord> {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR).toISOString();
  const today = zonedDay(now, timeZone);
  const planId = randomUUID();
  const plan = await patient.post("/api/plans", {
    id: planId,
    definition: {
      kind: "taper",
      substanceId: "kratom-leaf",
      unit: "g",
      startDate: addDays(today, -7),
      startAmountPerDay: 10,
      step: { kind: "amount", amount: 1 },
      stepLengthDays: 7,
      limitAmountPerDay: 2,
      maxPerDose: 4,
      minHoursBetweenDoses: 3,
    },
  });
  if (plan.status !== 201) throw new Error(`plan: ${JSON.stringify(plan.body)}`);

  const assessmentIds: string[] = [];
  const check = async (instrument: string, hoursAgo: number, pick: (i: number) => number) => {
    const id = randomUUID();
    const res = await patient.post("/api/assessments", {
      id,
      instrument,
      answers: answersFor(instrument, pick),
      takenAt: at(hoursAgo),
    });
    if (res.status !== 201) throw new Error(`assessment: ${JSON.stringify(res.body)}`);
    assessmentIds.push(id);
    return id;
  };
  await check("sows-gossop", 60, () => 0);
  await check("sows-gossop", 30, () => 1);
  await check("sows-gossop", 2, () => 2);
  const redFlagCheckInId = await check("red-flags", 3, (i) => (i === 1 ? 1 : 0));

  const doseIds: string[] = [];
  const dose = async (substance: string, amount: number, unit: string, hoursAgo: number) => {
    const id = randomUUID();
    const res = await patient.post("/api/ingestions", {
      id,
      substance,
      amount,
      unit,
      takenAt: at(hoursAgo),
      notes: substance === "alprazolam" ? "=to sleep" : null,
    });
    if (res.status !== 201) throw new Error(`dose: ${JSON.stringify(res.body)}`);
    doseIds.push(id);
  };
  await dose("kratom-leaf", 2, "g", 30);
  await dose("kratom-leaf", 5, "g", 6);
  await dose("alprazolam", 0.5, "mg", 5);
  return { planId, assessmentIds, redFlagCheckInId, doseIds };
}
