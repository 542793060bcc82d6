import { describe, expect, it } from "vitest";
import { exposureGeometry } from "./exposure-geometry.ts";

const box = { width: 300, height: 120, left: 10, right: 10, top: 10, bottom: 10 };
const at = (h: number) => new Date(Date.UTC(2026, 2, 1, h)).toISOString();

describe("exposure chart geometry", () => {
  const points = [0, 1, 2, 3, 4].map((h) => ({
    at: at(h),
    low: h,
    central: h * 2,
    high: h * 4,
  }));

  it("spans the plot, with the band's top at the highest value", () => {
    const g = exposureGeometry(points, [], at(2), box);
    const xs = g.line.split(" ").map((p) => Number(p.split(",")[0]));
    expect(xs[0]).toBe(10);
    expect(xs[xs.length - 1]).toBe(290);
    expect(g.band.split(" ")).toHaveLength(10);
    expect(g.band.split(" ")[4]).toBe("290,10");
  });

  it("places now and the doses inside the chart only, and says how high now is", () => {
    const g = exposureGeometry(points, [{ takenAt: at(1) }, { takenAt: at(9) }], at(2), box);
    expect(g.nowX).toBe(150);
    expect(g.doseXs).toEqual([80]);
    expect(g.nowPercent).toBe(50);
    expect(g.rising).toBe(true);
    expect(g.peakInHours).toBe(2);
    expect(exposureGeometry(points, [], at(8), box).nowX).toBeNull();
  });

  it("says when the estimate is falling", () => {
    const falling = points.map((p, i) => ({ ...p, central: 10 - i }));
    const g = exposureGeometry(falling, [], at(2), box);
    expect(g.rising).toBe(false);
    expect(g.peakInHours).toBeNull();
    expect(g.nowPercent).toBe(80);
  });

  it("draws nothing for no points", () => {
    expect(exposureGeometry([], [], at(0), box).line).toBe("");
  });
});
