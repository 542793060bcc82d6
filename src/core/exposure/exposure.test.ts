import { describe, expect, it } from "vitest";
import { buildExposureModel, EXPOSURE_DISCLAIMER, estimateExposure } from "./estimate.ts";
import { fractionInBody, parametersFrom } from "./one-compartment.ts";

// Parameter sets shaped like the published mitragynine studies (tmax about 1 h, half-lives from
// about one day to nearly three).
const sets = [
  { id: "short", label: "short", tmaxHours: 0.83, halfLifeHours: 23 },
  { id: "mid", label: "mid", tmaxHours: 1, halfLifeHours: 45.3 },
  { id: "long", label: "long", tmaxHours: 1.35, halfLifeHours: 67.9 },
];
const model = buildExposureModel(sets);
const H = 3_600_000;
const t0 = Date.UTC(2026, 0, 1, 8);
const iso = (ms: number) => new Date(ms).toISOString();

describe("one-compartment parameters", () => {
  it("solves ka so that the curve peaks at the published tmax", () => {
    for (const s of sets) {
      const p = parametersFrom(s.tmaxHours, s.halfLifeHours);
      const peak = Math.log(p.ka / p.ke) / (p.ka - p.ke);
      expect(peak).toBeCloseTo(s.tmaxHours, 6);
      expect(fractionInBody(p, s.halfLifeHours * 20)).toBeLessThan(1e-5);
    }
  });

  it("refuses a tmax the model cannot produce", () => {
    expect(() => parametersFrom(100, 10)).toThrow(RangeError);
    expect(() => parametersFrom(0, 10)).toThrow(RangeError);
  });
});

describe("estimateExposure", () => {
  it("says plainly it is an estimate from population averages", () => {
    const e = estimateExposure(model, [], iso(t0), iso(t0 + H), 60);
    expect(e.disclaimer).toBe(EXPOSURE_DISCLAIMER);
    expect(e.disclaimer).toMatch(/estimate/i);
    expect(e.disclaimer).toMatch(/not a measurement/i);
  });

  it("peaks near tmax after a single dose", () => {
    const e = estimateExposure(
      model,
      [{ takenAt: iso(t0), amount: 4 }],
      iso(t0),
      iso(t0 + 12 * H),
      5,
    );
    const peak = e.points.reduce((best, p) => (p.central > best.central ? p : best));
    const hours = (Date.parse(peak.at) - t0) / H;
    expect(Math.abs(hours - e.central.tmaxHours)).toBeLessThanOrEqual(5 / 60);
    expect(e.points[0]?.central).toBe(0);
  });

  it("keeps low <= central <= high at every point", () => {
    const doses = [0, 24, 48].map((d) => ({ takenAt: iso(t0 + d * H), amount: 3 }));
    const e = estimateExposure(model, doses, iso(t0), iso(t0 + 96 * H), 30);
    for (const p of e.points) {
      expect(p.low).toBeLessThanOrEqual(p.central + 1e-12);
      expect(p.central).toBeLessThanOrEqual(p.high + 1e-12);
    }
  });

  it("accumulates with daily doses: each day's trough is higher than the last", () => {
    const doses = Array.from({ length: 10 }, (_, d) => ({
      takenAt: iso(t0 + d * 24 * H),
      amount: 3,
    }));
    const e = estimateExposure(model, doses, iso(t0), iso(t0 + 10 * 24 * H), 60);
    const trough = (day: number) =>
      e.points.find((p) => Date.parse(p.at) === t0 + (day * 24 - 1) * H)?.central ?? 0;
    for (let day = 2; day <= 10; day++) expect(trough(day)).toBeGreaterThan(trough(day - 1));
    // Over a week of daily use the body holds more than one dose's worth.
    expect(trough(10)).toBeGreaterThan(3);
  });

  it("falls steadily after dosing stops", () => {
    const doses = Array.from({ length: 5 }, (_, d) => ({
      takenAt: iso(t0 + d * 24 * H),
      amount: 3,
    }));
    const start = t0 + 4 * 24 * H + 3 * H;
    const e = estimateExposure(model, doses, iso(start), iso(start + 10 * 24 * H), 60);
    for (let i = 1; i < e.points.length; i++) {
      expect((e.points[i] as { central: number }).central).toBeLessThan(
        (e.points[i - 1] as { central: number }).central,
      );
    }
    const last = e.points.at(-1);
    expect(last?.central).toBeLessThan((e.points[0]?.central ?? 0) * 0.2);
    // The long half-life keeps more in the body than the short one.
    expect(last?.high).toBeGreaterThan(last?.low ?? 0);
  });

  it("scales with the dose", () => {
    const one = estimateExposure(
      model,
      [{ takenAt: iso(t0), amount: 1 }],
      iso(t0 + 5 * H),
      iso(t0 + 5 * H),
      1,
    );
    const three = estimateExposure(
      model,
      [{ takenAt: iso(t0), amount: 3 }],
      iso(t0 + 5 * H),
      iso(t0 + 5 * H),
      1,
    );
    expect(three.points[0]?.central).toBeCloseTo(3 * (one.points[0]?.central ?? 0), 9);
  });

  it("refuses a step or range that makes no sense", () => {
    expect(() => estimateExposure(model, [], iso(t0), iso(t0 + H), 0)).toThrow(RangeError);
    expect(() => estimateExposure(model, [], iso(t0 + H), iso(t0), 5)).toThrow(RangeError);
    expect(() => buildExposureModel([])).toThrow(RangeError);
  });
});
