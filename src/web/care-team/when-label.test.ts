import { describe, expect, it } from "vitest";
import { formatDateTime, formatTime } from "../components/format-time.ts";
import { whenLabel } from "./when-label.ts";

describe("whenLabel", () => {
  const now = new Date("2026-03-04T02:00:00.000Z"); // Mar 3, 9 PM in New York
  const zone = "America/New_York";

  it("says today or yesterday by the patient's calendar, not UTC's", () => {
    const evening = "2026-03-03T23:30:00.000Z"; // Mar 3 in New York, Mar 3 in UTC too
    const morning = "2026-03-03T12:05:00.000Z";
    const dayBefore = "2026-03-03T01:00:00.000Z"; // Mar 2, 8 PM in New York
    expect(whenLabel(evening, zone, now)).toBe(`today ${formatTime(evening, zone)}`);
    expect(whenLabel(morning, zone, now)).toBe(`today ${formatTime(morning, zone)}`);
    expect(whenLabel(dayBefore, zone, now)).toBe(`yesterday ${formatTime(dayBefore, zone)}`);
    // In UTC the same instant is already Mar 4: that "morning" was yesterday there.
    expect(whenLabel(morning, "UTC", now)).toBe(`yesterday ${formatTime(morning, "UTC")}`);
  });

  it("gives the date for older days", () => {
    const old = "2026-02-27T15:00:00.000Z";
    expect(whenLabel(old, zone, now)).toBe(formatDateTime(old, zone));
  });
});
