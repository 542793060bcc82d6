import { describe, expect, it } from "vitest";
import { backoffDelay } from "./login-throttle.ts";

describe("backoffDelay", () => {
  const backoff = { firstDelayMs: 30_000, maxDelayMs: 900_000 };

  it("lets the first `limit` failures through without a wait", () => {
    expect([0, 1, 4].map((n) => backoffDelay(n, 5, backoff))).toEqual([0, 0, 0]);
  });

  it("doubles the wait with each failure past the limit, up to the cap", () => {
    expect([5, 6, 7, 9, 10, 1000].map((n) => backoffDelay(n, 5, backoff))).toEqual([
      30_000, 60_000, 120_000, 480_000, 900_000, 900_000,
    ]);
  });
});
