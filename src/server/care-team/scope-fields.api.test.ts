import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkClinician } from "../../testing/care-team-records.ts";
import { readPdfText } from "../../testing/pdf-text.ts";
import { amountTaper } from "../../testing/plan-fixtures.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

/**
 * What a narrow consent lets a clinician read inside other answers: a doses-only clinician never
 * meets the person's products (names, vendors) in doses, timeline, PDF or FHIR; a products-only
 * clinician who may set plans never meets dose amounts or daily totals in plan adherence.
 */
describe.each(engines)("fields each consent scope lets through (%s)", (engine) => {
  let server: TestServer;
  let patient: ApiClient;
  let patientId: string;
  let planId: string;
  const vendor = `Vendor${randomUUID().slice(0, 8)}`;
  const productName = `Caps${randomUUID().slice(0, 8)}`;
  const amount = 4.75;

  beforeAll(async () => {
    if (engine === "postgres" && !(await isPostgresReachable())) return;
    server = await startTestServer(engine);
    patient = new ApiClient(server.baseUrl);
    patientId = (await patient.register("patient")).id;
    const productId = randomUUID();
    const product = await patient.post("/api/products", {
      id: productId,
      vendor,
      name: productName,
      form: "leaf-powder",
    });
    expect(product.status).toBe(201);
    const takenAt = new Date(server.clock.now().getTime() - 3_600_000).toISOString();
    const dose = await patient.post("/api/ingestions", {
      id: randomUUID(),
      productId,
      amount,
      unit: "g",
      takenAt,
    });
    expect(dose.status, JSON.stringify(dose.body)).toBe(201);
    const plan = await patient.post("/api/plans", {
      id: randomUUID(),
      definition: { ...amountTaper, startDate: takenAt.slice(0, 10), startAmountPerDay: 10 },
    });
    planId = plan.body.plan?.id;
    expect(plan.status, JSON.stringify(plan.body)).toBe(201);
  });
  afterAll(async () => server?.close());

  const raw = async (who: ApiClient, path: string) => {
    const res = await fetch(`${server.baseUrl}${path}`, { headers: { cookie: who.cookie ?? "" } });
    expect(res.status, path).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  it("keeps products out of everything a doses-only clinician reads", async (ctx) => {
    if (!server) return ctx.skip();
    const clinician = new ApiClient(server.baseUrl);
    await clinician.register("clinician");
    await linkClinician(patient, clinician, ["doses"], false);
    const base = `/api/clinician/patients/${patientId}`;
    const timeline = await clinician.get(`${base}/timeline`);
    expect(timeline.status).toBe(200);
    expect(JSON.stringify(timeline.body)).toContain(String(amount));
    const fhir = (await raw(clinician, `${base}/export/fhir`)).toString("utf8");
    const pdf = (await readPdfText(await raw(clinician, `${base}/export/pdf`))).pages.join("\n");
    for (const text of [JSON.stringify(timeline.body), fhir, pdf]) {
      expect(text).not.toContain(vendor);
      expect(text).not.toContain(productName);
    }
  });

  it("keeps dose amounts out of plan adherence for a products-only clinician", async (ctx) => {
    if (!server) return ctx.skip();
    const clinician = new ApiClient(server.baseUrl);
    await clinician.register("clinician");
    await linkClinician(patient, clinician, ["products"], true);
    const adherence = await clinician.get(
      `/api/clinician/patients/${patientId}/plans/${planId}/adherence`,
    );
    expect(adherence.status).toBe(403);
    expect(adherence.body.error.code).toBe("scope_not_granted");
    expect(JSON.stringify(adherence.body)).not.toContain(String(amount));
    // What setting plans needs still works: the plans themselves, without what was taken.
    const plans = await clinician.get(`/api/clinician/patients/${patientId}/plans`);
    expect(plans.status).toBe(200);
    expect(JSON.stringify(plans.body)).not.toContain(String(amount));
  });
});
