import { describe, expect, it } from "vitest";
import {
  ceilToGrid,
  DEFAULT_ROUNDING_BY_UNIT,
  defaultRoundingStep,
  FALLBACK_ROUNDING_STEP,
  floorToGrid,
  roundingStepOf,
  roundToGrid,
} from "./rounding.ts";

describe("rounding grid", () => {
  it("picks the unit's default, case-insensitively, and a fallback for unknown units", () => {
    expect(defaultRoundingStep("g")).toBe(DEFAULT_ROUNDING_BY_UNIT.g);
    expect(defaultRoundingStep(" G ")).toBe(DEFAULT_ROUNDING_BY_UNIT.g);
    expect(defaultRoundingStep("scoop")).toBe(FALLBACK_ROUNDING_STEP);
  });

  it("lets a plan override the default with roundTo", () => {
    expect(roundingStepOf({ unit: "g", roundTo: 0.1 })).toBe(0.1);
    expect(roundingStepOf({ unit: "g" })).toBe(DEFAULT_ROUNDING_BY_UNIT.g);
  });

  it("snaps to grid points without floating-point dust", () => {
    expect(roundToGrid(3.4516, 0.05)).toBe(3.45);
    expect(roundToGrid(3.6, 0.05)).toBe(3.6); // 72 × 0.05 would print 3.6000000000000005
    expect(roundToGrid(0.07, 0.05)).toBe(0.05);
    expect(roundToGrid(0.08, 0.05)).toBe(0.1);
    expect(floorToGrid(3.49, 0.05)).toBe(3.45);
    expect(floorToGrid(3.45, 0.05)).toBe(3.45);
    expect(ceilToGrid(3.41, 0.05)).toBe(3.45);
    expect(ceilToGrid(3.45, 0.05)).toBe(3.45);
    expect(roundToGrid(149.6, 1)).toBe(150);
  });
});
