import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkClinician, seedPatientRecord } from "../../testing/care-team-records.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { tableNames } from "../reports/csv-export.ts";

const pgReachable = await isPostgresReachable();

describe.each(engines)("account deletion on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
  });
  afterAll(async () => server?.close());

  /** Rows in any table where any column holds `id`, by table (the anonymous audit entry aside). */
  async function rowsMentioning(id: string): Promise<Record<string, number>> {
    const found: Record<string, number> = {};
    for (const table of await tableNames(server.database.db, engine)) {
      if (table.startsWith("kysely_")) continue;
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
        server.database.db,
      );
      const n = rows.rows.filter((r) =>
        Object.values(r).some((v) => typeof v === "string" && v.includes(id)),
      ).length;
      if (n > 0) found[table] = n;
    }
    return found;
  }

  it.skipIf(skip)(
    "deletes the account and every record, ends clinician access, keeps an anonymous entry",
    async () => {
      const patient = new ApiClient(server.baseUrl);
      const { id, password } = await patient.register("patient", { displayName: "Eve" });
      const clinician = new ApiClient(server.baseUrl);
      await clinician.register("clinician");
      await seedPatientRecord(patient, server.clock.now());
      await linkClinician(patient, clinician);
      await clinician.post(`/api/clinician/patients/${id}/notes`, {
        id: crypto.randomUUID(),
        body: "Seen.",
      });
      expect((await clinician.get(`/api/clinician/patients/${id}/timeline`)).status).toBe(200);
      expect(Object.keys(await rowsMentioning(id)).length).toBeGreaterThan(5);

      const missing = await patient.request("DELETE", "/api/me", {});
      expect(missing.status).toBe(400);
      expect(missing.body.error.details.fields[0].field).toBe("body.password");
      const wrong = await patient.request("DELETE", "/api/me", { password: "wrong-password-99" });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.details.fields[0].field).toBe("body.password");
      expect((await patient.get("/api/me")).status).toBe(200);

      const deleted = await patient.request("DELETE", "/api/me", { password });
      expect(deleted.status).toBe(204);
      expect((await patient.get("/api/me")).status).toBe(401);
      expect(await rowsMentioning(id)).toEqual({});

      expect((await clinician.get(`/api/clinician/patients/${id}/timeline`)).status).toBe(404);
      const dashboard = await clinician.get("/api/clinician/patients");
      expect(dashboard.body.patients).toEqual([]);

      const anonymous = await server.database.db
        .selectFrom("audit_log")
        .selectAll()
        .where("entity", "=", "account")
        .where("action", "=", "delete")
        .execute();
      expect(anonymous).toHaveLength(1);
      expect(anonymous[0]).toMatchObject({ actor_id: null, subject_id: null, address: null });
      expect(JSON.parse(anonymous[0]?.details ?? "{}")).toEqual({
        role: "patient",
        careLinksEnded: 1,
      });
    },
  );

  it.skipIf(skip)(
    "a clinician's deletion ends their links and leaves the patient's record",
    async () => {
      const patient = new ApiClient(server.baseUrl);
      const { id: patientId } = await patient.register("patient");
      const clinician = new ApiClient(server.baseUrl);
      const { id: clinicianId, password } = await clinician.register("clinician", {
        displayName: "Dr Gone",
      });
      await linkClinician(patient, clinician);
      const note = { id: crypto.randomUUID(), body: "Kept on the patient's record." };
      await clinician.post(`/api/clinician/patients/${patientId}/notes`, note);

      expect((await clinician.request("DELETE", "/api/me", { password })).status).toBe(204);
      expect((await patient.get("/api/care/links")).body.links).toEqual([]);
      const notes = (await patient.get("/api/care/notes")).body.notes;
      expect(notes).toEqual([expect.objectContaining({ id: note.id, authorId: null })]);
      const audit = (await patient.get("/api/audit")).body.entries;
      const theirs = audit.filter((e: { actorId: string }) => e.actorId === clinicianId);
      expect(theirs.length).toBeGreaterThan(0);
      expect(theirs.every((e: { actorName: string | null }) => e.actorName === null)).toBe(true);
    },
  );
});
