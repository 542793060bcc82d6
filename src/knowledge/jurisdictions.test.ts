import { describe, expect, it } from "vitest";
import { resolveJurisdiction } from "../core/legal/resolve-jurisdiction.ts";
import { searchJurisdictions } from "../core/legal/search-jurisdictions.ts";
import { loadJurisdictions } from "./jurisdictions.ts";

describe("jurisdictions.json", () => {
  const records = loadJurisdictions();

  it("resolves San Diego through California to the United States, with the city's ban winning", () => {
    const r = resolveJurisdiction(records, "US-CA-SD");
    expect(r?.parents.map((p) => p.code)).toEqual(["US-CA", "US"]);
    expect(r?.effective.kratom).toBe("banned");
    expect(r?.effective.decidedBy).toBe("US-CA-SD");
  });

  it("resolves Sarasota County through Florida, keeping Florida's age and the county's ban", () => {
    const r = resolveJurisdiction(records, "US-FL-SARASOTA");
    expect(r?.parents.map((p) => p.code)).toEqual(["US-FL", "US"]);
    expect(r?.effective.kratom).toBe("banned");
    expect(r?.effective.minAge).toBe(21);
    expect(r?.effective.minAgeDecidedBy).toBe("US-FL");
  });

  it("answers the codes the issue names", () => {
    for (const code of ["US", "US-AL", "US-FL", "TH"]) {
      expect(resolveJurisdiction(records, code)?.record.code).toBe(code);
    }
    expect(resolveJurisdiction(records, "US-AL")?.effective.kratom).toBe("banned");
  });

  it("has every US state, DC and at least 30 countries, each with a source", () => {
    const states = records.filter((r) => r.kind === "state" && r.parent === "US");
    expect(states).toHaveLength(50);
    expect(records.some((r) => r.code === "US-DC")).toBe(true);
    expect(records.filter((r) => r.kind === "country").length).toBeGreaterThanOrEqual(30);
    for (const r of records) expect(r.sources.length).toBeGreaterThan(0);
  });
  it("finds real records by name and by code", () => {
    const real = records;
    expect(searchJurisdictions(real, "florida")[0]?.code).toBe("US-FL");
    expect(searchJurisdictions(real, "us-al")[0]?.code).toBe("US-AL");
    expect(searchJurisdictions(real, "san diego")[0]?.code).toBe("US-CA-SD");
    expect(searchJurisdictions(real, "th")[0]?.code).toBe("TH");
  });
});
