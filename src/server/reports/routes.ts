import type { FastifyReply } from "fastify";
import { contract } from "../../api/contract.ts";
import { CARE_SCOPES } from "../../db/tables/care-team.ts";
import { findInstrument } from "../../knowledge/instruments.ts";
import { requireUser } from "../auth/session.ts";
import { requirePatientAccess } from "../care-team/access.ts";
import type { App } from "../context.ts";
import { notFound } from "../http/api-error.ts";
import { handle } from "../http/handle.ts";
import { csvExport } from "./csv-export.ts";
import { fhirBundle } from "./fhir-bundle.ts";
import { gatherPatientRecord } from "./patient-record.ts";
import { resolveRange } from "./range.ts";
import { buildReportModel } from "./report-model.ts";

/**
 * pdfkit and fontkit are a large share of the server's start-up time and memory, and most
 * instances never print: the PDF module loads with the first PDF asked for.
 */
const renderPdfReport: typeof import("./pdf-report.ts").renderPdfReport = async (...args) =>
  (await import("./pdf-report.ts")).renderPdfReport(...args);

/** Where each band of an instrument starts, for the PDF's charts. */
const bandEdgesOf = (instrument: string) =>
  (findInstrument(instrument)?.bands ?? []).map((b) => b.min);

const stamp = (d: Date) => d.toISOString().slice(0, 10);

function attachment(reply: FastifyReply, type: string, filename: string): void {
  reply.type(type);
  reply.header("content-disposition", `attachment; filename="${filename}"`);
  reply.header("cache-control", "no-store");
}

/**
 * Exports of one's own record (everything) and of a consenting patient's record for their
 * clinician (the link's scopes only, each export audited as a read).
 */
export async function reportRoutes(app: App): Promise<void> {
  handle(app, contract.exportPdf, async (request, reply) => {
    const user = requireUser(request);
    const now = app.mitra.now();
    const range = resolveRange(request.query, now);
    const record = await gatherPatientRecord(app.mitra.db, user.id, CARE_SCOPES, range);
    if (!record) throw notFound("Your account");
    const model = await buildReportModel(app, record, { id: user.id, name: "you" }, now);
    attachment(
      reply,
      "application/pdf",
      `mitra-summary-${stamp(range.from)}-${stamp(range.to)}.pdf`,
    );
    return reply.send(await renderPdfReport(model, bandEdgesOf));
  });

  handle(app, contract.exportFhir, async (request, reply) => {
    const user = requireUser(request);
    const now = app.mitra.now();
    const range = resolveRange(request.query, now, "all");
    const record = await gatherPatientRecord(app.mitra.db, user.id, CARE_SCOPES, range);
    if (!record) throw notFound("Your account");
    attachment(reply, "application/fhir+json", `mitra-fhir-${stamp(now)}.json`);
    return reply.send(JSON.stringify(fhirBundle(record, now), null, 2));
  });

  handle(app, contract.exportCsv, async (request, reply) => {
    const user = requireUser(request);
    const csv = await csvExport(app.mitra.db, app.mitra.engine, user.id);
    attachment(reply, "text/csv; charset=utf-8", `mitra-export-${stamp(app.mitra.now())}.csv`);
    return reply.send(csv);
  });

  handle(app, contract.exportPatientPdf, async (request, reply) => {
    const now = app.mitra.now();
    const range = resolveRange(request.query, now);
    const access = await requirePatientAccess(app, request, request.params.id, "any", {
      entity: "export.pdf",
      details: { from: range.from.toISOString(), to: range.to.toISOString() },
    });
    const record = await gatherPatientRecord(
      app.mitra.db,
      access.patient.id,
      access.link.scopes,
      range,
    );
    if (!record) throw notFound("That patient");
    const reader = {
      id: access.clinician.id,
      name: access.clinician.displayName ?? access.clinician.email,
    };
    const model = await buildReportModel(app, record, reader, now);
    attachment(
      reply,
      "application/pdf",
      `mitra-summary-${stamp(range.from)}-${stamp(range.to)}.pdf`,
    );
    return reply.send(await renderPdfReport(model, bandEdgesOf));
  });

  handle(app, contract.exportPatientFhir, async (request, reply) => {
    const now = app.mitra.now();
    const range = resolveRange(request.query, now, "all");
    const access = await requirePatientAccess(app, request, request.params.id, "any", {
      entity: "export.fhir",
    });
    const record = await gatherPatientRecord(
      app.mitra.db,
      access.patient.id,
      access.link.scopes,
      range,
    );
    if (!record) throw notFound("That patient");
    attachment(reply, "application/fhir+json", `mitra-fhir-${stamp(now)}.json`);
    return reply.send(JSON.stringify(fhirBundle(record, now), null, 2));
  });

  handle(app, contract.exportPatientCsv, async (request, reply) => {
    const access = await requirePatientAccess(app, request, request.params.id, "any", {
      entity: "export.csv",
    });
    const csv = await csvExport(app.mitra.db, app.mitra.engine, access.patient.id, {
      scopes: access.link.scopes,
      userColumns: ["id", "email", "display_name", "time_zone"],
    });
    attachment(reply, "text/csv; charset=utf-8", `mitra-export-${stamp(app.mitra.now())}.csv`);
    return reply.send(csv);
  });
}
