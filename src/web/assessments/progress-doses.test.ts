import { describe, expect, it } from "vitest";
import type { GovernedPlan, PlanDefinition } from "../../core/plan/index.ts";
import { type DoseSources, doseOverlay, progressDoses } from "./progress-doses.ts";

const substances: DoseSources["substances"] = [
  { id: "kratom-leaf", name: "Kratom leaf powder", pool: "kratom-leaf", canonicalUnit: "g" },
  { id: "kratom-capsules", name: "Kratom capsules", pool: "kratom-leaf", canonicalUnit: "g" },
  { id: "kratom-extract", name: "Kratom extract", pool: "kratom-extract", canonicalUnit: "mg" },
  {
    id: "magnesium-oxide",
    name: "Magnesium oxide",
    pool: "magnesium-elemental",
    canonicalUnit: "mg",
  },
];

const dose = (
  substanceId: string,
  grams: number,
  takenAt: string,
  extra: { productId?: string; pool?: string } = {},
): DoseSources["doses"][number] => ({
  substanceId,
  substanceName: substances.find((s) => s.id === substanceId)?.name ?? substanceId,
  amount: grams,
  unit: "g",
  takenAt,
  canonical: { amount: grams, unit: "g", pool: extra.pool ?? "kratom-leaf" },
  productId: extra.productId ?? null,
});

/** A plan of one version, saved when it was created. */
const taper = (
  target: Partial<PlanDefinition>,
  id = "plan-1",
  createdAt = "2026-03-01T00:00:00Z",
  endedAt: string | null = null,
): GovernedPlan => ({
  id,
  createdAt,
  endedAt,
  versions: [
    {
      version: 1,
      createdAt,
      definition: {
        kind: "taper",
        unit: "g",
        startDate: "2026-03-01",
        startAmountPerDay: 6,
        step: { kind: "amount", amount: 1 },
        stepLengthDays: 7,
        ...target,
      } as PlanDefinition,
    },
  ],
});

/** A leaf taper that ended at 12:00 UTC on 3 March: it governs up to 2 March. */
const ended = taper(
  { substanceId: "kratom-leaf" },
  "old",
  "2026-02-20T00:00:00Z",
  "2026-03-03T12:00:00Z",
);

const none: DoseSources = {
  doses: [],
  cap: null,
  substances,
  plans: [],
  products: [],
  range: { from: "2026-03-01", to: "2026-03-04" },
};

describe("progress doses from any source", () => {
  it("finds the pool of a plan set for a product from a dose of it when no products are known", () => {
    // A clinician without the products scope: the plan names only a product id.
    const plan = taper({ productId: "p-1" });
    const result = progressDoses(
      {
        ...none,
        doses: [
          dose("kratom-capsules", 2, "2026-03-02T10:00:00Z", { productId: "p-1" }),
          dose("magnesium-oxide", 0.2, "2026-03-02T11:00:00Z", { pool: "magnesium-elemental" }),
          dose("magnesium-oxide", 0.2, "2026-03-03T11:00:00Z", { pool: "magnesium-elemental" }),
        ],
        plans: [plan],
      },
      "UTC",
    );
    expect([...result.plans.keys()]).toEqual(["kratom-leaf"]);
    // The planned pool is drawn first, though magnesium was logged more often.
    expect(result.defaultPool).toBe("kratom-leaf");
    expect(result.pools.map((p) => p.pool)).toEqual(["magnesium-elemental", "kratom-leaf"]);
    const { pool, overlay } = doseOverlay(result, null);
    expect(pool).toBe("kratom-leaf");
    expect(overlay.shown).toEqual({ pool: "kratom-leaf", unit: "g", name: "kratom leaf" });
    expect(overlay.plan?.targets).toEqual(
      ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-04"].map((day) => ({ day, target: 6 })),
    );
    const picked = doseOverlay(result, "magnesium-elemental");
    expect(picked.overlay.shown?.name).toBe("elemental magnesium");
    expect(picked.overlay.plan).toBeNull();
  });

  it("offers a planned pool with no doses, in its catalog unit", () => {
    const plan = taper({ substanceId: "kratom-extract", unit: "g" });
    const result = progressDoses({ ...none, plans: [plan] }, "UTC");
    expect(result.pools).toEqual([{ pool: "kratom-extract", unit: "mg", name: "kratom extract" }]);
    expect(result.days).toEqual([]);
  });

  it("leaves out the oldest day of a full list, whatever its order, and says from when", () => {
    // Oldest first this time (the clinician's timeline is newest first, the own list too).
    const doses = [
      dose("kratom-leaf", 1, "2026-03-01T20:00:00Z"), // 01:30 on 2 March in Kolkata
      dose("kratom-leaf", 2, "2026-03-02T20:00:00Z"),
      dose("kratom-leaf", 3, "2026-03-03T10:00:00Z"),
    ];
    const full = progressDoses({ ...none, doses, cap: 3 }, "Asia/Kolkata");
    expect(full.days.map((d) => [d.day, d.totals[0]?.amount])).toEqual([["2026-03-03", 5]]);
    expect(full.completeFrom).toBe("2026-03-03");
    const room = progressDoses({ ...none, doses, cap: 4 }, "Asia/Kolkata");
    expect(room.days.map((d) => d.day)).toEqual(["2026-03-02", "2026-03-03"]);
    expect(room.completeFrom).toBeNull();
  });

  it("draws an ended plan's targets on the days it governed and offers its pool for them", () => {
    // Ended at 12:00 UTC on 3 March: it governs 1 and 2 March only.
    const result = progressDoses(
      {
        ...none,
        doses: [
          dose("magnesium-oxide", 0.2, "2026-03-02T11:00:00Z", { pool: "magnesium-elemental" }),
        ],
        plans: [ended],
      },
      "UTC",
    );
    expect(result.defaultPool).toBe("kratom-leaf");
    expect(result.pools.map((p) => p.pool)).toEqual(["magnesium-elemental", "kratom-leaf"]);
    expect(result.plans.get("kratom-leaf")?.targets).toEqual([
      { day: "2026-03-01", target: 6 },
      { day: "2026-03-02", target: 6 },
    ]);
    // Ended before the range: nothing of it is drawn or offered.
    const gone = progressDoses(
      { ...none, plans: [ended], range: { from: "2026-03-03", to: "2026-03-04" } },
      "UTC",
    );
    expect(gone.pools).toEqual([]);
    expect(gone.plans.size).toBe(0);
    expect(gone.defaultPool).toBeNull();
  });

  it("draws first the pool of an active plan over that of an ended one", () => {
    const magnesium = taper(
      {
        substanceId: "magnesium-oxide",
        unit: "mg",
        startAmountPerDay: 400,
        step: { kind: "amount", amount: 50 },
      },
      "mg",
      "2026-03-02T00:00:00Z",
    );
    const result = progressDoses({ ...none, plans: [ended, magnesium] }, "UTC");
    expect(result.defaultPool).toBe("magnesium-elemental");
    expect([...result.plans.keys()].sort()).toEqual(["kratom-leaf", "magnesium-elemental"]);
  });
});
