import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ConvertibleSubstance, checkUnit, convertMass, toCanonicalAmount } from "./units.ts";

const leaf: ConvertibleSubstance = {
  id: "kratom-leaf",
  units: ["g", "mg", "capsule"],
  canonical: { unit: "g", pool: "kratom-leaf" },
};
const oxide: ConvertibleSubstance = {
  id: "magnesium-oxide",
  units: ["g", "mg", "tablet"],
  canonical: { unit: "mg", pool: "magnesium-elemental" },
  elementalFraction: { value: 0.6 },
};
const alcohol: ConvertibleSubstance = {
  id: "alcohol",
  units: ["drink"],
  canonical: { unit: "drink" },
};

describe("mass conversion", () => {
  it("converts between g, mg and mcg and refuses other units", () => {
    expect(convertMass(1.5, "g", "mg")).toBe(1500);
    expect(convertMass(250, "mcg", "mg")).toBe(0.25);
    expect(convertMass(1, "capsule", "g")).toBeNull();
  });

  it("round-trips any amount", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x) => {
        const back = convertMass(convertMass(x, "g", "mcg") as number, "mcg", "g") as number;
        expect(back).toBeCloseTo(x, 6);
      }),
    );
  });
});

describe("toCanonicalAmount", () => {
  it("turns milligrams of leaf into grams in the leaf pool", () => {
    expect(toCanonicalAmount(leaf, 2500, "mg")).toEqual({
      ok: true,
      value: { amount: 2.5, unit: "g", pool: "kratom-leaf" },
    });
  });

  it("turns capsules into grams through the product's grams per capsule", () => {
    const r = toCanonicalAmount(leaf, 6, "capsule", { gramsPerUnit: 0.5 });
    expect(r.ok && r.value.amount).toBe(3);
  });

  it("refuses capsules without grams per capsule, naming the field it needs", () => {
    const r = toCanonicalAmount(leaf, 6, "capsule");
    expect(r).toMatchObject({
      ok: false,
      error: { code: "product-info-missing", unit: "capsule", needs: "gramsPerUnit" },
    });
  });

  it("turns grams of a magnesium salt into milligrams of elemental magnesium", () => {
    const r = toCanonicalAmount(oxide, 0.4, "g");
    expect(r.ok && r.value.amount).toBeCloseTo(240, 9);
  });

  it("uses the label's elemental amount per tablet over the salt's share", () => {
    const r = toCanonicalAmount(oxide, 2, "tablet", { elementalMgPerUnit: 250, gramsPerUnit: 1 });
    expect(r.ok && r.value.amount).toBe(500);
  });

  it("converts tablets through the salt mass when only that is known", () => {
    const r = toCanonicalAmount(oxide, 1, "tablet", { gramsPerUnit: 0.5 });
    expect(r.ok && r.value.amount).toBeCloseTo(300, 9);
  });

  it("passes through an amount already in the canonical unit", () => {
    expect(toCanonicalAmount(alcohol, 2, "drink")).toMatchObject({
      ok: true,
      value: { amount: 2, unit: "drink" },
    });
  });

  it("rejects a unit that does not fit the substance, naming the unit and the allowed ones", () => {
    const r = toCanonicalAmount(alcohol, 330, "ml");
    expect(r).toMatchObject({
      ok: false,
      error: { code: "unit-not-allowed", unit: "ml", allowed: ["drink"] },
    });
    expect(checkUnit(leaf, "tablet")?.code).toBe("unit-not-allowed");
    expect(checkUnit(leaf, "handful")).toMatchObject({ code: "unknown-unit", unit: "handful" });
    expect(checkUnit(leaf, "g")).toBeNull();
  });

  it("rejects amounts that are not positive and finite", () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(toCanonicalAmount(leaf, bad, "g")).toMatchObject({
        ok: false,
        error: { code: "invalid-amount" },
      });
    }
  });

  it("never throws and always answers ok or a typed error", () => {
    fc.assert(
      fc.property(
        fc.double(),
        fc.string(),
        fc.option(fc.record({ gramsPerUnit: fc.double() })),
        (amount, unit, product) => {
          const r = toCanonicalAmount(leaf, amount, unit, product ?? undefined);
          if (r.ok) expect(Number.isFinite(r.value.amount) && r.value.amount > 0).toBe(true);
          else expect(r.error.unit).toBe(unit);
        },
      ),
    );
  });
});
