import { describe, expect, it } from "vitest";
import { formatCalendarDay, formatDose, fromLocalInputValue, toLocalInputValue } from "./format.ts";

describe("dose log formatting", () => {
  it("writes masses as they are and counts in the plural", () => {
    expect(formatDose(2.5, "g")).toBe("2.5 g");
    expect(formatDose(1, "capsule")).toBe("1 capsule");
    expect(formatDose(4, "capsule")).toBe("4 capsules");
    expect(formatDose(0.1 + 0.2, "mg")).toBe("0.3 mg");
  });

  it("round-trips a datetime-local value to the minute", () => {
    const now = new Date(2026, 2, 3, 9, 14, 33);
    const value = toLocalInputValue(now);
    expect(value).toBe("2026-03-03T09:14");
    expect(fromLocalInputValue(value)?.getTime()).toBe(new Date(2026, 2, 3, 9, 14).getTime());
    expect(fromLocalInputValue("")).toBeNull();
    expect(fromLocalInputValue("yesterday")).toBeNull();
  });

  it("names a calendar day without shifting it across zones", () => {
    expect(formatCalendarDay("2026-03-01")).toMatch(/1/);
    expect(formatCalendarDay("2026-03-01")).toMatch(/Sunday|Sun/);
  });
});
