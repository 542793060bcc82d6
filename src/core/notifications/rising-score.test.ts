import { describe, expect, it } from "vitest";
import { startsRisingScore } from "./rising-score.ts";

/** SOWS-Gossop's range (0-30): a rise of 3 points counts. */
const range = { min: 0, max: 30 };
const at = (hours: number) => new Date(Date.UTC(2026, 5, 1) + hours * 3_600_000).toISOString();
const point = (hours: number, total: number) => ({ takenAt: at(hours), total });

/** Adds totals one by one and says which of them started a rise. */
function starts(totals: [number, number][]): number[] {
  const told: number[] = [];
  const history: { takenAt: string; total: number }[] = [];
  for (const [hours, total] of totals) {
    if (startsRisingScore(history, point(hours, total), range)) told.push(hours);
    history.push(point(hours, total));
  }
  return told;
}

describe("a rising score told once", () => {
  it("tells at the check-in that first rises 3 points over the lowest, not at the next ones", () => {
    expect(
      starts([
        [0, 8],
        [6, 9],
        [12, 11],
        [18, 14],
        [24, 18],
      ]),
    ).toEqual([12]);
  });

  it("tells again once a rise ended and a new one starts", () => {
    // 8 -> 12 rises; 7 ends it (the lowest is now 7, nothing above it); 7 -> 10 rises again.
    expect(
      starts([
        [0, 8],
        [6, 12],
        [12, 7],
        [18, 10],
        [24, 12],
      ]),
    ).toEqual([6, 18]);
  });

  it("ignores a rise smaller than the threshold, a first total, and one outside 72 hours", () => {
    expect(
      starts([
        [0, 8],
        [6, 10],
        [12, 9],
      ]),
    ).toEqual([]);
    expect(starts([[0, 20]])).toEqual([]);
    // The 5 was taken 80 hours before the 9: outside the window, so no rise.
    expect(
      starts([
        [0, 5],
        [80, 9],
      ]),
    ).toEqual([]);
  });

  it("starts nothing with a total entered after later ones", () => {
    const history = [point(0, 8), point(24, 9)];
    expect(startsRisingScore(history, point(12, 15), range)).toBe(false);
  });
});
