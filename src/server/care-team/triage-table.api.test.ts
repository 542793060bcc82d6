import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answersFor, linkClinician, seedPatientRecord } from "../../testing/care-team-records.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

const pgReachable = await isPostgresReachable();
const DAY = 86_400_000;

interface Row {
  patient: { id: string; displayName: string };
  level: string;
}

/** The dashboard's search, filters, order and pages, in the query of GET /api/clinician/patients. */
describe.each(engines)("the patient table's query on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  const clinician = { c: null as unknown as ApiClient, id: "" };
  const patients = new Map<string, { c: ApiClient; id: string }>();
  const names = ["Rosa Flagged", "Amir Quiet", "Bea Talks", "Cyd Quiet", "Dee Talks"];

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
    clinician.c = new ApiClient(server.baseUrl);
    clinician.id = (await clinician.c.register("clinician", { displayName: "Dr Table" })).id;
    for (const name of names) {
      const c = new ApiClient(server.baseUrl);
      const { id } = await c.register("patient", { displayName: name });
      patients.set(name, { c, id });
      if (name === "Rosa Flagged") await seedPatientRecord(c, server.clock.now());
      await linkClinician(c, clinician.c);
    }
    // Four days on, the "Talks" patients check in; the "Quiet" ones have not since joining.
    server.clock.advance(4 * DAY);
    for (const name of ["Bea Talks", "Dee Talks"]) {
      const res = await patients.get(name)?.c.post("/api/assessments", {
        id: randomUUID(),
        instrument: "sows-gossop",
        takenAt: new Date(server.clock.now().getTime() - 60_000).toISOString(),
        answers: answersFor("sows-gossop", () => 0),
      });
      expect(res?.status).toBe(201);
    }
  });
  afterAll(async () => server?.close());

  async function page(query: string) {
    const res = await clinician.c.get(`/api/clinician/patients${query}`);
    expect(res.status).toBe(200);
    return { ...res.body, names: (res.body.patients as Row[]).map((r) => r.patient.displayName) };
  }

  it.skipIf(skip)("answers every patient worst first by default, with counts", async () => {
    const all = await page("");
    expect(all.names[0]).toBe("Rosa Flagged");
    expect(all.names).toHaveLength(5);
    expect(all).toMatchObject({ total: 5, matched: 5, page: 1, pageSize: 50 });
    expect(all.levels.urgent).toBe(1);
    expect(Object.values(all.levels as Record<string, number>).reduce((a, b) => a + b)).toBe(5);
  });

  it.skipIf(skip)("searches, filters by level and by days without a check-in", async () => {
    expect((await page("?q=quiet")).names.sort()).toEqual(["Amir Quiet", "Cyd Quiet"]);
    const urgent = await page("?level=urgent");
    expect(urgent.names).toEqual(["Rosa Flagged"]);
    expect(urgent).toMatchObject({ total: 5, matched: 1 });
    // Rosa's record has check-ins from before the link only, so she is quiet too.
    expect((await page("?quiet=3&sort=name")).names).toEqual([
      "Amir Quiet",
      "Cyd Quiet",
      "Rosa Flagged",
    ]);
    expect((await page("?quiet=5")).names).toEqual([]);
  });

  it.skipIf(skip)("says who has a plan in force, so no plan is not none over plan", async () => {
    const res = await clinician.c.get("/api/clinician/patients?sort=name");
    const onPlan = (res.body.patients as (Row & { onPlan: boolean | null })[]).map((r) => [
      r.patient.displayName,
      r.onPlan,
    ]);
    expect(onPlan).toEqual([
      ["Amir Quiet", false],
      ["Bea Talks", false],
      ["Cyd Quiet", false],
      ["Dee Talks", false],
      ["Rosa Flagged", true],
    ]);
  });

  it.skipIf(skip)("sorts by name either way and pages", async () => {
    expect((await page("?sort=name&dir=desc")).names).toEqual([
      "Rosa Flagged",
      "Dee Talks",
      "Cyd Quiet",
      "Bea Talks",
      "Amir Quiet",
    ]);
    const second = await page("?sort=name&pageSize=2&page=2");
    expect(second.names).toEqual(["Cyd Quiet", "Dee Talks"]);
    expect(second).toMatchObject({ matched: 5, page: 2, pageSize: 2 });
    expect((await page("?sort=name&pageSize=2&page=99")).page).toBe(3);
  });

  it.skipIf(skip)("records in the access log only the patients on the page", async () => {
    await page("?sort=name&pageSize=1");
    const entries = async (name: string) => {
      const patient = patients.get(name);
      if (!patient) throw new Error(name);
      const audit = await patient.c.get("/api/audit");
      return (audit.body.entries as { entity: string; actorId: string; at: string }[]).filter(
        (e) => e.entity === "triage_summary" && e.actorId === clinician.id,
      ).length;
    };
    const amir = await entries("Amir Quiet");
    const dee = await entries("Dee Talks");
    await page("?sort=name&pageSize=1");
    expect(await entries("Amir Quiet")).toBe(amir + 1);
    expect(await entries("Dee Talks")).toBe(dee);
  });

  it.skipIf(skip)("refuses a query it does not know", async () => {
    for (const query of ["?sort=age", "?level=red", "?page=0", "?pageSize=500", "?quiet=x"]) {
      const res = await clinician.c.get(`/api/clinician/patients${query}`);
      expect(res.status, query).toBe(400);
    }
  });
});
