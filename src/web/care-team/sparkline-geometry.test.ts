import { describe, expect, it } from "vitest";
import { sparklinePath } from "./sparkline-geometry.ts";

describe("sparkline geometry", () => {
  it("draws runs of values and leaves gaps for days without one", () => {
    const g = sparklinePath([0, 100, null, 50, 50], 40, 24);
    expect(g.segments).toEqual(["M0 22 L10 2", "M30 12 L40 12"]);
    expect(g.dots).toHaveLength(4);
  });

  it("shows a lone value as a dot only, and clamps out-of-range values", () => {
    const g = sparklinePath([null, 150, null], 20, 24);
    expect(g.segments).toEqual([]);
    expect(g.dots).toEqual([{ x: 10, y: 2 }]);
  });

  it("draws nothing for no values", () => {
    expect(sparklinePath([null, null]).dots).toEqual([]);
  });
});
