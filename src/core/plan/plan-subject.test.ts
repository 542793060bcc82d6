import { describe, expect, it } from "vitest";
import { coversSameSubject } from "./plan-subject.ts";

describe("coversSameSubject", () => {
  it("matches two plans for the same substance", () => {
    expect(coversSameSubject({ substanceId: "kratom-leaf" }, { substanceId: "kratom-leaf" })).toBe(
      true,
    );
  });

  it("does not match different substances", () => {
    expect(coversSameSubject({ substanceId: "kratom-leaf" }, { substanceId: "magnesium" })).toBe(
      false,
    );
  });

  it("matches two plans for the same product, with or without a substance", () => {
    expect(coversSameSubject({ productId: "p1" }, { productId: "p1", substanceId: "x" })).toBe(
      true,
    );
    expect(coversSameSubject({ productId: "p1" }, { productId: "p2" })).toBe(false);
  });

  it("never matches on two missing ids", () => {
    expect(coversSameSubject({ productId: "p1" }, { substanceId: "kratom-leaf" })).toBe(false);
    expect(coversSameSubject({}, {})).toBe(false);
  });

  it("is symmetric", () => {
    const a = { substanceId: "kratom-leaf", productId: "p1" };
    const b = { productId: "p1" };
    expect(coversSameSubject(a, b)).toBe(coversSameSubject(b, a));
  });
});
