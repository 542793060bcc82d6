/**
 * What a plan is about, and whether two plans are about the same thing. A person has at most one
 * active plan per substance or product: a new one for the same substance or product replaces the
 * old one.
 */

import type { PlanDefinition } from "./plan-definition.ts";

type PlanSubject = Pick<PlanDefinition, "substanceId" | "productId">;

/**
 * True when both plans name the same substance, or both name the same product. A plan for a
 * product and a plan for a bare substance without that product are different subjects, unless the
 * product plan also names the substance.
 */
export function coversSameSubject(a: PlanSubject, b: PlanSubject): boolean {
  const sameSubstance = a.substanceId !== undefined && a.substanceId === b.substanceId;
  const sameProduct = a.productId !== undefined && a.productId === b.productId;
  return sameSubstance || sameProduct;
}
