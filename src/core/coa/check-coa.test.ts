import { describe, expect, it } from "vitest";
import { testLimits } from "../../testing/coa-limits-fixture.ts";
import type { CertificateOfAnalysis } from "./certificate.ts";
import { checkCoa } from "./check-coa.ts";
import type { SevenOhCap } from "./coa-limits.ts";
import type { CoaFinding } from "./finding.ts";

const now = new Date("2026-11-23T12:00:00Z");

/** A clean leaf-powder certificate: everything tested, everything within limits. */
const clean: CertificateOfAnalysis = {
  mitragyninePercent: 1.4,
  sevenOhPercent: 0.02,
  totalAlkaloidsPercent: 2.1,
  heavyMetalsUgPerG: { lead: 0.05, arsenic: 0.2, cadmium: 0.05, mercury: 0.01 },
  microbial: {
    salmonella: "absent",
    eColi: "absent",
    totalAerobicCfuPerG: 5000,
    yeastMouldCfuPerG: 200,
  },
  lab: "Example Labs",
  testDate: "2026-10-01",
  lot: "A123",
};

function byCode(findings: CoaFinding[], code: string): CoaFinding {
  const f = findings.find((x) => x.code === code);
  if (f === undefined)
    throw new Error(`no finding ${code} in ${findings.map((x) => x.code).join(", ")}`);
  return f;
}

describe("checkCoa", () => {
  it("passes a certificate within every limit, and fails or leaves nothing untested", () => {
    const findings = checkCoa(testLimits, clean, { dailyGrams: 6, now });
    expect(findings.filter((f) => ["fail", "warning", "not-tested"].includes(f.status))).toEqual(
      [],
    );
    expect(byCode(findings, "coa.seven_oh.cap-2pct").status).toBe("pass");
    expect(byCode(findings, "coa.metal.lead").status).toBe("pass");
    expect(byCode(findings, "coa.microbial.salmonella").status).toBe("pass");
    for (const f of findings) expect(f.sources.length).toBeGreaterThan(0);
  });

  it("fails 7-OH far above the 2% cap of the alkaloids", () => {
    // A "7-OH product": 7-OH is most of the alkaloids.
    const findings = checkCoa(
      testLimits,
      { ...clean, mitragyninePercent: 0.5, sevenOhPercent: 18, totalAlkaloidsPercent: 20 },
      { dailyGrams: 1, now },
    );
    const cap = byCode(findings, "coa.seven_oh.cap-2pct");
    expect(cap.status).toBe("fail");
    expect(cap.details).toMatchObject({
      basis: "total-alkaloids",
      sharePercent: 90,
      capPercent: 2,
    });
    expect(byCode(findings, "coa.seven_oh.weight-cap").status).toBe("warning");
    expect(findings[0]?.status).toBe("fail");
  });

  it("fails a just-over-the-cap share and passes one exactly at the cap", () => {
    const at = checkCoa(
      testLimits,
      { ...clean, sevenOhPercent: 0.04, totalAlkaloidsPercent: 2 },
      { now },
    );
    expect(byCode(at, "coa.seven_oh.cap-2pct").status).toBe("pass");
    const over = checkCoa(
      testLimits,
      { ...clean, sevenOhPercent: 0.041, totalAlkaloidsPercent: 2 },
      { now },
    );
    expect(byCode(over, "coa.seven_oh.cap-2pct").status).toBe("fail");
  });

  it("falls back to 7-OH / (mitragynine + 7-OH) and labels it as a bound when total alkaloids are missing", () => {
    const within = checkCoa(
      testLimits,
      {
        ...clean,
        totalAlkaloidsPercent: undefined,
        mitragyninePercent: 1.5,
        sevenOhPercent: 0.015,
      },
      { now },
    );
    const f = byCode(within, "coa.seven_oh.cap-2pct");
    expect(f.status).toBe("pass");
    expect(f.details).toMatchObject({ basis: "mitragynine-plus-7oh", bound: "upper" });
    expect(f.details?.sharePercent).toBeCloseTo((0.015 / 1.515) * 100, 10);
    expect(f.message).toMatch(/Total alkaloids are not reported/);
    expect(f.message).toMatch(/at most/);

    const over = checkCoa(
      testLimits,
      { ...clean, totalAlkaloidsPercent: undefined, mitragyninePercent: 1, sevenOhPercent: 0.5 },
      { now },
    );
    // Over the cap on the bound alone proves nothing about the product: a warning, not a fail.
    expect(byCode(over, "coa.seven_oh.cap-2pct").status).toBe("warning");
  });

  it("reports 7-OH as not tested when the certificate gives no 7-OH value", () => {
    const findings = checkCoa(testLimits, { ...clean, sevenOhPercent: undefined }, { now });
    expect(byCode(findings, "coa.seven_oh.not_tested").status).toBe("not-tested");
    expect(findings.some((f) => f.code === "coa.seven_oh.cap-2pct")).toBe(false);
  });

  it("reports the share as not tested when neither total alkaloids nor mitragynine is given", () => {
    const findings = checkCoa(
      testLimits,
      { ...clean, totalAlkaloidsPercent: undefined, mitragyninePercent: undefined },
      { now },
    );
    expect(byCode(findings, "coa.seven_oh_share.not_tested").status).toBe("not-tested");
    // The cap on product weight needs only the 7-OH value.
    expect(byCode(findings, "coa.seven_oh.weight-cap").status).toBe("pass");
  });

  it("warns when the alkaloid figures do not add up", () => {
    const findings = checkCoa(testLimits, { ...clean, totalAlkaloidsPercent: 1 }, { now });
    expect(byCode(findings, "coa.alkaloids.inconsistent").status).toBe("warning");
  });

  it("fails lead whose daily exposure is over the limit, showing concentration and exposure", () => {
    // 2 µg/g × 4 g/day = 8 µg/day > 5 µg/day.
    const findings = checkCoa(
      testLimits,
      { ...clean, heavyMetalsUgPerG: { ...clean.heavyMetalsUgPerG, lead: 2 } },
      { dailyGrams: 4, now },
    );
    const lead = byCode(findings, "coa.metal.lead");
    expect(lead.status).toBe("fail");
    expect(lead.details).toMatchObject({
      ugPerG: 2,
      dailyGrams: 4,
      exposureUgPerDay: 8,
      dailyLimitUg: 5,
    });
    expect(lead.message).toContain("2 µg/g");
    expect(lead.message).toContain("8 µg/day");
    expect(byCode(findings, "coa.metal.lead.label").status).toBe("warning");
  });

  it("passes the same lead level at a daily amount that stays under the limit", () => {
    const findings = checkCoa(
      testLimits,
      { ...clean, heavyMetalsUgPerG: { ...clean.heavyMetalsUgPerG, lead: 2 } },
      { dailyGrams: 2, now },
    );
    expect(byCode(findings, "coa.metal.lead").status).toBe("pass");
  });

  it("never passes a metal without the daily amount, and says how many grams reach the limit", () => {
    const findings = checkCoa(testLimits, { ...clean, heavyMetalsUgPerG: { lead: 0.5 } }, { now });
    const lead = byCode(findings, "coa.metal.lead");
    expect(lead.status).toBe("info");
    expect(lead.details).toMatchObject({ gramsPerDayAtLimit: 10 });
    expect(byCode(findings, "coa.metal.arsenic").status).toBe("not-tested");
  });

  it("marks a missing microbial test as not tested, never pass", () => {
    const findings = checkCoa(
      testLimits,
      { ...clean, microbial: { salmonella: "absent", totalAerobicCfuPerG: 10 } },
      { dailyGrams: 5, now },
    );
    expect(byCode(findings, "coa.microbial.e-coli").status).toBe("not-tested");
    expect(byCode(findings, "coa.microbial.yeast-mould").status).toBe("not-tested");
    expect(byCode(findings, "coa.microbial.salmonella").status).toBe("pass");
  });

  it("fails Salmonella detected and a count over the limit for the product's form", () => {
    const findings = checkCoa(
      testLimits,
      {
        ...clean,
        form: "botanical-extract",
        microbial: { ...clean.microbial, salmonella: "detected", totalAerobicCfuPerG: 50000 },
      },
      { now },
    );
    expect(byCode(findings, "coa.microbial.salmonella").status).toBe("fail");
    // 50,000 CFU/g is within the leaf limit but over the extract limit.
    expect(byCode(findings, "coa.microbial.total-aerobic-count").status).toBe("fail");
  });

  it("flags a missing lot, laboratory or date, an expired certificate and a future test date", () => {
    const missing = checkCoa(
      testLimits,
      { ...clean, lot: " ", lab: undefined, testDate: undefined },
      { now },
    );
    for (const code of [
      "coa.details.lot_missing",
      "coa.details.lab_missing",
      "coa.details.test_date_missing",
    ]) {
      expect(byCode(missing, code).status).toBe("warning");
    }
    expect(missing.some((f) => f.code === "coa.details.identified")).toBe(false);

    const dated = checkCoa(
      testLimits,
      { ...clean, testDate: "2026-12-01", expiryDate: "2026-11-22" },
      { now },
    );
    expect(byCode(dated, "coa.details.test_date_future").status).toBe("warning");
    expect(byCode(dated, "coa.details.expired").status).toBe("warning");
  });

  it("sorts findings worst first", () => {
    const findings = checkCoa(
      testLimits,
      { sevenOhPercent: 5, totalAlkaloidsPercent: 10 },
      { now },
    );
    const order = ["fail", "warning", "not-tested", "info", "pass"];
    const ranks = findings.map((f) => order.indexOf(f.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe("checkCoa for a person's place", () => {
  const source = [{ title: "Test statute", url: "https://example.org/statute" }];
  const local = (id: string, extra: Partial<SevenOhCap>): SevenOhCap => ({
    id,
    basis: "mg_per_serving",
    max_mg: 1,
    exceeded_status: "fail",
    title: id,
    applies_to: `Rule ${id}`,
    advice: "Not allowed.",
    sources: source,
    as_of: "2026-01-01",
    verified: true,
    ...extra,
  });
  const limits = {
    ...testLimits,
    seven_oh_caps: [
      ...testLimits.seven_oh_caps,
      local("state-serving", { jurisdiction: "XX-AA", max_mg: 2 }),
      local("city-serving", { jurisdiction: "XX-AA-TOWN", max_mg: 1 }),
      local("other-state", { jurisdiction: "XX-BB", max_mg: 0.1 }),
      local("country-proposal", { jurisdiction: "XX", max_mg: 0.5, pending: true }),
      local("state-mitragynine", {
        jurisdiction: "XX-AA",
        alkaloid: "mitragynine",
        max_mg: 150,
      }),
    ],
  };
  const place = { codes: ["XX-AA-TOWN", "XX-AA", "XX"], name: "Town" };
  // 0.03% 7-OH × 5 g = 1.5 mg per serving; 1.6% mitragynine × 5 g = 80 mg.
  const coa: CertificateOfAnalysis = {
    ...clean,
    mitragyninePercent: 1.6,
    sevenOhPercent: 0.03,
    totalAlkaloidsPercent: 2,
    servingGrams: 5,
  };

  it("judges by the strictest cap of each kind along the chain and names it", () => {
    const findings = checkCoa(limits, coa, { now, place });
    const city = byCode(findings, "coa.seven_oh.city-serving");
    expect(city.status).toBe("fail");
    expect(city.message).toMatch(/Where you live \(Town\) this is the strictest rule of its kind/);
    expect(city.details).toMatchObject({
      rule: "Rule city-serving",
      looserRules: ["state-serving"],
    });
    // The looser state cap of the same kind is not shown as a separate verdict.
    expect(findings.some((f) => f.code === "coa.seven_oh.state-serving")).toBe(false);
    // Another state's cap does not apply here.
    expect(findings.some((f) => f.code === "coa.seven_oh.other-state")).toBe(false);
    expect(byCode(findings, "coa.seven_oh.state-mitragynine").status).toBe("pass");
    const verdict = byCode(findings, "coa.local.verdict");
    expect(verdict.status).toBe("fail");
    expect(verdict.message).toBe("Not allowed where you live (Town): over Rule city-serving.");
  });

  it("shows a pending cap as proposed, at most a warning, and never in the verdict", () => {
    const findings = checkCoa(limits, { ...coa, servingGrams: 2 }, { now, place });
    // 0.6 mg: over the 0.5 mg proposal, within the 1 mg city cap.
    const proposal = byCode(findings, "coa.seven_oh.country-proposal");
    expect(proposal.status).toBe("warning");
    expect(proposal.message).toMatch(/^Proposed, not confirmed in force:/);
    expect(byCode(findings, "coa.local.verdict").status).toBe("pass");
  });

  it("says a per-serving cap is not tested without a serving size, and the verdict too", () => {
    const { servingGrams: _, ...noServing } = coa;
    const findings = checkCoa(limits, noServing, { now, place });
    expect(byCode(findings, "coa.seven_oh.city-serving").status).toBe("not-tested");
    expect(byCode(findings, "coa.seven_oh.city-serving").message).toMatch(/serving size in grams/);
    expect(byCode(findings, "coa.local.verdict").status).toBe("not-tested");
  });
});
