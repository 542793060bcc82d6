import { describe, expect, it } from "vitest";
import {
  assessmentTrend,
  RISING_PERCENT_OF_RANGE,
  type ScorePoint,
  TREND_WINDOW_HOURS,
} from "./trend.ts";

const COWS_RANGE = { min: 0, max: 48 };
const now = new Date("2026-03-10T12:00:00Z");

/** A point `hoursAgo` hours before `now`. */
function at(hoursAgo: number, total: number): ScorePoint {
  return { takenAt: new Date(now.getTime() - hoursAgo * 3_600_000).toISOString(), total };
}

describe("assessmentTrend", () => {
  it("states its window and derives the threshold from the range", () => {
    const trend = assessmentTrend([], now, COWS_RANGE);
    expect(trend.windowHours).toBe(TREND_WINDOW_HOURS);
    expect(trend.risingThreshold).toBeCloseTo((48 * RISING_PERCENT_OF_RANGE) / 100);
    expect(assessmentTrend([], now, { min: 0, max: 30 }).risingThreshold).toBe(3);
  });

  it("knows nothing from no history", () => {
    expect(assessmentTrend([], now, COWS_RANGE)).toMatchObject({
      baseline: null,
      latest: null,
      changeFromBaseline: null,
      change72h: null,
      lowestIn72h: null,
      rising: false,
    });
  });

  it("has a baseline but no change from a single total", () => {
    const only = at(1, 20);
    expect(assessmentTrend([only], now, COWS_RANGE)).toMatchObject({
      baseline: only,
      latest: only,
      changeFromBaseline: null,
      change72h: null,
      rising: false,
    });
  });

  it("flags a rise over the recent low (given unsorted)", () => {
    const history = [at(2, 14), at(200, 6), at(48, 8), at(24, 10)];
    const trend = assessmentTrend(history, now, COWS_RANGE);
    expect(trend.baseline?.total).toBe(6);
    expect(trend.latest?.total).toBe(14);
    expect(trend.changeFromBaseline).toBe(8);
    expect(trend.change72h).toBe(6);
    expect(trend.lowestIn72h?.total).toBe(8);
    expect(trend.rising).toBe(true);
  });

  it("does not flag a falling trend", () => {
    const trend = assessmentTrend([at(60, 30), at(30, 22), at(1, 12)], now, COWS_RANGE);
    expect(trend.changeFromBaseline).toBe(-18);
    expect(trend.change72h).toBe(-18);
    expect(trend.rising).toBe(false);
  });

  it("does not flag a flat trend", () => {
    const trend = assessmentTrend([at(70, 10), at(40, 10), at(3, 10)], now, COWS_RANGE);
    expect(trend.change72h).toBe(0);
    expect(trend.rising).toBe(false);
  });

  it("flags a rise of exactly the threshold and not one point less (SOWS-Gossop, 0-30)", () => {
    const range = { min: 0, max: 30 };
    expect(assessmentTrend([at(10, 4), at(1, 7)], now, range).rising).toBe(true);
    expect(assessmentTrend([at(10, 4), at(1, 6)], now, range).rising).toBe(false);
  });

  it("measures the rise from the lowest earlier total, not the first in the window", () => {
    const trend = assessmentTrend([at(70, 12), at(40, 5), at(1, 10)], now, COWS_RANGE);
    expect(trend.change72h).toBe(-2);
    expect(trend.lowestIn72h?.total).toBe(5);
    expect(trend.rising).toBe(true);
  });

  it("ignores a low that fell out of the 72-hour window", () => {
    const trend = assessmentTrend([at(73, 0), at(10, 9), at(1, 10)], now, COWS_RANGE);
    expect(trend.lowestIn72h?.total).toBe(9);
    expect(trend.rising).toBe(false);
    expect(trend.changeFromBaseline).toBe(10);
  });

  it("counts a total taken exactly 72 hours ago as inside the window", () => {
    const trend = assessmentTrend([at(72, 0), at(1, 10)], now, COWS_RANGE);
    expect(trend.change72h).toBe(10);
    expect(trend.rising).toBe(true);
  });

  it("has no recent trend when the latest total is older than the window", () => {
    const trend = assessmentTrend([at(200, 2), at(100, 30)], now, COWS_RANGE);
    expect(trend.changeFromBaseline).toBe(28);
    expect(trend.change72h).toBeNull();
    expect(trend.lowestIn72h).toBeNull();
    expect(trend.rising).toBe(false);
  });

  it("ignores totals taken after now", () => {
    const trend = assessmentTrend([at(10, 5), at(-5, 40)], now, COWS_RANGE);
    expect(trend.latest?.total).toBe(5);
    expect(trend.rising).toBe(false);
  });

  it("throws on an invalid instant or total", () => {
    expect(() => assessmentTrend([{ takenAt: "yesterday", total: 3 }], now, COWS_RANGE)).toThrow(
      RangeError,
    );
    expect(() => assessmentTrend([at(1, Number.NaN)], now, COWS_RANGE)).toThrow(RangeError);
    expect(() => assessmentTrend([], new Date("nope"), COWS_RANGE)).toThrow(RangeError);
  });

  it("does not depend on the order of the history", () => {
    const history = [at(50, 8), at(30, 3), at(20, 11), at(2, 9), at(100, 4)];
    const forward = assessmentTrend(history, now, COWS_RANGE);
    const backward = assessmentTrend([...history].reverse(), now, COWS_RANGE);
    expect(backward).toEqual(forward);
  });
});
