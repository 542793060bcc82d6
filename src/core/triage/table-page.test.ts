import { describe, expect, it } from "vitest";
import { quietSignals } from "../../testing/triage-signals.ts";
import type { TriageSignals } from "./patient-signals.ts";
import type { TriageLevel } from "./ranking.ts";
import { type TableRow, triageTablePage } from "./table-page.ts";

const now = new Date("2026-06-10T12:00:00.000Z");
const linkedAt = "2026-05-01T00:00:00.000Z";

function row(name: string, level: TriageLevel, signals: Partial<TriageSignals> = {}): TableRow {
  return {
    ...quietSignals,
    ...signals,
    level,
    linkedAt,
    patient: { displayName: name, email: `${name.toLowerCase()}@example.org` },
  };
}

// Ranked worst first, as the server ranks them.
const ranked = [
  row("Rosa", "urgent", { lastEntryAt: "2026-06-10T08:00:00.000Z", dosesOverPlan: 0 }),
  row("Amir", "high", { lastEntryAt: "2026-06-01T08:00:00.000Z", dosesOverPlan: 3 }),
  row("Bea", "watch", { lastEntryAt: "2026-06-09T08:00:00.000Z", dosesOverPlan: 1 }),
  row("Cyd", "ok", { lastEntryAt: null, dosesOverPlan: null }),
  row("Dee", "ok", { lastEntryAt: "2026-06-10T09:00:00.000Z", dosesOverPlan: 0 }),
];
const names = (q: Parameters<typeof triageTablePage>[1]) =>
  triageTablePage(ranked, q, now).rows.map((r) => r.patient.displayName);

describe("triageTablePage", () => {
  it("keeps the ranked order by default and counts every level", () => {
    const page = triageTablePage(ranked, {}, now);
    expect(page.rows.map((r) => r.patient.displayName)).toEqual([
      "Rosa",
      "Amir",
      "Bea",
      "Cyd",
      "Dee",
    ]);
    expect(page.levels).toEqual({ urgent: 1, high: 1, watch: 1, ok: 2 });
    expect(page.matched).toBe(5);
  });

  it("searches names and e-mail addresses in any case", () => {
    expect(names({ q: "  bE " })).toEqual(["Bea"]);
    expect(names({ q: "amir@EXAMPLE" })).toEqual(["Amir"]);
    expect(names({ q: "nobody" })).toEqual([]);
  });

  it("filters by level, or by anything needing attention", () => {
    expect(names({ level: "ok" })).toEqual(["Cyd", "Dee"]);
    expect(names({ level: "attention" })).toEqual(["Rosa", "Amir", "Bea"]);
  });

  it("sorts by name, last entry and plan either way, ties in ranked order", () => {
    expect(names({ sort: "name" })).toEqual(["Amir", "Bea", "Cyd", "Dee", "Rosa"]);
    expect(names({ sort: "name", dir: "desc" })).toEqual(["Rosa", "Dee", "Cyd", "Bea", "Amir"]);
    expect(names({ sort: "last-entry" })).toEqual(["Dee", "Rosa", "Bea", "Amir", "Cyd"]);
    expect(names({ sort: "last-entry", dir: "asc" })).toEqual([
      "Cyd",
      "Amir",
      "Bea",
      "Rosa",
      "Dee",
    ]);
    expect(names({ sort: "plan" })).toEqual(["Amir", "Bea", "Rosa", "Dee", "Cyd"]);
    expect(names({ sort: "urgency", dir: "asc" })).toEqual(["Dee", "Cyd", "Bea", "Amir", "Rosa"]);
  });

  it("pages, and answers the last page for a page past it", () => {
    const second = triageTablePage(ranked, { pageSize: 2, page: 2 }, now);
    expect(second.rows.map((r) => r.patient.displayName)).toEqual(["Bea", "Cyd"]);
    const past = triageTablePage(ranked, { pageSize: 2, page: 9 }, now);
    expect(past.page).toBe(3);
    expect(past.rows.map((r) => r.patient.displayName)).toEqual(["Dee"]);
    expect(triageTablePage([], { page: 4 }, now).page).toBe(1);
  });

  it("finds people with no check-in in N days, counting only days since the link", () => {
    const rows = [
      row("Recent", "ok", { lastCheckInAt: "2026-06-09T12:00:00.000Z" }),
      row("Quiet", "watch", { lastCheckInAt: "2026-06-06T12:00:00.000Z" }),
      row("Never", "watch", { lastCheckInAt: null }),
      { ...row("New", "ok", { lastCheckInAt: null }), linkedAt: "2026-06-10T11:00:00.000Z" },
      row("Private", "ok", { lastCheckInAt: null, missedCheckIns: null }),
    ];
    const quiet = triageTablePage(rows, { quietDays: 3 }, now).rows;
    expect(quiet.map((r) => r.patient.displayName)).toEqual(["Quiet", "Never"]);
  });
});
