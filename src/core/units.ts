/**
 * Units a person logs amounts in, and conversion of an amount of a substance to the one unit its
 * totals are kept in (its canonical unit): capsules to grams of leaf through the product's grams
 * per capsule, grams of a magnesium salt to milligrams of elemental magnesium through the salt's
 * elemental share. Pure: no I/O. A unit that does not fit a substance is refused with a typed
 * error naming the unit, never guessed.
 */

export const MASS_UNITS = ["mcg", "mg", "g"] as const;
export type MassUnit = (typeof MASS_UNITS)[number];

/** Units counted in pieces or servings; converting them needs what one piece holds. */
export const COUNT_UNITS = [
  "capsule",
  "tablet",
  "film",
  "serving",
  "drop",
  "spray",
  "patch",
  "drink",
  "cup",
] as const;
export type CountUnit = (typeof COUNT_UNITS)[number];

export const VOLUME_UNITS = ["ml"] as const;
export type VolumeUnit = (typeof VOLUME_UNITS)[number];

export const UNITS = [...MASS_UNITS, ...VOLUME_UNITS, ...COUNT_UNITS] as const;
export type Unit = (typeof UNITS)[number];

const MG_PER: Record<MassUnit, number> = { mcg: 0.001, mg: 1, g: 1000 };

export function isUnit(value: string): value is Unit {
  return (UNITS as readonly string[]).includes(value);
}

export function isMassUnit(unit: string): unit is MassUnit {
  return unit === "g" || unit === "mg" || unit === "mcg";
}

/**
 * Convert between mass units; null when either unit is not a mass unit. Shaped like the plan
 * module's `UnitConverter`, so it can be passed to `adherence`.
 */
export function convertMass(amount: number, from: string, to: string): number | null {
  if (from === to) return amount;
  if (!isMassUnit(from) || !isMassUnit(to)) return null;
  return (amount * MG_PER[from]) / MG_PER[to];
}

/**
 * What a product says about one piece or serving. `gramsPerUnit` is the mass of substance in one
 * capsule, tablet, serving or millilitre (for kratom capsules: grams of leaf per capsule);
 * `elementalMgPerUnit` is a magnesium label's elemental magnesium per piece or serving.
 */
export interface ProductInfo {
  gramsPerUnit?: number;
  elementalMgPerUnit?: number;
}

/** What unit conversion needs to know about a substance (a part of `SubstanceDefinition`). */
export interface ConvertibleSubstance {
  id: string;
  /** Units a person may log this substance in. */
  units: readonly Unit[];
  /** The unit its totals are kept in, and the pool its amounts are added to. */
  canonical: { unit: Unit; pool?: string };
  /**
   * Share of the logged mass that counts (0-1), e.g. elemental magnesium in a magnesium salt.
   * When set, the canonical unit must be a mass unit and is the elemental amount.
   */
  elementalFraction?: { value: number };
}

export interface CanonicalAmount {
  amount: number;
  unit: Unit;
  /** Amounts in the same pool are added together (e.g. leaf powder and leaf capsules). */
  pool: string;
}

export type UnitErrorCode =
  | "invalid-amount"
  | "unknown-unit"
  | "unit-not-allowed"
  | "product-info-missing"
  | "unit-not-convertible";

export interface UnitError {
  code: UnitErrorCode;
  /** The unit that was refused. */
  unit: string;
  message: string;
  /** The units the substance accepts, for `unit-not-allowed`. */
  allowed?: Unit[];
  /** The product field that would make the conversion possible, for `product-info-missing`. */
  needs?: keyof ProductInfo;
}

export type ConversionResult =
  | { ok: true; value: CanonicalAmount }
  | { ok: false; error: UnitError };

/** Whether a person may log this substance in this unit (the edge's check, before any saving). */
export function checkUnit(substance: ConvertibleSubstance, unit: string): UnitError | null {
  if (!isUnit(unit)) {
    return { code: "unknown-unit", unit, message: `"${unit}" is not a unit Mitra knows.` };
  }
  if (!substance.units.includes(unit)) {
    return {
      code: "unit-not-allowed",
      unit,
      allowed: [...substance.units],
      message: `"${unit}" does not fit ${substance.id}; use one of: ${substance.units.join(", ")}.`,
    };
  }
  return null;
}

function fail(error: UnitError): ConversionResult {
  return { ok: false, error };
}

/**
 * The amount in the substance's canonical unit. Mass converts directly (through the elemental
 * share for salts); a capsule, tablet, serving or millilitre converts only through the product's
 * `gramsPerUnit` or `elementalMgPerUnit`; an amount already in the canonical unit passes through.
 * Never throws.
 */
export function toCanonicalAmount(
  substance: ConvertibleSubstance,
  amount: number,
  unit: string,
  product?: ProductInfo,
): ConversionResult {
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount <= 0) {
    return fail({ code: "invalid-amount", unit, message: "The amount must be a positive number." });
  }
  const refused = checkUnit(substance, unit);
  if (refused) return fail(refused);
  const target = substance.canonical.unit;
  const pool = substance.canonical.pool ?? substance.id;
  const fraction = substance.elementalFraction?.value;
  const done = (value: number): ConversionResult =>
    Number.isFinite(value) && value > 0
      ? { ok: true, value: { amount: value, unit: target, pool } }
      : fail({ code: "invalid-amount", unit, message: "The amount is out of range." });
  const usable = (x: number | undefined): x is number =>
    x !== undefined && Number.isFinite(x) && x > 0;

  if (isMassUnit(unit)) {
    const salt = convertMass(amount, unit, "mg");
    const counted = fraction === undefined ? salt : salt === null ? null : salt * fraction;
    const inTarget = counted === null ? null : convertMass(counted, "mg", target);
    if (inTarget === null) {
      return fail({
        code: "unit-not-convertible",
        unit,
        message: `${substance.id} is counted in ${target}; "${unit}" cannot be turned into it.`,
      });
    }
    return done(inTarget);
  }

  if (unit === target) return done(amount);

  const elementalMgPerUnit = product?.elementalMgPerUnit;
  if (fraction !== undefined && usable(elementalMgPerUnit)) {
    const mg = convertMass(amount * elementalMgPerUnit, "mg", target);
    if (mg !== null) return done(mg);
  }
  const gramsPerUnit = product?.gramsPerUnit;
  if (usable(gramsPerUnit)) {
    const grams = amount * gramsPerUnit;
    const counted = fraction === undefined ? grams : grams * fraction;
    const inTarget = convertMass(counted, "g", target);
    if (inTarget !== null) return done(inTarget);
  }
  const needs: keyof ProductInfo = fraction !== undefined ? "elementalMgPerUnit" : "gramsPerUnit";
  return fail({
    code: "product-info-missing",
    unit,
    needs,
    message:
      needs === "elementalMgPerUnit"
        ? `To count ${unit}s of ${substance.id}, Mitra needs the label's elemental magnesium per ${unit}.`
        : `To count ${unit}s of ${substance.id}, Mitra needs the product's grams per ${unit}.`,
  });
}
