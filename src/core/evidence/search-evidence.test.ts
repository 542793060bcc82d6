import { describe, expect, it } from "vitest";
import type { EvidenceClaim } from "./evidence-claim.ts";
import type { FirstLineCare } from "./first-line-care.ts";
import { searchClaims, searchFirstLineCare } from "./search-evidence.ts";

function claim(id: string, text: string, explanation: string): EvidenceClaim {
  return {
    id,
    topics: ["kratom"],
    claim: text,
    verdict: "false",
    explanation,
    evidence_level: "none",
    sources: [{ title: "Test source", url: "https://example.org" }],
    as_of: "2026-01-01",
    verified: true,
  };
}

const claims = [
  claim("a", "Kratom eases withdrawal", "Surveys say so; no trial."),
  claim("b", "Magnesium calms the nerves", "Kratom users often take it for withdrawal."),
  claim("c", "The FDA scheduled kratom", "It did not: the DEA withdrew its notice."),
];

const care: FirstLineCare[] = [
  {
    id: "bup",
    kind: "oud-medication",
    name: "Buprenorphine",
    summary: "A partial opioid agonist.",
    points: ["Start when withdrawal has begun."],
    how_to_get: "Ask a doctor.",
    sources: [{ title: "Test source", url: "https://example.org" }],
    as_of: "2026-01-01",
    verified: true,
  },
  {
    id: "nal",
    kind: "overdose-reversal",
    name: "Naloxone",
    summary: "Reverses an opioid overdose; works on buprenorphine less well.",
    points: [],
    how_to_get: "Pharmacies.",
    sources: [{ title: "Test source", url: "https://example.org" }],
    as_of: "2026-01-01",
    verified: true,
  },
];

describe("searchClaims", () => {
  it("needs every word, in any field, case-insensitively", () => {
    expect(searchClaims(claims, "KRATOM withdrawal").map((c) => c.id)).toEqual(["a", "b"]);
    expect(searchClaims(claims, "dea").map((c) => c.id)).toEqual(["c"]);
    expect(searchClaims(claims, "kratom zebra")).toEqual([]);
  });

  it("ranks a match in the claim's own words before one only in its explanation", () => {
    const found = searchClaims(
      [claims[1], claims[0]].filter((c) => c !== undefined),
      "withdrawal",
    );
    expect(found.map((c) => c.id)).toEqual(["a", "b"]);
  });

  it("finds nothing for an empty or punctuation-only query", () => {
    expect(searchClaims(claims, "  ")).toEqual([]);
    expect(searchClaims(claims, "?!")).toEqual([]);
  });
});

describe("searchFirstLineCare", () => {
  it("puts a name match first", () => {
    expect(searchFirstLineCare(care, "buprenorphine").map((c) => c.id)).toEqual(["bup", "nal"]);
    expect(searchFirstLineCare(care, "pharmacies").map((c) => c.id)).toEqual(["nal"]);
  });
});
