import { describe, expect, it } from "vitest";
import type { Band } from "../../core/assessment/index.ts";
import { chartGeometry, DEFAULT_SIZE, dayTicks, totalTicks } from "./chart-geometry.ts";

const label = (at: number, withTime: boolean) =>
  `${new Date(at).toISOString().slice(0, withTime ? 16 : 10)}`;

const cowsBands: Band[] = [
  { id: "none", label: "No active withdrawal", min: 0, max: 4 },
  { id: "mild", label: "Mild", min: 5, max: 12 },
  { id: "moderate", label: "Moderate", min: 13, max: 24 },
  { id: "moderately-severe", label: "Moderately severe", min: 25, max: 36 },
  { id: "severe", label: "Severe", min: 37, max: 48 },
];

/** The middle of the default chart's plot, left to right. */
const MIDDLE_X =
  DEFAULT_SIZE.left + (DEFAULT_SIZE.width - DEFAULT_SIZE.left - DEFAULT_SIZE.right) / 2;

/** The default chart of a 0-64 scale without bands, in UTC, with a single check-in. */
const onePoint = (takenAt: string, total: number, window?: { from: number; to: number }) =>
  chartGeometry(
    [{ id: "a", takenAt, total }],
    { min: 0, max: 64 },
    [],
    "UTC",
    label,
    DEFAULT_SIZE,
    window,
  );

describe("total ticks", () => {
  it("divides each instrument's range into at most five even parts", () => {
    expect(totalTicks({ min: 0, max: 64 })).toEqual([0, 16, 32, 48, 64]);
    expect(totalTicks({ min: 0, max: 48 })).toEqual([0, 12, 24, 36, 48]);
    expect(totalTicks({ min: 0, max: 30 })).toEqual([0, 6, 12, 18, 24, 30]);
  });
});

describe("day ticks", () => {
  /** The ticks between two instants, as instants. */
  const isoTicks = (from: string, to: string, timeZone: string) =>
    dayTicks(Date.parse(from), Date.parse(to), timeZone).map((t) => new Date(t).toISOString());

  it("falls on midnights of the person's zone, not UTC", () => {
    const [from, to] = ["2026-03-01T12:00:00Z", "2026-03-04T12:00:00Z"];
    expect(isoTicks(from, to, "Asia/Tokyo")).toEqual([
      "2026-03-01T15:00:00.000Z",
      "2026-03-02T15:00:00.000Z",
      "2026-03-03T15:00:00.000Z",
    ]);
    expect(isoTicks(from, to, "UTC")[0]).toBe("2026-03-02T00:00:00.000Z");
  });

  it("keeps a New York midnight across the change to summer time", () => {
    expect(isoTicks("2026-03-07T12:00:00Z", "2026-03-10T12:00:00Z", "America/New_York")).toEqual([
      "2026-03-08T05:00:00.000Z",
      "2026-03-09T04:00:00.000Z",
      "2026-03-10T04:00:00.000Z",
    ]);
  });

  it("thins a long history to at most five ticks", () => {
    const from = Date.parse("2026-01-01T12:00:00Z");
    const to = Date.parse("2026-03-01T12:00:00Z");
    const ticks = dayTicks(from, to, "UTC");
    expect(ticks.length).toBeLessThanOrEqual(5);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
  });
});

describe("chart geometry", () => {
  const points = [
    { id: "b", takenAt: "2026-03-03T08:00:00Z", total: 24 },
    { id: "a", takenAt: "2026-03-01T08:00:00Z", total: 48 },
    { id: "c", takenAt: "2026-03-05T08:00:00Z", total: 0 },
  ];
  const g = chartGeometry(points, { min: 0, max: 48 }, cowsBands, "UTC", label);
  const { size } = g;
  const bottom = size.height - size.bottom;

  it("plots points oldest first, left to right, higher totals higher up", () => {
    expect(g.points.map((p) => p.total)).toEqual([48, 24, 0]);
    expect(g.points.map((p) => p.id)).toEqual(["a", "b", "c"]);
    const [a, b, c] = g.points;
    expect(a!.x).toBeLessThan(b!.x);
    expect(b!.x).toBeLessThan(c!.x);
    expect(a!.y).toBeCloseTo(size.top);
    expect(c!.y).toBeCloseTo(bottom);
    expect(b!.y).toBeCloseTo((size.top + bottom) / 2);
    for (const p of g.points) {
      expect(p.x).toBeGreaterThan(size.left);
      expect(p.x).toBeLessThan(size.width - size.right);
    }
  });

  it("draws bands edge to edge over the range, boundaries between whole totals", () => {
    expect(g.bands.map((b) => b.id)).toEqual(cowsBands.map((b) => b.id));
    const none = g.bands[0]!;
    const severe = g.bands[4]!;
    expect(none.y + none.height).toBeCloseTo(bottom);
    expect(severe.y).toBeCloseTo(size.top);
    for (let i = 1; i < g.bands.length; i++) {
      const below = g.bands[i - 1]!;
      const above = g.bands[i]!;
      expect(above.y + above.height).toBeCloseTo(below.y);
    }
    const perPoint = (bottom - size.top) / 48;
    expect(g.bands[1]!.height).toBeCloseTo(8 * perPoint);
  });

  it("labels days for a multi-day history and times for a single check-in", () => {
    expect(g.xTicks.map((t) => t.label)).toContain("2026-03-03");
    const one = onePoint("2026-03-03T08:00:00Z", 5);
    expect(one.points[0]!.x).toBeCloseTo(MIDDLE_X);
    expect(one.xTicks.map((t) => t.label)).toEqual(["2026-03-03T08:00"]);
    expect(one.bands).toEqual([]);
  });
});

describe("a time axis set by the caller", () => {
  it("uses the window as given, without padding, so whole days line up with dose bars", () => {
    const from = Date.parse("2026-03-01T00:00:00Z");
    const to = Date.parse("2026-03-03T00:00:00Z");
    const g = onePoint("2026-03-02T00:00:00Z", 10, { from, to });
    expect([g.from, g.to]).toEqual([from, to]);
    const middle = MIDDLE_X;
    expect(g.points[0]?.x).toBeCloseTo(middle);
    // Each day labelled under its middle, not at the midnight between two bars.
    expect(g.xTicks.map((t) => t.label)).toEqual(["2026-03-01", "2026-03-02"]);
    expect(g.xTicks[0]?.x).toBeCloseTo(DEFAULT_SIZE.left + (middle - DEFAULT_SIZE.left) / 2);
  });

  it("labels at most five days of a long window, in the person's zone", () => {
    const from = Date.parse("2026-02-28T18:30:00Z"); // 1 March in Kolkata
    const to = Date.parse("2026-03-20T18:30:00Z"); // 21 March starts
    const g = chartGeometry(
      [{ id: "a", takenAt: "2026-03-02T00:00:00Z", total: 10 }],
      { min: 0, max: 64 },
      [],
      "Asia/Kolkata",
      (at) => new Date(at).toISOString(),
      DEFAULT_SIZE,
      { from, to },
    );
    expect(g.xTicks.map((t) => t.label)).toEqual([
      "2026-02-28T18:30:00.000Z",
      "2026-03-04T18:30:00.000Z",
      "2026-03-08T18:30:00.000Z",
      "2026-03-12T18:30:00.000Z",
      "2026-03-16T18:30:00.000Z",
    ]);
  });
});
