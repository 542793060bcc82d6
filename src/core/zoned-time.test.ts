import { describe, expect, it } from "vitest";
import { isValidTimeZone, startOfZonedDay, zonedDay, zonedDayBounds } from "./zoned-time.ts";

describe("zoned time", () => {
  it("puts an instant on the calendar day of the person's zone, not UTC's", () => {
    const instant = "2026-03-01T03:30:00Z";
    expect(zonedDay(instant, "UTC")).toBe("2026-03-01");
    expect(zonedDay(instant, "America/New_York")).toBe("2026-02-28");
    expect(zonedDay(instant, "Asia/Bangkok")).toBe("2026-03-01");
  });

  it("finds the start of a day in a zone", () => {
    expect(startOfZonedDay("2026-07-01", "America/New_York").toISOString()).toBe(
      "2026-07-01T04:00:00.000Z",
    );
    expect(startOfZonedDay("2026-01-15", "Asia/Kolkata").toISOString()).toBe(
      "2026-01-14T18:30:00.000Z",
    );
  });

  it("gives the same start again, as a fresh Date", () => {
    const first = startOfZonedDay("2026-07-02", "America/New_York");
    first.setTime(0);
    expect(startOfZonedDay("2026-07-02", "America/New_York").toISOString()).toBe(
      "2026-07-02T04:00:00.000Z",
    );
    expect(startOfZonedDay("2026-07-02", "Asia/Kolkata").toISOString()).toBe(
      "2026-07-01T18:30:00.000Z",
    );
  });

  it("gives a 23-hour day on the spring daylight-saving change", () => {
    const { start, end } = zonedDayBounds("2026-03-08T12:00:00Z", "America/New_York");
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });

  it("recognises valid and invalid zones", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
