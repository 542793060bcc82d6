import { describe, expect, it } from "vitest";
import { checkCoa } from "../core/coa/check-coa.ts";
import { loadCoaLimits, strainNameNoteFor } from "./coa-limits.ts";

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
});
