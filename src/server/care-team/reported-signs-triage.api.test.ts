import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answersFor, linkClinician } from "../../testing/care-team-records.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";

const pgReachable = await isPostgresReachable();
const HOUR = 3_600_000;

interface Row {
  patient: { id: string; displayName: string };
  level: string;
  reasons: { kind: string; text: string }[];
  openRedFlags: number | null;
  reportedSigns: { item: string; severity: string; count: number; lastAt: string }[] | null;
}

/**
 * The dashboard's reported signs: side-effects answers that a reported-sign rule of limits.json
 * already warns about, and nothing else (no threshold of the dashboard's own).
 */
describe.each(engines)("reported signs on the triage dashboard on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;

  beforeAll(async () => {
    if (!skip) server = await startTestServer(engine);
  });
  afterAll(async () => server?.close());

  async function person(role: "patient" | "clinician", displayName: string) {
    const c = new ApiClient(server.baseUrl);
    const { id } = await c.register(role, { displayName });
    return { c, id };
  }
  async function sideEffects(c: ApiClient, hoursAgo: number, answers: Record<string, number>) {
    const res = await c.post("/api/assessments", {
      id: randomUUID(),
      instrument: "side-effects",
      takenAt: new Date(server.clock.now().getTime() - hoursAgo * HOUR).toISOString(),
      answers: { ...answersFor("side-effects", () => 0), ...answers },
    });
    expect(res.status).toBe(201);
  }
  const rows = async (clinician: ApiClient) => {
    const res = await clinician.get("/api/clinician/patients");
    expect(res.status).toBe(200);
    return new Map((res.body.patients as Row[]).map((r) => [r.patient.displayName, r] as const));
  };

  it.skipIf(skip)(
    "lists answers a rule warns about, worst first, until a note; none without a rule",
    async () => {
      const clinician = await person("clinician", "Dr Signs");
      const narrow = await person("clinician", "Dr Doses");
      const pale = await person("patient", "Pale");
      const plain = await person("patient", "Plain");
      const jaundiced = await person("patient", "Dark");
      const old = await person("patient", "Old");
      // Pale stools (a rule: see a doctor soon) twice and skin darkening (a rule: caution).
      await sideEffects(pale.c, 30, { "pale-stools": 1 });
      await sideEffects(pale.c, 2, { "pale-stools": 1, "skin-darkening": 1 });
      // Severe constipation and itching: no rule names them, so nothing on the dashboard.
      await sideEffects(plain.c, 2, { constipation: 3, itching: 3 });
      // Dark urine is a red flag on the checklist: counted as a red flag, not again as a sign.
      await sideEffects(jaundiced.c, 2, { "dark-urine": 1 });
      // Eight days ago: outside the 7-day window.
      await sideEffects(old.c, 8 * 24, { "pale-stools": 1 });
      for (const p of [pale, plain, jaundiced, old]) await linkClinician(p.c, clinician.c);
      await linkClinician(pale.c, narrow.c, ["doses"]);

      const seen = await rows(clinician.c);
      const paleRow = seen.get("Pale");
      expect(paleRow?.reportedSigns).toEqual([
        expect.objectContaining({ item: "pale-stools", severity: "unsafe", count: 2 }),
        expect.objectContaining({ item: "skin-darkening", severity: "caution", count: 1 }),
      ]);
      expect(paleRow?.reasons).toContainEqual({
        kind: "reported-sign",
        text: "Side effects: Pale stools, Skin darkening reported, not yet seen",
      });
      expect(paleRow?.level).toBe("high");
      expect(seen.get("Plain")?.reportedSigns).toEqual([]);
      expect(
        seen
          .get("Plain")
          ?.reasons.map((r) => r.text)
          .join(" "),
      ).not.toMatch(/Side effects/);
      expect(seen.get("Dark")).toMatchObject({
        openRedFlags: 1,
        reportedSigns: [],
        level: "urgent",
        reasons: [{ kind: "red-flag", text: "Red flag not yet seen: Dark urine" }],
      });
      expect(seen.get("Old")?.reportedSigns).toEqual([]);
      // Pale's pale stools outrank Plain's check-in alone.
      const order = [...seen.keys()];
      expect(order.indexOf("Pale")).toBeLessThan(order.indexOf("Plain"));

      // Without the assessments scope: no signs, not even an empty list.
      const narrowRow = (await rows(narrow.c)).get("Pale");
      expect(narrowRow?.reportedSigns).toBeNull();
      expect(narrowRow?.reasons.map((r) => r.text).join(" ")).not.toMatch(
        /Pale stools|Side effects/,
      );

      // A note after them marks them seen.
      const note = await clinician.c.post(`/api/clinician/patients/${pale.id}/notes`, {
        id: randomUUID(),
        body: "Asked for liver tests.",
      });
      expect(note.status).toBe(201);
      const after = (await rows(clinician.c)).get("Pale");
      expect(after?.reportedSigns).toEqual([]);
      expect(after?.reasons.map((r) => r.text).join(" ")).not.toMatch(/Side effects/);
      // Skin darkening alone, newer than the note, is a caution: watch, not high.
      server.clock.advance(HOUR);
      await sideEffects(pale.c, 0.5, { "skin-darkening": 1 });
      const later = (await rows(clinician.c)).get("Pale");
      expect(later?.reportedSigns).toEqual([
        expect.objectContaining({ item: "skin-darkening", severity: "caution", count: 1 }),
      ]);
      expect(later?.reasons).toContainEqual({
        kind: "reported-sign",
        text: "Side effects: Skin darkening reported, not yet seen",
      });
      expect(later?.level).toBe("watch");
    },
  );
});
