import { describe, expect, it } from "vitest";
import { dailyCheck, gappedScale } from "../../testing/test-instruments.ts";
import { scoreScales, scoreSignals } from "./score-signals.ts";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const H = 3_600_000;
const ago = (hours: number) => new Date(NOW.getTime() - hours * H).toISOString();
const scales = scoreScales([gappedScale, dailyCheck]);
const LONG_AGO = "2026-01-01T00:00:00.000Z";

describe("scoreScales", () => {
  it("keeps only instruments with a total range, by id", () => {
    expect([...scales.entries()]).toEqual([["gapped", { name: "Gapped", min: 0, max: 12 }]]);
  });
});

describe("scoreSignals", () => {
  it("puts the highest score of each rolling day on a 0-100 scale, oldest first", () => {
    const s = scoreSignals(
      [
        { takenAt: ago(1), instrument: "gapped", total: 3 },
        { takenAt: ago(2), instrument: "gapped", total: 6 },
        { takenAt: ago(13 * 24 + 1), instrument: "gapped", total: 12 },
        { takenAt: ago(15 * 24), instrument: "gapped", total: 12 },
      ],
      scales,
      NOW,
      LONG_AGO,
    );
    expect(s.sparkline).toHaveLength(14);
    expect(s.sparkline[13]).toBe(50);
    expect(s.sparkline[0]).toBe(100);
    expect(s.sparkline.slice(1, 13).every((v) => v === null)).toBe(true);
  });

  it("counts the last three rolling days without any check-in as missed", () => {
    const s = scoreSignals(
      [{ takenAt: ago(30), instrument: "daily", total: null }],
      scales,
      NOW,
      LONG_AGO,
    );
    expect(s).toMatchObject({ missedCheckIns: 2, checkInDaysCounted: 3 });
  });

  it("does not count days that began before the care link", () => {
    const s = scoreSignals([], scales, NOW, ago(30));
    // Of the last three rolling days only the newest began after the link.
    expect(s).toMatchObject({ missedCheckIns: 1, checkInDaysCounted: 1 });
    expect(scoreSignals([], scales, NOW, ago(1))).toMatchObject({
      missedCheckIns: 0,
      checkInDaysCounted: 0,
    });
  });

  it("reports a score rising inside the trend window, not one that rose before it", () => {
    const rising = scoreSignals(
      [
        { takenAt: ago(48), instrument: "gapped", total: 2 },
        { takenAt: ago(1), instrument: "gapped", total: 4 },
      ],
      scales,
      NOW,
      LONG_AGO,
    );
    expect(rising.rising).toEqual([
      { instrument: "gapped", instrumentName: "Gapped", latest: 4, lowest: 2, takenAt: ago(1) },
    ]);
    const before = scoreSignals(
      [
        { takenAt: ago(100), instrument: "gapped", total: 0 },
        { takenAt: ago(1), instrument: "gapped", total: 12 },
      ],
      scales,
      NOW,
      LONG_AGO,
    );
    expect(before.rising).toEqual([]);
  });
});
