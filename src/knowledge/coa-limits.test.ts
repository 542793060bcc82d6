import { describe, expect, it } from "vitest";
import { checkCoa } from "../core/coa/check-coa.ts";
import { resolveJurisdiction } from "../core/legal/resolve-jurisdiction.ts";
import { loadCoaLimits, strainNameNoteFor } from "./coa-limits.ts";
import { loadJurisdictions } from "./jurisdictions.ts";

const now = new Date("2026-11-23T12:00:00Z");

describe("coa-limits.json with checkCoa", () => {
  const limits = loadCoaLimits();

  it("holds a 2% cap of the alkaloids that fails a product far above it", () => {
    const cap = limits.seven_oh_caps.find(
      (c) => c.basis === "share_of_alkaloids" && c.max_percent === 2,
    );
    expect(cap?.exceeded_status).toBe("fail");
    const findings = checkCoa(
      limits,
      { sevenOhPercent: 15, totalAlkaloidsPercent: 16, mitragyninePercent: 1 },
      { now },
    );
    expect(findings.find((f) => f.code === `coa.seven_oh.${cap?.id}`)?.status).toBe("fail");
  });

  it("fails lead over USP's daily limit at the person's daily amount", () => {
    const lead = limits.heavy_metals.find((m) => m.element === "lead");
    expect(lead?.daily_limit_ug).toBe(5);
    const findings = checkCoa(limits, { heavyMetalsUgPerG: { lead: 1 } }, { dailyGrams: 10, now });
    expect(findings.find((f) => f.code === "coa.metal.lead")?.status).toBe("fail");
  });

  it("treats a missing microbial test as not tested", () => {
    const findings = checkCoa(limits, { microbial: { salmonella: "absent" } }, { now });
    expect(findings.find((f) => f.code === "coa.microbial.e-coli")?.status).toBe("not-tested");
    expect(findings.find((f) => f.code === "coa.microbial.salmonella")?.status).toBe("pass");
  });

  it("explains strain names in a product name", () => {
    expect(strainNameNoteFor("Green Maeng Da")?.matched).toEqual(["Maeng Da", "green"]);
    expect(strainNameNoteFor("Kratom leaf powder")).toBeUndefined();
  });

  it("names a real jurisdiction in every cap that is a place's law", () => {
    const codes = new Set(loadJurisdictions().map((j) => j.code));
    for (const cap of limits.seven_oh_caps) {
      if (cap.jurisdiction !== undefined) expect(codes.has(cap.jurisdiction), cap.id).toBe(true);
    }
  });

  it("fails, for a person in Georgia, a product under the 2% share cap but over Georgia's 1 mg per serving", () => {
    const georgia = resolveJurisdiction(loadJurisdictions(), "US-GA");
    const place = {
      codes: [georgia!.record.code, ...georgia!.parents.map((p) => p.code)],
      name: "Georgia",
    };
    // 7-OH is 1.5% of the alkaloids (under 2%) and 0.3 mg per gram (under 0.5), but a 5 g
    // serving holds 1.5 mg of 7-OH: over Georgia's 1 mg per serving.
    const coa = {
      mitragyninePercent: 1.6,
      sevenOhPercent: 0.03,
      totalAlkaloidsPercent: 2,
      servingGrams: 5,
    };
    const findings = checkCoa(limits, coa, { now, place });
    const byCode = (code: string) => findings.find((f) => f.code === code);
    expect(byCode("coa.seven_oh.kcpa-2pct-alkaloids")?.status).toBe("pass");
    expect(byCode("coa.seven_oh.georgia-7oh-per-gram")?.status).toBe("pass");
    const serving = byCode("coa.seven_oh.georgia-7oh-per-serving");
    expect(serving?.status).toBe("fail");
    expect(serving?.details).toMatchObject({ mg: 1.5, capMg: 1, appliesWhereYouLive: true });
    const verdict = byCode("coa.local.verdict");
    expect(verdict?.status).toBe("fail");
    expect(verdict?.message).toMatch(
      /Not allowed where you live \(Georgia\): over Georgia, Ga\. Code § 16-13-122\(b\)\(3\)/,
    );
    // Other states' caps do not judge a person in Georgia; the federal proposal is only proposed.
    expect(byCode("coa.seven_oh.florida-2025-7oh-dry-weight")).toBeUndefined();
    expect(byCode("coa.seven_oh.dea-2026-7oh-botanical-0050pct")?.message).toMatch(/^Proposed/);
    // The same certificate without a place has no verdict and fails Georgia's cap on its own.
    const anywhere = checkCoa(limits, coa, { now });
    expect(anywhere.some((f) => f.code === "coa.local.verdict")).toBe(false);
  });
});
