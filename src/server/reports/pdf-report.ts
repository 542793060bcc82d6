import PDFDocument from "pdfkit";
import {
  BODY_FONT,
  BOLD_FONT,
  charactersNotInFonts,
  codePointList,
  FontCoverage,
  MISSING_MARK,
} from "./pdf-fonts.ts";
import type { ReportModel, ScoreLine } from "./report-model.ts";

/**
 * Lays out the PDF summary (US Letter, DejaVu Sans embedded: see pdf-fonts.ts). Sections follow the issue:
 * scores with bands (a chart per instrument, then a table), red flags, side effects reported,
 * doses per day against the plan, warnings, notes. A section the reader may not see is named as
 * not shared.
 */

const MARGIN = 50;
const INK = "#1f2933";
const MUTED = "#52606d";
const ACCENT = "#0b6e4f";
const RULE = "#cbd2d9";
const ALERT = "#9b1c1c";

const coverageOf = new WeakMap<PDFKit.PDFDocument, FontCoverage>();

/** Text as the document's embedded fonts can print it (see FontCoverage.printable). */
function pdfText(doc: PDFKit.PDFDocument, text: string): string {
  const coverage = coverageOf.get(doc);
  if (!coverage) throw new Error("a report document without its font coverage");
  return coverage.printable(text);
}

/** Every string in the model: what the report may print besides its own labels and dates. */
function stringsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(stringsOf);
  return [];
}

const notShownNote = (codePoints: number[], also = false) =>
  `${also ? "More characters are" : "Some characters are"} not in this PDF's font and are ` +
  `printed as ${MISSING_MARK}: ${codePointList(codePoints)} (Unicode). The record keeps the ` +
  "exact text, and the CSV and FHIR exports show it.";

const time = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone,
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso));

const dayLabel = (day: string) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone: "UTC",
    weekday: "short",
    month: "short",
    day: "numeric",
  }).format(new Date(`${day}T00:00:00Z`));

const amount = (n: number) => String(Math.round(n * 100) / 100);

function heading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > doc.page.height - MARGIN - 90) doc.addPage();
  doc.moveDown(0.8);
  doc.font(BOLD_FONT).fontSize(13).fillColor(ACCENT).text(pdfText(doc, text), MARGIN);
  const y = doc.y + 2;
  doc
    .moveTo(MARGIN, y)
    .lineTo(doc.page.width - MARGIN, y)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  doc.moveDown(0.5);
  doc.font(BODY_FONT).fontSize(9.5).fillColor(INK);
}

function paragraph(doc: PDFKit.PDFDocument, text: string, color = INK): void {
  doc
    .font(BODY_FONT)
    .fontSize(9.5)
    .fillColor(color)
    .text(pdfText(doc, text), MARGIN, doc.y, {
      width: doc.page.width - 2 * MARGIN,
    });
}

function table(
  doc: PDFKit.PDFDocument,
  header: string[],
  rows: string[][],
  widths: number[],
): void {
  if (rows.length === 0) return;
  doc.font(BODY_FONT).fontSize(8.5).fillColor(INK);
  doc.table({
    position: { x: MARGIN, y: doc.y },
    columnStyles: widths,
    defaultStyle: { border: { bottom: 0.4 }, borderColor: RULE, padding: [3, 4, 3, 4] },
    data: [
      header.map((h) => ({
        text: pdfText(doc, h),
        type: "TH" as const,
        font: { src: BOLD_FONT },
        backgroundColor: "#eef2f5",
      })),
      ...rows.map((r) => r.map((c) => pdfText(doc, c))),
    ],
  });
  doc.x = MARGIN;
  doc.moveDown(0.3);
}

/** A small line chart of one instrument's totals over the range, with its band edges. */
function scoreChart(
  doc: PDFKit.PDFDocument,
  lines: ScoreLine[],
  fromMs: number,
  toMs: number,
  bandEdges: number[],
): void {
  const first = lines[0];
  if (!first) return;
  const height = 90;
  if (doc.y + height + 30 > doc.page.height - MARGIN) doc.addPage();
  const left = MARGIN + 28;
  const top = doc.y + 4;
  const width = doc.page.width - MARGIN - left;
  const span = Math.max(1, toMs - fromMs);
  const x = (iso: string) => left + ((Date.parse(iso) - fromMs) / span) * width;
  const y = (v: number) => top + height - ((v - first.min) / (first.max - first.min || 1)) * height;

  doc.lineWidth(0.5).strokeColor(RULE).rect(left, top, width, height).stroke();
  doc.font(BODY_FONT).fontSize(7).fillColor(MUTED);
  for (const edge of bandEdges) {
    if (edge <= first.min || edge >= first.max) continue;
    doc
      .moveTo(left, y(edge))
      .lineTo(left + width, y(edge))
      .dash(2, { space: 2 })
      .strokeColor(RULE)
      .stroke()
      .undash();
  }
  for (const v of [first.min, first.max]) {
    doc.text(String(v), MARGIN, y(v) - 3, { width: 24, align: "right", lineBreak: false });
  }
  doc.lineWidth(1.4).strokeColor(ACCENT);
  lines.forEach((l, i) => {
    if (i === 0) doc.moveTo(x(l.takenAt), y(l.total));
    else doc.lineTo(x(l.takenAt), y(l.total));
  });
  if (lines.length > 1) doc.stroke();
  doc.fillColor(ACCENT);
  for (const l of lines) doc.circle(x(l.takenAt), y(l.total), 1.8).fill();
  doc.font(BODY_FONT).fontSize(7).fillColor(MUTED);
  const fromLabel = dayLabel(new Date(fromMs).toISOString().slice(0, 10));
  const toLabel = dayLabel(new Date(toMs).toISOString().slice(0, 10));
  doc.text(fromLabel, left, top + height + 2, { width: 120, lineBreak: false });
  doc.text(toLabel, left + width - 120, top + height + 2, {
    width: 120,
    align: "right",
    lineBreak: false,
  });
  doc.fillColor(INK);
  doc.y = top + height + 14;
  doc.x = MARGIN;
}

const notShared = (doc: PDFKit.PDFDocument, what: string) =>
  paragraph(doc, `Not shared with you: the person has not shared their ${what}.`, MUTED);

/** Renders the report to a PDF buffer. */
export function renderPdfReport(
  model: ReportModel,
  bandEdgesOf: (instrument: string) => number[],
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "LETTER",
    margin: MARGIN,
    bufferPages: true,
    info: {
      // Document properties are stored as UTF-16, so the title keeps the name exactly.
      Title: `Mitra summary: ${model.patientName}, ${model.fromDay} to ${model.toDay}`,
      Author: "Mitra",
      Subject: "Withdrawal monitoring summary",
    },
  });
  const coverage = new FontCoverage();
  coverageOf.set(doc, coverage);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const tz = model.timeZone;
  const fromMs = Date.parse(`${model.fromDay}T00:00:00Z`);
  const toMs = Date.parse(`${model.toDay}T23:59:59Z`);

  doc
    .font(BOLD_FONT)
    .fontSize(18)
    .fillColor(INK)
    .text(pdfText(doc, `Mitra summary: ${model.patientName}`));
  doc.moveDown(0.2);
  paragraph(
    doc,
    `${dayLabel(model.fromDay)} to ${dayLabel(model.toDay)} (${model.fromDay} to ${model.toDay}, ` +
      `times in ${tz}). ${model.patientEmail}. Prepared for ${model.preparedFor} on ` +
      `${time(model.generatedAt, tz)}.`,
    MUTED,
  );
  doc.moveDown(0.4);
  paragraph(
    doc,
    "Mitra records what the person logged and scores withdrawal with published scales. It is a " +
      "monitoring tool, not a prescriber: bands marked * are service or Mitra conventions, and " +
      "warnings are those Mitra showed when each dose was logged.",
    MUTED,
  );
  // Said before any of it is read, so a name with a missing character is not misread.
  const noted = charactersNotInFonts(stringsOf(model));
  if (noted.length > 0) {
    doc.moveDown(0.4);
    paragraph(doc, notShownNote(noted), ALERT);
  }

  heading(doc, "Withdrawal scores");
  if (!model.scores) notShared(doc, "assessments");
  else if (model.scores.length === 0) paragraph(doc, "No scored assessment in this period.");
  else {
    const byInstrument = new Map<string, ScoreLine[]>();
    for (const s of model.scores)
      byInstrument.set(s.instrument, [...(byInstrument.get(s.instrument) ?? []), s]);
    for (const [instrument, lines] of byInstrument) {
      const first = lines[0];
      if (!first) continue;
      doc
        .font(BOLD_FONT)
        .fontSize(9.5)
        .fillColor(INK)
        .text(
          pdfText(
            doc,
            `${first.instrumentName} (total ${first.min}-${first.max}), ${lines.length} assessment${lines.length === 1 ? "" : "s"}`,
          ),
          MARGIN,
        );
      scoreChart(doc, lines, fromMs, toMs, bandEdgesOf(instrument));
    }
    table(
      doc,
      ["When", "Scale", "Total", "Band", "By"],
      model.scores.map((s) => [
        time(s.takenAt, tz),
        s.instrumentName,
        `${s.total} / ${s.max}`,
        s.band ? `${s.band}${s.bandIsConvention ? " *" : ""}` : "-",
        s.recordedByClinician ? "clinician" : "self",
      ]),
      [110, 80, 60, 170, 92],
    );
  }

  heading(doc, "Red flags");
  if (!model.redFlags) notShared(doc, "assessments");
  else if (model.redFlags.length === 0) paragraph(doc, "No red flag was reported in this period.");
  else {
    table(
      doc,
      ["When", "Reported"],
      model.redFlags.map((r) => [time(r.takenAt, tz), r.items.join("; ") || "red flag"]),
      [110, 402],
    );
  }

  heading(doc, "Side effects reported");
  if (!model.sideEffects) notShared(doc, "assessments");
  else {
    const se = model.sideEffects;
    const checkIns = `${se.checkIns} side-effects check-in${se.checkIns === 1 ? "" : "s"}`;
    if (se.checkIns === 0) paragraph(doc, "No side-effects check-in in this period.");
    else if (se.items.length === 0) {
      paragraph(doc, `None reported: ${checkIns} in this period, every answer none or no.`);
    } else {
      paragraph(
        doc,
        `From ${checkIns} in this period: each effect reported at least mild (or yes), the ` +
          "worst answer, and the first and last day it was reported (the person's days). " +
          "Mitra's checklist, not a scored scale.",
        MUTED,
      );
      doc.moveDown(0.2);
      table(
        doc,
        ["Effect", "Worst", "First reported", "Last reported", "Days"],
        se.items.map((i) => [
          i.shortLabel,
          i.worst.label,
          dayLabel(i.firstDay),
          dayLabel(i.lastDay),
          String(i.days),
        ]),
        [150, 90, 105, 105, 62],
      );
    }
  }

  heading(doc, "Doses per day against the plan");
  if (!model.doseDays) notShared(doc, "doses");
  else {
    for (const plan of model.plans ?? []) {
      doc.font(BOLD_FONT).fontSize(9.5).fillColor(INK).text(pdfText(doc, plan.title), MARGIN);
      paragraph(doc, plan.description, MUTED);
      doc.moveDown(0.2);
      table(
        doc,
        ["Day", `Planned (${plan.unit})`, `Taken (${plan.unit})`, "Status", "Notes"],
        plan.days.map((d) => [
          dayLabel(d.day),
          d.planned === null ? "-" : amount(d.planned),
          amount(d.taken),
          d.status,
          [
            // A day before a revision was judged against the version in force then.
            d.version === plan.version
              ? ""
              : `by version ${d.version}${d.unit === plan.unit ? "" : `, in ${d.unit}`}`,
            d.dosesOverMaxPerDose ? `${d.dosesOverMaxPerDose} over max per dose` : "",
            d.dosesTooSoon ? `${d.dosesTooSoon} too soon` : "",
            ...d.unconvertible.map((u) => `${amount(u.amount)} ${u.unit} not counted`),
          ]
            .filter(Boolean)
            .join("; "),
        ]),
        [90, 80, 80, 70, 192],
      );
      if (plan.days.length === 0) paragraph(doc, "No planned day or dose in this period.");
    }
    if ((model.plans ?? []).length === 0) paragraph(doc, "No plan was in force in this period.");
    doc.moveDown(0.3);
    if (model.doseDays.length === 0) paragraph(doc, "No dose was logged in this period.");
    else {
      table(
        doc,
        ["Day", "Taken"],
        model.doseDays.map((d) => [
          dayLabel(d.day),
          d.totals
            .map(
              (t) =>
                `${t.substance} ${amount(t.amount)} ${t.unit} (${t.doses} dose${t.doses === 1 ? "" : "s"})`,
            )
            .join("; "),
        ]),
        [90, 422],
      );
    }
  }

  heading(doc, "Warnings shown when doses were logged");
  if (!model.warnings) notShared(doc, "doses");
  else if (model.warnings.length === 0)
    paragraph(doc, "No warning of caution or worse in this period.");
  else {
    table(
      doc,
      ["Severity", "Warning", "Times", "Last"],
      model.warnings.map((w) => [w.severity, w.title, String(w.count), time(w.lastAt, tz)]),
      [70, 292, 50, 100],
    );
  }

  heading(doc, "Clinician notes");
  if (!model.notes) notShared(doc, "notes");
  else if (model.notes.length === 0) paragraph(doc, "No note in this period.");
  else {
    table(
      doc,
      ["When", "By", "Note"],
      model.notes.map((n) => [time(n.createdAt, tz), n.author, n.body]),
      [100, 90, 322],
    );
  }

  const unnoted = [...coverage.missing].filter((c) => !noted.includes(c));
  if (unnoted.length > 0) {
    doc.moveDown(0.6);
    paragraph(doc, notShownNote(unnoted, true), ALERT);
  }

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(BODY_FONT)
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(
        pdfText(doc, `Mitra summary: ${model.patientName} - page ${i + 1} of ${pages.count}`),
        MARGIN,
        doc.page.height - MARGIN + 16,
        { width: doc.page.width - 2 * MARGIN, align: "center", lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
