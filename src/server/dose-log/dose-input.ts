import type { CompiledRules } from "../../core/safety/compile.ts";
import { resolveSubstanceDefinition } from "../../core/safety/substance-lookup.ts";
import type { Ingestion, SubstanceDefinition } from "../../core/safety/types.ts";
import { checkUnit, isUnit, type ProductInfo, toCanonicalAmount } from "../../core/units.ts";
import { findOwnCustomSubstance } from "../../db/custom-substances.ts";
import type { CanonicalRecord, IngestionFields } from "../../db/ingestions.ts";
import { findOwnProduct, productInfoFor } from "../../db/products.ts";
import type { App } from "../context.ts";
import { invalidInput } from "../http/api-error.ts";

/** Clocks drift: a time up to this far ahead of the server's is still "now". */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** A dose as a client describes it (POST /api/ingestions, /api/safety/check, a merged PATCH). */
export interface DoseInput {
  substance?: string | undefined;
  productId?: string | null | undefined;
  amount: number;
  unit: string;
  takenAt: string;
  route?: string | null | undefined;
  notes?: string | null | undefined;
}

/** A dose checked against the catalog, the person's products and the clock. */
export interface ResolvedDose {
  /** What to store (warnings are added after the safety check). */
  fields: Omit<IngestionFields, "warnings">;
  /** The safety engine's view. */
  candidate: Ingestion;
  definition: SubstanceDefinition | undefined;
}

/**
 * Checks a dose the way a person's log needs it: a known substance (catalog or their own custom
 * one) or their own product, a unit that fits it, a positive finite amount and a time not in the
 * future. Throws a 400 naming the field (`body.substance`, `body.unit`...). `keepProductId`: the
 * product an edited entry already names, accepted even when deleted.
 */
export async function resolveDose(
  app: App,
  rules: CompiledRules,
  userId: string,
  id: string,
  input: DoseInput,
  options: { keepProductId?: string | null } = {},
): Promise<ResolvedDose> {
  const { db } = app.mitra;
  if (!Number.isFinite(input.amount) || input.amount <= 0) {
    throw invalidInput([{ field: "body.amount", message: "must be a positive number" }]);
  }
  const takenAt = new Date(input.takenAt);
  if (Number.isNaN(takenAt.getTime())) {
    throw invalidInput([{ field: "body.takenAt", message: "not a readable time" }]);
  }
  if (takenAt.getTime() > app.mitra.now().getTime() + CLOCK_SKEW_MS) {
    throw invalidInput([
      { field: "body.takenAt", message: "is in the future: log a dose once it is taken" },
    ]);
  }

  let productInfo: ProductInfo | null = null;
  let substanceId = input.substance;
  let productId: string | null = null;
  if (input.productId) {
    // An edit may keep the product it was logged with, even if that product was deleted since.
    const product = await findOwnProduct(db, userId, input.productId, {
      includeDeleted: input.productId === options.keepProductId,
    });
    if (!product) {
      throw invalidInput([
        { field: "body.productId", message: "no such product of yours: add it under Products" },
      ]);
    }
    if (substanceId !== undefined && substanceId !== product.substanceId) {
      throw invalidInput([
        {
          field: "body.substance",
          message: `this product is ${product.substanceId}; leave the substance out or match it`,
        },
      ]);
    }
    substanceId = product.substanceId;
    productId = product.id;
    productInfo = productInfoFor(product, input.unit);
  }
  if (substanceId === undefined) {
    throw invalidInput([{ field: "body.substance", message: "give a substance or a productId" }]);
  }

  let customClasses: string[] | null = null;
  let substanceName: string | null = null;
  if (!rules.substances.has(substanceId)) {
    const custom = await findOwnCustomSubstance(db, userId, substanceId);
    if (!custom) {
      throw invalidInput([
        {
          field: "body.substance",
          message: "not a substance Mitra knows: pick one from the list or add your own",
        },
      ]);
    }
    customClasses = custom.classId === null ? [] : [custom.classId];
    substanceName = custom.name;
  }

  const definition = resolveSubstanceDefinition(
    rules,
    substanceId,
    customClasses ?? undefined,
    substanceName ?? undefined,
  );
  if (definition) {
    const refused = checkUnit(definition, input.unit);
    if (refused) throw invalidInput([{ field: "body.unit", message: refused.message }]);
  } else if (!isUnit(input.unit)) {
    throw invalidInput([
      { field: "body.unit", message: `"${input.unit}" is not a unit Mitra knows` },
    ]);
  }

  let canonical: CanonicalRecord | null = null;
  if (definition) {
    const converted = toCanonicalAmount(
      definition,
      input.amount,
      input.unit,
      productInfo ?? undefined,
    );
    if (converted.ok) canonical = converted.value;
  }

  const fields: ResolvedDose["fields"] = {
    substanceId,
    substanceName,
    customClasses,
    productId,
    productInfo,
    amount: input.amount,
    unit: input.unit,
    route: input.route ?? null,
    takenAt,
    notes: input.notes ?? null,
    canonical,
  };
  const candidate: Ingestion = {
    id,
    substanceId,
    amount: input.amount,
    unit: input.unit,
    takenAt: takenAt.toISOString(),
  };
  if (customClasses) candidate.classes = customClasses;
  if (substanceName !== null) candidate.substanceName = substanceName;
  if (productId !== null) candidate.productId = productId;
  if (productInfo !== null) candidate.product = productInfo;
  if (input.route) candidate.route = input.route;
  return { fields, candidate, definition };
}
