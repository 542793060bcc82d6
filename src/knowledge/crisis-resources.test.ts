import { describe, expect, it } from "vitest";
import { crisisResourcesFileSchema } from "./crisis-resources.schema.ts";
import { loadCrisisResources } from "./crisis-resources.ts";
import data from "./data/crisis-resources.json" with { type: "json" };
import { knowledgeFiles } from "./registry.ts";

describe("crisis-resources.json", () => {
  it("is registered with its schema and passes it", () => {
    const entry = knowledgeFiles.find((f) => f.file === "crisis-resources.json");
    expect(entry?.schema).toBe(crisisResourcesFileSchema);
    expect(entry?.schema.safeParse(data).success).toBe(true);
  });

  it("loads once, frozen", () => {
    const first = loadCrisisResources();
    expect(loadCrisisResources()).toBe(first);
    expect(Object.isFrozen(first[0])).toBe(true);
  });

  it("holds the US help lines from the clinical reference", () => {
    const us = loadCrisisResources().filter((r) => r.region === "US");
    const byKind = Object.fromEntries(us.map((r) => [r.kind, r]));
    expect(byKind.emergency?.phone).toBe("911");
    expect(byKind["suicide-crisis"]).toMatchObject({ phone: "988", text: "988" });
    expect(byKind.poison?.phone).toBe("1-800-222-1222");
    expect(byKind["treatment-referral"]?.phone).toBe("1-800-662-4357");
    expect(byKind["treatment-locator"]?.url).toBe("https://findtreatment.gov/");
  });

  it("holds the emergency numbers elsewhere", () => {
    const emergency = loadCrisisResources()
      .filter((r) => r.kind === "emergency")
      .map((r) => [r.region, r.phone]);
    expect(emergency).toEqual([
      ["US", "911"],
      ["EU", "112"],
      ["GB", "999"],
      ["CA", "911"],
      ["AU", "000"],
      ["NZ", "111"],
      ["TH", "1669"],
    ]);
  });

  it("holds the crisis lines outside the US, each checked against an official page", () => {
    const lines = loadCrisisResources();
    const crisis = (region: string) =>
      lines.filter((r) => r.region === region && r.kind === "suicide-crisis").map((r) => r.phone);
    expect(crisis("GB")).toEqual(["116-123"]);
    expect(crisis("IE")).toEqual(["116-123"]);
    expect(crisis("CA")).toEqual(["988"]);
    expect(crisis("AU")).toEqual(["13-11-14"]);
    expect(crisis("NZ")).toEqual(["1737"]);
    expect(crisis("FR")).toEqual(["3114"]);
    expect(crisis("NL")).toEqual(["113"]);
    expect(lines.find((r) => r.id === "gb-nhs-111")?.kind).toBe("urgent-advice");
    // Canada's 988 texts as well as calls, like the US line.
    expect(lines.find((r) => r.id === "ca-988")).toMatchObject({ text: "988", verified: true });
    for (const r of lines.filter((l) => l.region !== "US")) {
      expect(r.verified, r.id).toBe(true);
      expect(r.reviewed?.on, r.id).toBe("2026-12-02");
    }
  });

  it("holds the poison lines outside the US, each from the centre's or a health service's page", () => {
    const poison = loadCrisisResources()
      .filter((r) => r.kind === "poison")
      .map((r) => [r.region, r.phone]);
    expect(poison).toEqual([
      ["US", "1-800-222-1222"],
      ["IE", "01-809-2166"],
      ["AU", "13-11-26"],
      ["NZ", "0800-764-766"],
      ["TH", "1367"],
      ["SE", "010-456-67-00"],
      ["FI", "0800-147-111"],
      ["DK", "82-12-12-12"],
      ["BE", "070-245-245"],
    ]);
    // Ireland's public line is not 24/7: its hours must be shown, not implied.
    const ie = loadCrisisResources().find((r) => r.id === "ie-poisons-public");
    expect(ie?.hours).toBe("8am to 10pm every day");
  });

  it("gives every line a checkable source", () => {
    for (const r of loadCrisisResources()) {
      expect(r.sources.length).toBeGreaterThan(0);
      for (const s of r.sources) expect(s.url ?? s.doi).toBeTruthy();
    }
  });

  it("refuses a line with no way to reach it, a bad number, or a duplicate id", () => {
    const noContact = structuredClone(data);
    const first = noContact.resources[0] as Record<string, unknown>;
    delete first.phone;
    expect(crisisResourcesFileSchema.safeParse(noContact).success).toBe(false);

    const badNumber = structuredClone(data);
    Object.assign(badNumber.resources[0] ?? {}, { phone: "call 911" });
    expect(crisisResourcesFileSchema.safeParse(badNumber).success).toBe(false);

    const duplicate = structuredClone(data);
    Object.assign(duplicate.resources[1] ?? {}, { id: "us-emergency" });
    expect(crisisResourcesFileSchema.safeParse(duplicate).success).toBe(false);
  });
});
