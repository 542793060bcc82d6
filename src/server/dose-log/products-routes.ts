import { contract } from "../../api/contract.ts";
import type { ProductPatch } from "../../api/dose-log-schemas.ts";
import type { ProductForm } from "../../core/product-form.ts";
import { productStrengthProblem } from "../../core/product-form.ts";
import type { CompiledRules } from "../../core/safety/compile.ts";
import { withAuditEntry } from "../../db/audit.ts";
import {
  deleteProduct,
  findOwnProduct,
  findProduct,
  insertProduct,
  listProducts,
  type ProductFields,
  type ProductRecord,
  updateProduct,
} from "../../db/products.ts";
import { ownChange } from "../audit/own-change.ts";
import { requireUser } from "../auth/session.ts";
import type { App } from "../context.ts";
import { ApiError, invalidInput, notFound } from "../http/api-error.ts";
import { etagOf, patchVersioned } from "../http/etag.ts";
import { handle } from "../http/handle.ts";
import { substanceNameOf } from "./ingestion-view.ts";
import type { DoseLogKnowledge } from "./knowledge.ts";
import { FORM_SUBSTANCE } from "./product-forms.ts";

function toView(rules: CompiledRules, p: ProductRecord) {
  return {
    id: p.id,
    vendor: p.vendor,
    name: p.name,
    form: p.form,
    substanceId: p.substanceId,
    substanceName: substanceNameOf(rules, p.substanceId),
    lot: p.lot,
    gramsPerCapsule: p.gramsPerCapsule,
    gramsPerServing: p.gramsPerServing,
    elementalMgPerUnit: p.elementalMgPerUnit,
    certificate: p.certificate,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: p.version,
  };
}

/**
 * The catalog substance a product is: the form's own entry for kratom forms (an extract is never
 * leaf), or the one named for `other`. 400 naming `body.substanceId` otherwise.
 */
function substanceOfProduct(
  rules: CompiledRules,
  form: ProductForm,
  substanceId: string | undefined,
): string {
  const fixed = FORM_SUBSTANCE[form];
  if (fixed !== null) {
    if (substanceId !== undefined && substanceId !== fixed) {
      throw invalidInput([
        { field: "body.substanceId", message: `a ${form} product is ${fixed}; leave it out` },
      ]);
    }
    return fixed;
  }
  if (substanceId === undefined) {
    throw invalidInput([
      { field: "body.substanceId", message: "say what the product is (e.g. magnesium-citrate)" },
    ]);
  }
  if (!rules.substances.has(substanceId)) {
    throw invalidInput([
      { field: "body.substanceId", message: "not a substance in Mitra's catalog" },
    ]);
  }
  return substanceId;
}

function fieldsFrom(rules: CompiledRules, b: ProductPatch, base?: ProductRecord): ProductFields {
  const form = b.form ?? base?.form;
  if (form === undefined) throw invalidInput([{ field: "body.form", message: "required" }]);
  const keepSubstance =
    b.substanceId === undefined && b.form === undefined ? base?.substanceId : b.substanceId;
  const pick = <T>(value: T | null | undefined, old: T | null | undefined): T | null =>
    value !== undefined ? value : (old ?? null);
  const problem = productStrengthProblem({
    form,
    gramsPerCapsule: pick(b.gramsPerCapsule, base?.gramsPerCapsule),
  });
  if (problem) throw invalidInput([{ field: `body.${problem.field}`, message: problem.message }]);
  return {
    vendor: b.vendor ?? base?.vendor ?? "",
    name: b.name ?? base?.name ?? "",
    form,
    substanceId: substanceOfProduct(rules, form, keepSubstance),
    lot: pick(b.lot, base?.lot),
    gramsPerCapsule: pick(b.gramsPerCapsule, base?.gramsPerCapsule),
    gramsPerServing: pick(b.gramsPerServing, base?.gramsPerServing),
    elementalMgPerUnit: pick(b.elementalMgPerUnit, base?.elementalMgPerUnit),
    certificate: pick(b.certificate, base?.certificate),
  };
}

/** A person's products: vendor, name, form, lot, strength and lab certificate values. */
export async function productRoutes(app: App, knowledge: DoseLogKnowledge): Promise<void> {
  const { rules } = knowledge;
  const db = app.mitra.db;

  handle(app, contract.createProduct, async (request, reply) => {
    const user = requireUser(request);
    const { id, ...rest } = request.body;
    const existing = await findProduct(db, id);
    if (existing) {
      if (existing.userId !== user.id) {
        throw new ApiError(409, "id_conflict", "This id is already used. Generate a new one.", {
          fields: [{ field: "body.id", message: "already used by another record" }],
        });
      }
      return { product: toView(rules, existing) };
    }
    const now = app.mitra.now();
    // The product and its audit entry commit together.
    const { created, record } = await withAuditEntry(
      db,
      (trx) => insertProduct(trx, { id, userId: user.id, ...fieldsFrom(rules, rest), now }),
      (inserted) =>
        inserted.created
          ? ownChange(request, {
              userId: user.id,
              action: "create",
              entity: "product",
              entityId: id,
              at: now,
            })
          : null,
    );
    if (record.userId !== user.id) {
      throw new ApiError(409, "id_conflict", "This id is already used. Generate a new one.");
    }
    reply.status(created ? 201 : 200);
    return { product: toView(rules, record) };
  });

  handle(app, contract.listProducts, async (request) => {
    const user = requireUser(request);
    const products = await listProducts(db, user.id);
    return { products: products.map((p) => toView(rules, p)) };
  });

  handle(app, contract.getProduct, async (request, reply) => {
    const user = requireUser(request);
    const product = await findOwnProduct(db, user.id, request.params.id);
    if (!product) throw notFound("That product");
    reply.header("etag", etagOf(product.version));
    return { product: toView(rules, product) };
  });

  handle(app, contract.updateProduct, async (request, reply) => {
    const user = requireUser(request);
    const updated = await patchVersioned(
      request,
      reply,
      "That product",
      async (expected) => {
        const existing = await findOwnProduct(db, user.id, request.params.id);
        if (!existing) return { outcome: "not_found" } as const;
        const now = app.mitra.now();
        // The change and its audit entry commit together.
        return withAuditEntry(
          db,
          (trx) =>
            updateProduct(trx, {
              id: existing.id,
              userId: user.id,
              fields: fieldsFrom(rules, request.body, existing),
              now,
              expectedVersion: expected ?? existing.version,
            }),
          (changed) =>
            changed.outcome === "updated"
              ? ownChange(request, {
                  userId: user.id,
                  action: "update",
                  entity: "product",
                  entityId: existing.id,
                  at: now,
                  details: { fields: Object.keys(request.body) },
                })
              : null,
        );
      },
      (record) => toView(rules, record),
    );
    return { product: toView(rules, updated) };
  });

  handle(app, contract.deleteProduct, async (request, reply) => {
    const user = requireUser(request);
    const now = app.mitra.now();
    // The deletion and its audit entry commit together.
    const deleted = await withAuditEntry(
      db,
      (trx) => deleteProduct(trx, { id: request.params.id, userId: user.id, now }),
      (done) =>
        done
          ? ownChange(request, {
              userId: user.id,
              action: "delete",
              entity: "product",
              entityId: request.params.id,
              at: now,
            })
          : null,
    );
    if (!deleted) throw notFound("That product");
    return reply.status(204).send();
  });
}
