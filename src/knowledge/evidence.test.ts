import { describe, expect, it } from "vitest";
import { claimsByTopic } from "../core/evidence/claims-by-topic.ts";
import { loadEvidenceClaims } from "./evidence.ts";
import { loadFirstLineCare } from "./first-line-care.ts";

/** Every claim in shared/reference/evidence.md, with the verdict the reference gives it. */
const referenceClaims: [string, string[]][] = [
  ["The FDA classified kratom as a Schedule I substance.", ["false"]],
  ["Kratom treats hyperpigmentation.", ["false", "unsupported"]],
  ["Kratom relieves opioid withdrawal.", ["partly-supported"]],
  ["Kratom works without dependence.", ["false"]],
  ["Kratom causes less respiratory depression than traditional opioids.", ["partly-supported"]],
  ["Kratom and magnesium work in synergy.", ["unsupported"]],
  ["Magnesium takes part in over 300 enzyme reactions.", ["supported"]],
  ["Magnesium deficiency worsens withdrawal.", ["unsupported"]],
  ["Maeng Da and Bali are strains with different pain relief.", ["unsupported"]],
  ["Kratom modulates dopamine and norepinephrine.", ["partly-supported"]],
  ["Start low and titrate slowly under medical supervision.", ["supported"]],
  ["Choose high-quality, standardized products.", ["supported"]],
  ["Kratom's legal status varies by jurisdiction.", ["supported"]],
];

describe("evidence.json", () => {
  const claims = loadEvidenceClaims();

  it.each(referenceClaims)("has %s with the reference's verdict and a source", (text, verdicts) => {
    const found = claims.find((c) => c.claim === text);
    expect(found, text).toBeDefined();
    expect(verdicts).toContain(found?.verdict);
    expect(found?.sources.length).toBeGreaterThan(0);
    for (const s of found?.sources ?? []) expect(s.url ?? s.doi).toBeTruthy();
  });

  it("tags magnesium claims so the Learn page can filter them", () => {
    const ids = claimsByTopic(claims, "magnesium").map((c) => c.id);
    expect(ids).toContain("kratom-magnesium-synergy");
    expect(ids).not.toContain("fda-scheduled-kratom");
  });
});

describe("first-line-care.json", () => {
  it("covers the medications, naloxone and where to find care, each with a source", () => {
    const care = loadFirstLineCare();
    for (const id of [
      "buprenorphine",
      "methadone",
      "naltrexone",
      "lofexidine",
      "clonidine",
      "naloxone",
      "find-care",
    ]) {
      const item = care.find((c) => c.id === id);
      expect(item, id).toBeDefined();
      expect(item?.sources.length).toBeGreaterThan(0);
    }
  });
});
