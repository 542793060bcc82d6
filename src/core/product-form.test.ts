import { describe, expect, it } from "vitest";
import { productStrengthProblem, uncountedDoseNote } from "./product-form.ts";

describe("product strength", () => {
  it("requires grams per capsule for capsules only", () => {
    expect(productStrengthProblem({ form: "capsules", gramsPerCapsule: null })?.field).toBe(
      "gramsPerCapsule",
    );
    expect(productStrengthProblem({ form: "capsules", gramsPerCapsule: 0.5 })).toBeNull();
    expect(productStrengthProblem({ form: "leaf-powder", gramsPerCapsule: null })).toBeNull();
  });

  it("says on a dose that its amount was not counted, and how to fix a product's", () => {
    const counted = { canonical: { amount: 2, unit: "g" }, unit: "capsule", productId: "p" };
    expect(uncountedDoseNote(counted)).toBeNull();
    expect(uncountedDoseNote({ canonical: null, unit: "capsule", productId: "p" })).toMatch(
      /^Not counted in your daily total or plan check.*grams per capsule on the Products page/,
    );
    expect(uncountedDoseNote({ canonical: null, unit: "ml", productId: null })).not.toMatch(
      /Products page/,
    );
  });
});
