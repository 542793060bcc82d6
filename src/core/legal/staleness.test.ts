import { describe, expect, it } from "vitest";
import { isStale } from "./staleness.ts";

describe("isStale", () => {
  it("is fresh the day before twelve months have passed and stale on the day", () => {
    expect(isStale("2025-11-23", new Date("2026-11-22T23:59:59Z"))).toBe(false);
    expect(isStale("2025-11-23", new Date("2026-11-23T00:00:00Z"))).toBe(true);
  });

  it("honours a custom number of months", () => {
    expect(isStale("2026-01-15", new Date("2026-04-14T12:00:00Z"), 3)).toBe(false);
    expect(isStale("2026-01-15", new Date("2026-04-15T00:00:00Z"), 3)).toBe(true);
  });

  it("clamps a day that the target month lacks to its last day", () => {
    expect(isStale("2026-01-31", new Date("2026-02-27T00:00:00Z"), 1)).toBe(false);
    expect(isStale("2026-01-31", new Date("2026-02-28T00:00:00Z"), 1)).toBe(true);
  });

  it("is never stale for a date in the future", () => {
    expect(isStale("2027-01-01", new Date("2026-06-01T00:00:00Z"))).toBe(false);
  });

  it("refuses a malformed date", () => {
    expect(() => isStale("23/11/2025", new Date())).toThrow(RangeError);
  });
});
