import { describe, expect, it } from "vitest";
import { fixtureJurisdiction as j } from "../../testing/legal-fixtures.ts";
import type { Jurisdiction } from "./jurisdiction.ts";
import { resolveJurisdiction } from "./resolve-jurisdiction.ts";

const tree: Jurisdiction[] = [
  j({ code: "XA", kind: "country", kratom: "legal", seven_oh: "under-review" }),
  j({ code: "XA-RG", kind: "state", parent: "XA", kratom: "regulated", min_age: 18 }),
  j({ code: "XA-BN", kind: "state", parent: "XA", kratom: "banned", seven_oh: "banned" }),
  j({ code: "XA-RG-CTY", kind: "county", parent: "XA-RG", kratom: "unclear", min_age: 21 }),
  j({ code: "XA-RG-TOWN", kind: "city", parent: "XA-RG-CTY", kratom: "legal" }),
  j({ code: "XA-BN-TOWN", kind: "city", parent: "XA-BN", kratom: "regulated", min_age: 21 }),
  j({ code: "XA-RG-BANCITY", kind: "city", parent: "XA-RG", kratom: "banned" }),
  j({ code: "XB", kind: "country", kratom: "unclear", seven_oh: "unclear" }),
  j({ code: "XB-OK", kind: "state", parent: "XB", kratom: "legal", seven_oh: "legal" }),
  j({ code: "XC-ORPHAN", kind: "city", parent: "XC", kratom: "regulated" }),
];

describe("resolveJurisdiction", () => {
  it("returns undefined for an unknown code", () => {
    expect(resolveJurisdiction(tree, "ZZ")).toBeUndefined();
  });

  it("lists parents nearest first: city, county, state, country", () => {
    const r = resolveJurisdiction(tree, "XA-RG-TOWN");
    expect(r?.record.code).toBe("XA-RG-TOWN");
    expect(r?.parents.map((p) => p.code)).toEqual(["XA-RG-CTY", "XA-RG", "XA"]);
    expect(r?.missingParent).toBeUndefined();
  });

  it("matches the code case-insensitively", () => {
    expect(resolveJurisdiction(tree, " xa-rg-town ")?.record.code).toBe("XA-RG-TOWN");
  });

  it("lets a state's ban override a city that only regulates, and names the state", () => {
    const r = resolveJurisdiction(tree, "XA-BN-TOWN");
    expect(r?.effective.kratom).toBe("banned");
    expect(r?.effective.decidedBy).toBe("XA-BN");
    expect(r?.effective.sevenOh).toBe("banned");
    expect(r?.effective.sevenOhDecidedBy).toBe("XA-BN");
    expect(r?.effective.minAge).toBe(21);
    expect(r?.effective.minAgeDecidedBy).toBe("XA-BN-TOWN");
  });

  it("lets a city's ban override a state that regulates", () => {
    const r = resolveJurisdiction(tree, "XA-RG-BANCITY");
    expect(r?.effective.kratom).toBe("banned");
    expect(r?.effective.decidedBy).toBe("XA-RG-BANCITY");
  });

  it("prefers a known regulation over an unclear county, but reports the unclear level", () => {
    const r = resolveJurisdiction(tree, "XA-RG-TOWN");
    expect(r?.effective.kratom).toBe("regulated");
    expect(r?.effective.decidedBy).toBe("XA-RG");
    expect(r?.effective.unclearAt).toEqual(["XA-RG-CTY"]);
  });

  it("takes the highest minimum age along the chain", () => {
    const r = resolveJurisdiction(tree, "XA-RG-TOWN");
    expect(r?.effective.minAge).toBe(21);
    expect(r?.effective.minAgeDecidedBy).toBe("XA-RG-CTY");
  });

  it("never reads an unclear country as legal", () => {
    const r = resolveJurisdiction(tree, "XB-OK");
    expect(r?.effective.kratom).toBe("unclear");
    expect(r?.effective.decidedBy).toBe("XB");
    expect(r?.effective.sevenOh).toBe("unclear");
  });

  it("ranks a 7-OH review above legal", () => {
    const r = resolveJurisdiction(tree, "XA-RG");
    expect(r?.effective.sevenOh).toBe("under-review");
    expect(r?.effective.sevenOhDecidedBy).toBe("XA");
  });

  it("keeps the nearest level on a tie", () => {
    const r = resolveJurisdiction(tree, "XA");
    expect(r?.effective.decidedBy).toBe("XA");
    expect(r?.effective.minAge).toBeUndefined();
  });

  it("stops at a parent that has no record and says which", () => {
    const r = resolveJurisdiction(tree, "XC-ORPHAN");
    expect(r?.parents).toEqual([]);
    expect(r?.missingParent).toBe("XC");
    expect(r?.effective.kratom).toBe("regulated");
  });

  it("does not loop on a cycle in the data", () => {
    const cyclic = [
      j({ code: "QA-A", kind: "state", parent: "QA-B" }),
      j({ code: "QA-B", kind: "state", parent: "QA-A" }),
    ];
    expect(resolveJurisdiction(cyclic, "QA-A")?.parents.map((p) => p.code)).toEqual(["QA-B"]);
  });
});
