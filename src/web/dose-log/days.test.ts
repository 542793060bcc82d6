import { describe, expect, it } from "vitest";
import { dayRange, dayTotals, groupByDay, previousDay } from "./days.ts";
import type { IngestionView } from "./types.ts";

const dose = (over: Partial<IngestionView>): IngestionView => ({
  id: crypto.randomUUID(),
  substanceId: "kratom-leaf",
  substanceName: "Kratom leaf powder",
  custom: false,
  productId: null,
  productName: null,
  amount: 2,
  unit: "g",
  route: null,
  takenAt: "2026-03-01T10:00:00Z",
  notes: null,
  canonical: { amount: 2, unit: "g", pool: "kratom-leaf" },
  createdAt: "2026-03-01T10:00:00Z",
  updatedAt: "2026-03-01T10:00:00Z",
  deletedAt: null,
  version: 1,
  ...over,
});

describe("dose history days", () => {
  it("steps back across month and year ends", () => {
    expect(previousDay("2026-03-01")).toBe("2026-02-28");
    expect(previousDay("2026-01-01")).toBe("2025-12-31");
  });

  it("bounds a day in the person's zone, 23 hours on a spring-forward day", () => {
    const { from, to } = dayRange("2026-03-08", "America/New_York");
    expect(from).toBe("2026-03-08T05:00:00.000Z");
    expect(Date.parse(to) - Date.parse(from)).toBe(23 * 3_600_000);
  });

  it("groups by the day in the zone, not in UTC", () => {
    const late = dose({ takenAt: "2026-03-02T03:00:00Z" });
    const groups = groupByDay([late, dose({})], "America/Chicago");
    expect(groups.map((g) => [g.day, g.doses.length])).toEqual([["2026-03-01", 2]]);
    expect(groupByDay([late], "UTC")[0]?.day).toBe("2026-03-02");
  });

  it("adds leaf powder and capsules as grams of leaf, and keeps other units apart", () => {
    const totals = dayTotals([
      dose({}),
      dose({
        substanceId: "kratom-capsules",
        substanceName: "Kratom capsules",
        amount: 4,
        unit: "capsule",
        canonical: { amount: 2, unit: "g", pool: "kratom-leaf" },
      }),
      dose({
        substanceId: "alcohol",
        substanceName: "Alcohol",
        amount: 1,
        unit: "drink",
        canonical: null,
      }),
    ]);
    expect(totals).toEqual([
      {
        key: "pool:kratom-leaf",
        name: "Kratom leaf powder + Kratom capsules",
        amount: 4,
        unit: "g",
      },
      { key: "as-logged:alcohol:drink", name: "Alcohol", amount: 1, unit: "drink" },
    ]);
  });
});
