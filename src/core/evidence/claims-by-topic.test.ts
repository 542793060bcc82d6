import { describe, expect, it } from "vitest";
import { claimsByTopic } from "./claims-by-topic.ts";
import type { EvidenceClaim } from "./evidence-claim.ts";

function claim(id: string, topics: EvidenceClaim["topics"]): EvidenceClaim {
  return {
    id,
    topics,
    claim: `Claim ${id}`,
    verdict: "unsupported",
    explanation: "Test.",
    evidence_level: "none",
    sources: [{ title: "Test source", url: "https://example.org" }],
    as_of: "2026-01-01",
    verified: true,
  };
}

const claims = [
  claim("a", ["kratom"]),
  claim("b", ["magnesium", "withdrawal"]),
  claim("c", ["kratom", "law"]),
];

describe("claimsByTopic", () => {
  it("keeps the claims tagged with the topic, in order", () => {
    expect(claimsByTopic(claims, "kratom").map((c) => c.id)).toEqual(["a", "c"]);
    expect(claimsByTopic(claims, "withdrawal").map((c) => c.id)).toEqual(["b"]);
  });

  it("returns none for an unused topic and all without a topic", () => {
    expect(claimsByTopic(claims, "quality")).toEqual([]);
    expect(claimsByTopic(claims).map((c) => c.id)).toEqual(["a", "b", "c"]);
  });

  it("returns a new array, never the input", () => {
    expect(claimsByTopic(claims)).not.toBe(claims);
  });
});
