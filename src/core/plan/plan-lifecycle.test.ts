import { describe, expect, it } from "vitest";
import { amountTaper, percentTaper, titration } from "../../testing/plan-fixtures.ts";
import type { PlanDefinition } from "./plan-definition.ts";
import {
  clinicianMayChangePlans,
  clinicianMayReadPlans,
  decideRevision,
  endingChangesPlan,
  FIRST_PLAN_VERSION,
  type LifecyclePlan,
  planEnding,
  planReadIsAudited,
  plansReplacedBy,
} from "./plan-lifecycle.ts";

const plan = (
  id: string,
  definition: PlanDefinition,
  status: LifecyclePlan["status"] = "active",
  version = 1,
): LifecyclePlan => ({ id, status, current: { version, definition } });

describe("who may act on a person's plans", () => {
  it("lets a clinician read with the doses scope or the permission to set plans", () => {
    expect(clinicianMayReadPlans({ maySetPlans: false, sharesDoses: true })).toBe(true);
    expect(clinicianMayReadPlans({ maySetPlans: true, sharesDoses: false })).toBe(true);
    expect(clinicianMayReadPlans({ maySetPlans: false, sharesDoses: false })).toBe(false);
  });

  it("lets a clinician change plans only with the permission to set them", () => {
    expect(clinicianMayChangePlans({ maySetPlans: true, sharesDoses: false })).toBe(true);
    expect(clinicianMayChangePlans({ maySetPlans: false, sharesDoses: true })).toBe(false);
  });

  it("audits a read by anyone but the person", () => {
    expect(planReadIsAudited({ actorUserId: "c", subjectUserId: "p" })).toBe(true);
    expect(planReadIsAudited({ actorUserId: "p", subjectUserId: "p" })).toBe(false);
  });
});

describe("versions", () => {
  it("starts a plan at version 1 with no changed field", () => {
    expect(FIRST_PLAN_VERSION).toEqual({ version: 1, changedFields: [] });
  });

  it("adds the next version with the fields that changed", () => {
    const next = { ...amountTaper, stepLengthDays: 10 };
    expect(decideRevision(plan("a", amountTaper, "active", 3), next)).toEqual({
      outcome: "revised",
      version: 4,
      changedFields: ["stepLengthDays"],
    });
  });

  it("adds nothing for the same definition again", () => {
    expect(decideRevision(plan("a", amountTaper), { ...amountTaper })).toEqual({
      outcome: "unchanged",
    });
  });

  it("never revises an ended plan, even with a change", () => {
    expect(decideRevision(plan("a", amountTaper, "ended"), percentTaper)).toEqual({
      outcome: "ended",
    });
  });
});

describe("one active plan per substance or product", () => {
  const plans = [
    plan("kratom", amountTaper),
    plan("kratom-ended", percentTaper, "ended"),
    plan("magnesium", titration),
  ];

  it("replaces the other active plans for the same substance, not itself or ended ones", () => {
    expect(plansReplacedBy("new", percentTaper, plans)).toEqual(["kratom"]);
    expect(plansReplacedBy("kratom", percentTaper, plans)).toEqual([]);
  });

  it("replaces nothing for another substance", () => {
    expect(plansReplacedBy("new", { ...percentTaper, substanceId: "other" }, plans)).toEqual([]);
  });

  it("replaces a product plan by a plan for the same product", () => {
    const product = { ...amountTaper, substanceId: undefined, productId: "p1" };
    const withProduct = [...plans, plan("product", product)];
    expect(plansReplacedBy("new", { ...titration, productId: "p1" }, withProduct)).toEqual([
      "magnesium",
      "product",
    ]);
  });
});

describe("ending", () => {
  it("changes only an active plan", () => {
    expect(endingChangesPlan({ status: "active" })).toBe(true);
    expect(endingChangesPlan({ status: "ended" })).toBe(false);
  });

  it("records who ended it, when, and whether a plan replaced it", () => {
    const at = new Date("2026-06-01T15:00:00.000Z");
    expect(planEnding("u1", at)).toEqual({
      status: "ended",
      endedAt: "2026-06-01T15:00:00.000Z",
      endedBy: "u1",
      endReason: "ended",
      replacedBy: null,
    });
    expect(planEnding("u1", at, "p2")).toMatchObject({ endReason: "replaced", replacedBy: "p2" });
  });
});
