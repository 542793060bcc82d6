import { route } from "./define.ts";
import { patientParams } from "./patient-params.ts";
import { rangeQuery } from "./report-schemas.ts";

const EXPORTS = "exports";
const PDF = "application/pdf";
const FHIR = "application/fhir+json";
const CSV = "text/csv";

const CSV_DESCRIPTION =
  "One text/csv file: each table the person owns as its own CSV block, starting with a " +
  "`# table: <name>` line, then a header row, the rows, and an empty line.";

/**
 * Exports of one's own record (everything) and of a consenting patient's record for their
 * clinician (the link's scopes only). Each answers a file download, not JSON.
 */
export const reportRoutes = {
  exportPdf: route({
    method: "GET",
    path: "/api/export/pdf",
    tag: EXPORTS,
    summary: "PDF summary of one's record for a date range (default: the last 30 days)",
    access: "signedIn",
    query: rangeQuery,
    responses: { 200: null },
    produces: PDF,
  }),
  exportFhir: route({
    method: "GET",
    path: "/api/export/fhir",
    tag: EXPORTS,
    summary: "One's record as a FHIR R4 Bundle (default: all of it)",
    access: "signedIn",
    query: rangeQuery,
    responses: { 200: null },
    produces: FHIR,
  }),
  exportCsv: route({
    method: "GET",
    path: "/api/export/csv",
    tag: EXPORTS,
    summary: "Every table one owns, as CSV",
    description: CSV_DESCRIPTION,
    access: "signedIn",
    responses: { 200: null },
    produces: CSV,
  }),
  exportPatientPdf: route({
    method: "GET",
    path: "/api/clinician/patients/:id/export/pdf",
    tag: EXPORTS,
    summary: "PDF summary of a consenting patient for the chart (shared sections only)",
    access: ["clinician"],
    params: patientParams,
    query: rangeQuery,
    responses: { 200: null },
    produces: PDF,
  }),
  exportPatientFhir: route({
    method: "GET",
    path: "/api/clinician/patients/:id/export/fhir",
    tag: EXPORTS,
    summary: "A consenting patient's shared record as a FHIR R4 Bundle for the EHR",
    access: ["clinician"],
    params: patientParams,
    query: rangeQuery,
    responses: { 200: null },
    produces: FHIR,
  }),
  exportPatientCsv: route({
    method: "GET",
    path: "/api/clinician/patients/:id/export/csv",
    tag: EXPORTS,
    summary: "A consenting patient's shared tables as CSV",
    description: CSV_DESCRIPTION,
    access: ["clinician"],
    params: patientParams,
    responses: { 200: null },
    produces: CSV,
  }),
};
