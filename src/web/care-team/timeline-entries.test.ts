import { describe, expect, it } from "vitest";
import { byDay, type Entry, matchesFilter } from "./timeline-entries.ts";

const dose = (id: string, at: string, worst: Extract<Entry, { kind: "dose" }>["worst"]): Entry => ({
  kind: "dose",
  id,
  at,
  text: "Kratom leaf: 2 g",
  warnings: worst ? [{ code: `w-${worst}`, severity: worst, title: "A warning" }] : [],
  worst,
  notes: null,
});
const checkIn = (id: string, at: string, flagged: string | null): Entry => ({
  kind: "assessment",
  id,
  at,
  text: "SOWS 12",
  redFlag: flagged !== null,
  flagged,
  byClinician: false,
});
const note = (id: string, at: string): Entry => ({
  kind: "note",
  id,
  at,
  text: "Called",
  author: "Dr A",
});

describe("timeline entries", () => {
  const entries: Entry[] = [
    note("n", "2026-03-04T03:30:00.000Z"), // Mar 3, 10:30 PM in Chicago
    checkIn("flag", "2026-03-03T20:00:00.000Z", "Chest pain"),
    dose("warned", "2026-03-03T15:00:00.000Z", "unsafe"),
    dose("plain", "2026-03-02T15:00:00.000Z", "info"),
    checkIn("calm", "2026-03-02T14:00:00.000Z", null),
  ];

  it("groups by the patient's calendar day, newest first", () => {
    const days = byDay(entries, "America/Chicago");
    expect(days.map((d) => [d.day, d.entries.map((e) => e.id)])).toEqual([
      ["2026-03-03", ["n", "flag", "warned"]],
      ["2026-03-02", ["plain", "calm"]],
    ]);
    // In UTC the late note falls on the next day.
    expect(byDay(entries, "UTC")[0]).toEqual({ day: "2026-03-04", entries: [entries[0]] });
  });

  it("narrows to one kind, or to entries with a warning", () => {
    const ids = (f: Parameters<typeof matchesFilter>[1]) =>
      entries.filter((e) => matchesFilter(e, f)).map((e) => e.id);
    expect(ids("all")).toHaveLength(5);
    expect(ids("doses")).toEqual(["warned", "plain"]);
    expect(ids("check-ins")).toEqual(["flag", "calm"]);
    expect(ids("notes")).toEqual(["n"]);
    // An "info" note on a dose is not a warning; a check-in's flag is.
    expect(ids("warnings")).toEqual(["flag", "warned"]);
  });
});
