import { describe, expect, it } from "vitest";
import { addDays, daysBetween, isCalendarDay } from "./calendar-day.ts";

describe("calendar days", () => {
  it("accepts real days and rejects malformed or impossible ones", () => {
    expect(isCalendarDay("2026-02-28")).toBe(true);
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("2026-2-3")).toBe(false);
    expect(isCalendarDay("2026-03-01T00:00:00Z")).toBe(false);
    expect(isCalendarDay(20260301)).toBe(false);
  });

  it("adds days across month, year and daylight-saving boundaries", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-07", 2)).toBe("2026-03-09");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("counts whole days between two days, signed", () => {
    expect(daysBetween("2026-03-01", "2026-03-01")).toBe(0);
    expect(daysBetween("2026-03-01", "2026-04-01")).toBe(31);
    expect(daysBetween("2026-04-01", "2026-03-01")).toBe(-31);
    expect(daysBetween("2026-10-25", "2026-11-05")).toBe(11);
  });

  it("throws on a bad day instead of computing garbage", () => {
    expect(() => addDays("2026-13-01", 1)).toThrow(RangeError);
    expect(() => daysBetween("2026-03-01", "soon")).toThrow(RangeError);
  });
});
