import { describe, expect, it } from "vitest";
import { fixtureJurisdiction as j } from "../../testing/legal-fixtures.ts";
import { searchJurisdictions } from "./search-jurisdictions.ts";

const records = [
  j({ code: "XA", kind: "country", name: "Examplia" }),
  j({ code: "XA-NY", kind: "state", parent: "XA", name: "New Yorkshire" }),
  j({ code: "XA-YK", kind: "state", parent: "XA", name: "Yorkshire" }),
  j({ code: "XA-YK-SD", kind: "city", parent: "XA-YK", name: "San Dorado" }),
];

describe("searchJurisdictions", () => {
  it("finds by name, case-insensitively", () => {
    expect(searchJurisdictions(records, "EXAMPLIA").map((r) => r.code)).toEqual(["XA"]);
  });

  it("finds by code, case-insensitively, exact code first", () => {
    const codes = searchJurisdictions(records, "xa-yk").map((r) => r.code);
    expect(codes[0]).toBe("XA-YK");
    expect(codes).toContain("XA-YK-SD");
  });

  it("puts an exact name before a word match", () => {
    expect(searchJurisdictions(records, "yorkshire").map((r) => r.code)).toEqual([
      "XA-YK",
      "XA-NY",
    ]);
  });

  it("matches the start of any word in the name", () => {
    expect(searchJurisdictions(records, "dora").map((r) => r.code)).toEqual(["XA-YK-SD"]);
  });

  it("returns nothing for no match and everything, by name, for an empty query", () => {
    expect(searchJurisdictions(records, "zzz")).toEqual([]);
    expect(searchJurisdictions(records, "  ").map((r) => r.name)).toEqual([
      "Examplia",
      "New Yorkshire",
      "San Dorado",
      "Yorkshire",
    ]);
  });
});
