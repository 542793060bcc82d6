import { describe, expect, it } from "vitest";
import { DEFAULT_SIZE } from "./chart-geometry.ts";
import { amountTicks, doseOverlayGeometry } from "./dose-overlay-geometry.ts";

const size = { ...DEFAULT_SIZE, left: 30, right: 30, top: 20, bottom: 20, width: 340, height: 240 };
// Plot: x 30..310 (280 wide), y 20..220 (200 high).

describe("amount ticks", () => {
  it("rounds the top up to 1, 2, 2.5 or 5 steps, at most four of them", () => {
    expect(amountTicks(12)).toEqual([0, 5, 10, 15]);
    expect(amountTicks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(amountTicks(400)).toEqual([0, 100, 200, 300, 400]);
    expect(amountTicks(0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(amountTicks(9)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(amountTicks(0)).toEqual([0, 1]);
  });
});

describe("dose overlay geometry", () => {
  // Four days in Kolkata: 1 to 4 March, local midnights at 18:30 UTC the day before.
  const axis = {
    from: Date.parse("2026-02-28T18:30:00Z"),
    to: Date.parse("2026-03-04T18:30:00Z"),
  };

  it("puts each day's bar inside that day, in the person's zone, height in proportion", () => {
    const g = doseOverlayGeometry(
      [
        { day: "2026-03-01", amount: 8 },
        { day: "2026-03-03", amount: 4 },
      ],
      [],
      axis,
      "Asia/Kolkata",
      size,
    );
    expect(g.ticks.map((t) => t.value)).toEqual([0, 2, 4, 6, 8]);
    const [first, third] = g.bars;
    // Each day is 70 units wide; 15 % left empty on each side.
    expect(first?.x).toBeCloseTo(30 + 10.5);
    expect(first?.width).toBeCloseTo(49);
    expect(first?.y).toBeCloseTo(20);
    expect(first?.height).toBeCloseTo(200);
    expect(third?.x).toBeCloseTo(30 + 140 + 10.5);
    expect(third?.height).toBeCloseTo(100);
    expect(g.targetPath).toBeNull();
  });

  it("draws the target as steps joined across following days, broken over a gap", () => {
    const g = doseOverlayGeometry(
      [],
      [
        { day: "2026-03-01", target: 4 },
        { day: "2026-03-02", target: 2 },
        { day: "2026-03-04", target: 2 },
      ],
      axis,
      "Asia/Kolkata",
      size,
    );
    expect(g.ticks.at(-1)?.value).toBe(4);
    expect(g.targetPath).toBe("M30.0,20.0H100.0V120.0H170.0M240.0,120.0H310.0");
  });

  it("clips a day that starts before the axis to the axis", () => {
    const g = doseOverlayGeometry(
      [{ day: "2026-02-28", amount: 1 }],
      [],
      axis,
      "Asia/Kolkata",
      size,
    );
    expect(g.bars).toEqual([]);
  });
});
