import { describe, expect, it } from "vitest";
import { dailyCheck, gappedScale } from "../../testing/test-instruments.ts";
import { reportedItems } from "./reported-items.ts";

const check = (takenAt: string, answers: Record<string, number>, instrument = "gapped") => ({
  instrument,
  takenAt,
  answers,
});

describe("reportedItems", () => {
  it("lists items above their lowest answer with first and last day in the person's zone", () => {
    const reported = reportedItems(
      gappedScale,
      [
        // 18:45 UTC on the 1st is 00:15 on the 2nd in Kolkata.
        check("2026-03-01T18:45:00Z", { alpha: 1, beta: 0, gamma: 0 }),
        check("2026-03-03T04:00:00Z", { alpha: 4, beta: 0, gamma: 0 }),
        check("2026-03-03T10:00:00Z", { alpha: 2, beta: 3, gamma: 0 }),
      ],
      "Asia/Kolkata",
    );
    expect(reported).toEqual([
      {
        itemId: "alpha",
        shortLabel: expect.any(String),
        firstDay: "2026-03-02",
        lastDay: "2026-03-03",
        days: 2,
        worst: { value: 4, label: "most" },
      },
      {
        itemId: "beta",
        shortLabel: expect.any(String),
        firstDay: "2026-03-03",
        lastDay: "2026-03-03",
        days: 1,
        worst: { value: 3, label: "some" },
      },
    ]);
    // The same instant is still the 1st in New York.
    expect(
      reportedItems(
        gappedScale,
        [check("2026-03-01T18:45:00Z", { alpha: 1 })],
        "America/New_York",
      )[0]?.firstDay,
    ).toBe("2026-03-01");
  });

  it("leaves out the lowest answer, other instruments, numeric items and unknown answers", () => {
    expect(
      reportedItems(
        gappedScale,
        [
          check("2026-03-01T10:00:00Z", { alpha: 0, beta: 0, gamma: 0 }),
          check("2026-03-01T11:00:00Z", { alpha: 4 }, "other"),
          check("2026-03-01T12:00:00Z", { gamma: 2 }), // 2 is not an answer gamma allows
        ],
        "UTC",
      ),
    ).toEqual([]);
    expect(
      reportedItems(dailyCheck, [check("2026-03-01T10:00:00Z", { hours: 9 }, "daily")], "UTC"),
    ).toEqual([]);
  });
});
