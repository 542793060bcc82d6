import { describe, expect, it } from "vitest";
import { timeAgo } from "./relative-time.ts";

describe("timeAgo", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  it("says how long ago in the largest sensible unit", () => {
    expect(timeAgo(null, now)).toBe("never");
    expect(timeAgo("2026-06-01T11:59:50Z", now)).toBe("just now");
    expect(timeAgo("2026-06-01T11:20:00Z", now)).toBe("40 min ago");
    expect(timeAgo("2026-05-31T12:00:00Z", now)).toBe("24 h ago");
    expect(timeAgo("2026-05-28T12:00:00Z", now)).toBe("4 days ago");
  });
});
