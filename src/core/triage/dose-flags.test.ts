import { describe, expect, it } from "vitest";
import type { Severity, Warning } from "../warning.ts";
import { doseFlags } from "./dose-flags.ts";

const w = (code: string, severity: Severity = "caution"): Warning => ({
  code,
  severity,
  title: code,
  message: code,
  action: code,
  sources: [],
});

describe("doseFlags", () => {
  it("counts doses over plan by the plan codes, not 'too soon'", () => {
    const flags = doseFlags([
      [w("plan.over-max-per-dose"), w("plan.over-max-per-day")],
      [w("plan.over-target")],
      [w("plan.too-soon")],
      [],
    ]);
    expect(flags).toEqual({ overPlan: 2, combinations: 0, worst: null });
  });

  it("counts doses with an interaction at 'unsafe' or worse and keeps the worst", () => {
    const flags = doseFlags([
      [w("interaction.a.b", "caution")],
      [w("interaction.a.c", "unsafe")],
      [w("interaction.a.d", "dangerous"), w("interaction.a.e", "unsafe")],
      [w("sign.x", "urgent")],
    ]);
    expect(flags).toEqual({ overPlan: 0, combinations: 2, worst: "dangerous" });
  });
});
