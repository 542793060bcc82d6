import { describe, expect, it } from "vitest";
import type { Catalog } from "../use-catalog.ts";
import { productSubject, quickSubjects, substanceSubject } from "./subject.ts";
import type { Product } from "./types.ts";

/** A kratom substance of the catalog, counted in grams of leaf. */
const leafSubstance = (
  id: string,
  name: string,
  units: string[],
): Catalog["substances"][number] => ({
  id,
  name,
  aliases: [],
  classes: [],
  units,
  routes: [],
  canonicalUnit: "g",
  pool: "kratom-leaf",
  doseReferences: [],
  timeCourses: [],
  sources: [],
});

const catalog: Catalog = {
  version: "test",
  asOf: "2026-01-01",
  substances: [
    leafSubstance("kratom-leaf", "Kratom leaf powder", ["g", "mg"]),
    leafSubstance("kratom-capsules", "Kratom capsules", ["capsule", "g", "mg"]),
  ],
  pickableClasses: [],
  conditions: [],
  productForms: [],
  routes: [],
};

const caps: Product = {
  id: "p1",
  vendor: "Acme",
  name: "Caps",
  form: "capsules",
  substanceId: "kratom-capsules",
  substanceName: "Kratom capsules",
  lot: null,
  gramsPerCapsule: 0.5,
  gramsPerServing: null,
  elementalMgPerUnit: null,
  certificate: null,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
  version: 1,
};

describe("dose subjects", () => {
  it("defaults a capsule product to capsules and a substance to its first unit", () => {
    expect(productSubject(catalog, [], caps).defaultUnit).toBe("capsule");
    expect(productSubject(catalog, [], caps).detail).toBe("0.5 g per capsule");
    expect(substanceSubject(catalog, [], "kratom-leaf").defaultUnit).toBe("g");
    expect(substanceSubject(catalog, [], "kratom-leaf", "mg").defaultUnit).toBe("mg");
    expect(substanceSubject(catalog, [], "kratom-leaf", "capsule").defaultUnit).toBe("g");
  });

  it("puts recent ones first with their last dose, then other products, without repeats", () => {
    const list = quickSubjects(
      catalog,
      [],
      [
        {
          substanceId: "kratom-leaf",
          substanceName: "Kratom leaf powder",
          productId: null,
          productName: null,
          unit: "g",
          amount: 2,
        },
        {
          substanceId: "kratom-capsules",
          substanceName: "x",
          productId: "gone",
          productName: null,
          unit: "capsule",
          amount: 4,
        },
      ],
      [caps],
    );
    expect(list.map((s) => s.key)).toEqual(["s:kratom-leaf", "p:p1"]);
    expect(list[0]?.detail).toBe("Last: 2 g");
  });
});
