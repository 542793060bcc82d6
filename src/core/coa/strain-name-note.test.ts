import { describe, expect, it } from "vitest";
import { testLimits } from "../../testing/coa-limits-fixture.ts";
import { strainNameNote } from "./strain-name-note.ts";

const note = testLimits.marketing_names;

describe("strainNameNote", () => {
  it("returns the note when a product name contains a strain name, case-insensitively", () => {
    const r = strainNameNote(note, "Premium MAENG DA capsules");
    expect(r?.matched).toEqual(["Maeng Da"]);
    expect(r?.message).toBe("Trade names.");
    expect(r?.sources.length).toBeGreaterThan(0);
  });

  it("lists a longer phrase once rather than also its words", () => {
    expect(strainNameNote(note, "Red Vein Bali")?.matched).toEqual(["Bali", "red vein"]);
    expect(strainNameNote(note, "red-vein powder")?.matched).toEqual(["red vein"]);
  });

  it("matches whole words only", () => {
    expect(strainNameNote(note, "Balinese blend")).toBeUndefined();
    expect(strainNameNote(note, "Redwood leaf")).toBeUndefined();
    expect(strainNameNote(note, "Plain leaf powder")).toBeUndefined();
  });
});
