import { describe, expect, it } from "vitest";
import type { Jurisdiction } from "../core/legal/jurisdiction.ts";
import { resolveJurisdiction } from "../core/legal/resolve-jurisdiction.ts";
import { loadCoaLimits } from "./coa-limits.ts";
import { loadJurisdictions } from "./jurisdictions.ts";

/** The law as it stands in December 2026 (issue 13): one test per jurisdiction that changed. */
describe("jurisdictions.json, December 2026", () => {
  const records = loadJurisdictions();
  const record = (code: string): Jurisdiction => {
    const r = records.find((j) => j.code === code);
    if (r === undefined) throw new Error(`no record ${code}`);
    return r;
  };
  const cites = (j: Jurisdiction, fragment: string) =>
    j.sources.some((s) => s.url?.includes(fragment) === true);

  it("GB: supply is an offence, personal possession is not, so restricted and not banned", () => {
    const gb = record("GB");
    expect(gb.kratom).toBe("restricted");
    expect(gb.seven_oh).toBe("restricted");
    expect(gb.effective_date).toBe("2016-05-26");
    expect(gb.summary).toMatch(/possessing it for your own use is not/);
    expect(cites(gb, "release.org.uk")).toBe(true);
    expect(gb.reviewed?.on).toBe("2026-12-02");
  });

  it("US-GA: 21 and over since 1 Jan 2025, with 7-OH restricted by its caps", () => {
    const ga = record("US-GA");
    expect([ga.kratom, ga.seven_oh, ga.min_age, ga.effective_date]).toEqual([
      "regulated",
      "restricted",
      21,
      "2025-01-01",
    ]);
    expect(ga.summary).toMatch(/0\.5 mg of 7-OH per gram, 1 mg of 7-OH per serving or 150 mg/);
    expect(cites(ga, "section-16-13-122")).toBe(true);
    // The state's caps decide 7-OH there, not the unsettled federal status.
    const r = resolveJurisdiction(records, "US-GA");
    expect(r?.effective.sevenOh).toBe("restricted");
    expect(r?.effective.sevenOhDecidedBy).toBe("US-GA");
  });

  it("US-MS: HB 1077 in force 1 Jul 2025, regulated for 21 and over", () => {
    const ms = record("US-MS");
    expect([ms.kratom, ms.seven_oh, ms.min_age, ms.effective_date]).toEqual([
      "regulated",
      "restricted",
      21,
      "2025-07-01",
    ]);
    expect(ms.summary).toMatch(/1% of its alkaloids and at most 0\.5 mg per container/);
    expect(cites(ms, "hb1077")).toBe(true);
  });

  it("US-RI: licensed sale from 1 Apr 2026 under chapter 21-28.12, citing § 21-28.12-3", () => {
    const ri = record("US-RI");
    expect([ri.kratom, ri.seven_oh, ri.min_age, ri.effective_date]).toEqual([
      "regulated",
      "restricted",
      21,
      "2026-04-01",
    ]);
    expect(cites(ri, "21-28.12-3.htm")).toBe(true);
    expect(ri.summary).toMatch(
      /150 mg of mitragynine per serving, more than 0\.5 mg of 7-OH per gram/,
    );
    // The (a)(10) caps, read in full in a copy of the statute, are the state's own COA caps.
    const caps = loadCoaLimits()
      .seven_oh_caps.filter((c) => c.jurisdiction === "US-RI")
      .map((c) => [c.alkaloid ?? "7-oh", c.basis, c.max_mg]);
    expect(caps).toEqual([
      ["7-oh", "mg_per_gram", 0.5],
      ["7-oh", "mg_per_serving", 1],
      ["mitragynine", "mg_per_serving", 150],
    ]);
  });

  it("US-TX: § 444.003 caps 7-OH at 2% of the alkaloids, so 7-OH is restricted", () => {
    const tx = record("US-TX");
    expect(tx.kratom).toBe("regulated");
    expect(tx.seven_oh).toBe("restricted");
    expect(tx.sources[0]?.title).toMatch(/444\.003/);
  });

  it("US-TN: natural kratom legal for 21 and over, synthetics prohibited; not a banning state", () => {
    const tn = record("US-TN");
    expect(tn.kratom).toBe("regulated");
    expect(tn.kratom).not.toBe("banned");
    expect(tn.min_age).toBe(21);
    expect(tn.summary).toMatch(/prohibits synthetic/);
    expect(tn.verified).toBe(false); // the statute itself was not read: the note says so
    expect(tn.note).toMatch(/39-17-452/);
    // The 2026 bill to criminalise all kratom is pending beside the status, never merged into it.
    const davenport = tn.pending?.find((p) => p.title.includes("HB 1649"));
    expect(davenport?.would_set?.kratom).toBe("banned");
    expect(davenport?.verified).toBe(false);
    expect(resolveJurisdiction(records, "US-TN")?.effective.kratom).toBe("regulated");
  });

  it("US-OH: the 12 Dec 2025 emergency rule and the proposed mitragynine rule are pending, not merged", () => {
    const oh = record("US-OH");
    expect(oh.kratom).toBe("unclear");
    expect(oh.seven_oh).toBe("unclear");
    const emergency = oh.pending?.find((p) => p.kind === "emergency-rule");
    expect(emergency?.dated).toBe("2025-12-12");
    expect(emergency?.expires).toBe("2026-06-10");
    const proposed = oh.pending?.find((p) => p.kind === "proposed-rule");
    expect(proposed?.would_set?.kratom).toBe("banned");
    // A proposal never decides the status in force.
    expect(resolveJurisdiction(records, "US-OH")?.effective.kratom).toBe("unclear");
  });

  it("US-FL: 7-OH banned by the emergency rule superseded on 8 Dec 2025; HB 309 only pending", () => {
    const fl = record("US-FL");
    expect(fl.seven_oh).toBe("banned");
    expect(fl.min_age).toBe(21);
    expect(fl.as_of).toBe("2025-12-18");
    expect(cites(fl, "wfsu.org")).toBe(true);
    const bill = fl.pending?.find((p) => p.title.includes("HB 309"));
    expect(bill?.kind).toBe("bill");
    expect(bill?.verified).toBe(false);
  });

  it("US-CA: CDPH treats kratom and 7-OH as unlawful to sell; AB 1088 pending beside it", () => {
    const ca = record("US-CA");
    expect(ca.kratom).toBe("restricted");
    expect(ca.seven_oh).toBe("restricted");
    expect(ca.sources[0]?.title).toMatch(/CDPH/);
    const ab = ca.pending?.find((p) => p.title.includes("AB 1088"));
    expect(ab?.would_set?.kratom).toBe("regulated");
    // The bill would relax the status; it must not leak into what applies today.
    expect(resolveJurisdiction(records, "US-CA")?.effective.kratom).toBe("restricted");
  });

  it("US: the DEA's 7-OH notices of intent of 1 Jul 2026 are pending; the order is unconfirmed", () => {
    const us = record("US");
    expect(us.kratom).toBe("legal");
    expect(us.seven_oh).toBe("unclear");
    const notices = us.pending?.filter((p) => p.kind === "notice-of-intent") ?? [];
    expect(notices).toHaveLength(2);
    expect(notices.every((n) => n.dated === "2026-07-01")).toBe(true);
    expect(notices[0]?.summary).toMatch(/0\.050%.*1\.00 mg/);
    expect(notices[0]?.would_set?.seven_oh).toBe("banned");
    expect(us.note).toMatch(/not in the Federal Register/);
  });

  it("CZ: added, regulated for adults since 12 Nov 2025", () => {
    const cz = record("CZ");
    expect([cz.kind, cz.kratom, cz.min_age, cz.effective_date]).toEqual([
      "country",
      "regulated",
      18,
      "2025-11-12",
    ]);
  });

  it("the thirteen European records on one undated overview are unclear, not banned", () => {
    for (const code of [
      "BE",
      "BG",
      "HR",
      "CY",
      "EE",
      "IS",
      "LU",
      "MD",
      "RS",
      "SK",
      "CH",
      "TR",
      "UA",
    ]) {
      const j = record(code);
      expect(j.kratom, code).toBe("unclear");
      expect(j.note, code).toMatch(/one undated secondary overview/);
    }
  });
});
