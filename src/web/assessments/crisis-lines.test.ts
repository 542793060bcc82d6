import { describe, expect, it } from "vitest";
import type { CrisisResource } from "../../core/assessment/crisis-resource.ts";
import { crisisLinesFor, emergencyLine, suicideCrisisLine, telHref } from "./crisis-lines.ts";

const line = (id: string, region: string, kind: CrisisResource["kind"], phone?: string) =>
  ({
    id,
    region,
    kind,
    name: id,
    description: "d",
    sources: [{ title: "s", url: "https://example.org" }],
    verified: true,
    ...(phone ? { phone } : {}),
  }) satisfies CrisisResource;

const lines = [
  line("us-911", "US", "emergency", "911"),
  line("us-988", "US", "suicide-crisis", "988"),
  line("gb-999", "GB", "emergency", "999"),
  line("eu-112", "EU", "emergency", "112"),
];

describe("crisis lines for a person", () => {
  it("picks the lines of the person's country from a sub-national jurisdiction", () => {
    expect(crisisLinesFor("US-FL", lines).map((l) => l.id)).toEqual(["us-911", "us-988"]);
    expect(crisisLinesFor("GB", lines).map((l) => l.id)).toEqual(["gb-999"]);
  });

  it("offers every line when the place is unknown or has no lines, never none", () => {
    expect(crisisLinesFor(null, lines)).toHaveLength(4);
    expect(crisisLinesFor("TH", lines)).toHaveLength(4);
  });

  it("shows a number once when the place is unknown, though two countries share it", () => {
    const shared = [...lines, line("ca-988", "CA", "suicide-crisis", "988")];
    expect(crisisLinesFor(null, shared).map((l) => l.id)).toEqual([
      "us-911",
      "us-988",
      "gb-999",
      "eu-112",
    ]);
    expect(crisisLinesFor("CA", shared).map((l) => l.id)).toEqual(["ca-988"]);
  });

  it("gives a person in an EU member state the EU-wide lines, and nobody else", () => {
    expect(crisisLinesFor("FR", lines).map((l) => l.id)).toEqual(["eu-112"]);
    expect(crisisLinesFor("GB", lines).map((l) => l.id)).toEqual(["gb-999"]);
  });

  it("shows the verified local lines in the real data for the UK and Thailand", () => {
    expect(crisisLinesFor("GB").map((l) => l.phone)).toEqual(["999", "116-123", "111"]);
    expect(crisisLinesFor("TH").map((l) => l.phone)).toEqual(["1669", "1367"]);
    expect(crisisLinesFor("IE").map((l) => l.phone)).toEqual(["112", "116-123", "01-809-2166"]);
    // France: the EU number first, then its own suicide prevention line.
    expect(crisisLinesFor("FR").map((l) => l.phone)).toEqual(["112", "3114"]);
  });

  it("finds an emergency number in the bundled data and dials without hyphens", () => {
    expect(emergencyLine("US")?.phone).toBe("911");
    expect(telHref("1-800-222-1222")).toBe("tel:18002221222");
  });

  it("finds the suicide and crisis line for the place, with a number to call", () => {
    expect(suicideCrisisLine("US-FL")?.phone).toBe("988");
  });
});
