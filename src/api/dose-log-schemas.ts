import { z } from "zod";
import type { CertificateOfAnalysis } from "../core/coa/certificate.ts";
import { BOTANICAL_FORMS } from "../core/coa/coa-limits.ts";
import { PRODUCT_FORMS } from "../core/product-form.ts";
import { ROUTES } from "../core/safety/types.ts";
import { isoInstant, timeWindowQuery } from "./instant.ts";
import { citationView, warningView } from "./warning-views.ts";

/** Zod schemas of the dose log: requests validated at the edge, responses documented. */

const clientId = z.uuid({ message: "a uuid made by the client (crypto.randomUUID())" });

const positiveAmount = z
  .number({ message: "expected a number" })
  .positive("must be more than 0")
  .max(1e9, "is too large");

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const catalogId = z.string().min(1).max(100);

// ---- Ingestions ----

const doseFields = {
  /** A catalog substance id or one of the person's custom substances. */
  substance: catalogId.optional(),
  productId: clientId.optional(),
  amount: positiveAmount,
  unit: z.string().min(1).max(16),
  takenAt: isoInstant,
  route: z.enum(ROUTES).nullable().optional(),
  notes: optionalText(2000),
};

export const ingestionBody = z.object({ id: clientId, ...doseFields }).strict();
export type IngestionBody = z.infer<typeof ingestionBody>;

/** The same body as a log, without saving; the id is optional (an edit passes the entry's id). */
export const safetyCheckBody = z.object({ id: clientId.optional(), ...doseFields }).strict();

export const ingestionPatch = z
  .object({
    substance: catalogId.optional(),
    productId: clientId.nullable().optional(),
    amount: positiveAmount.optional(),
    unit: z.string().min(1).max(16).optional(),
    takenAt: isoInstant.optional(),
    route: z.enum(ROUTES).nullable().optional(),
    notes: optionalText(2000),
  })
  .strict();
export type IngestionPatch = z.infer<typeof ingestionPatch>;

export const idParams = z.object({ id: clientId }).strict();

/** Most doses one list returns. */
export const MAX_LIST_LIMIT = 2000;

export const ingestionListQuery = timeWindowQuery(MAX_LIST_LIMIT, {});

export const ingestionView = z.object({
  id: z.string(),
  substanceId: z.string(),
  substanceName: z.string(),
  custom: z.boolean(),
  productId: z.string().nullable(),
  productName: z.string().nullable(),
  amount: z.number(),
  unit: z.string(),
  route: z.string().nullable(),
  takenAt: z.string(),
  notes: z.string().nullable(),
  canonical: z.object({ amount: z.number(), unit: z.string(), pool: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
  /** Raised by every change; send it back as If-Match (`"3"`) to edit only this version. */
  version: z.number().int(),
});

export const ingestionResponse = z.object({
  ingestion: ingestionView,
  warnings: z.array(warningView),
});

export const ingestionListResponse = z.object({ ingestions: z.array(ingestionView) });

export const ingestionHistoryResponse = z.object({
  ingestion: ingestionView,
  versions: z.array(
    z.object({
      version: z.number(),
      change: z.enum(["update", "delete"]),
      changedBy: z.string().nullable(),
      changedAt: z.string(),
      previous: ingestionView,
    }),
  ),
});

export const safetyCheckResponse = z.object({ warnings: z.array(warningView) });

export const recentResponse = z.object({
  recent: z.array(
    z.object({
      substanceId: z.string(),
      substanceName: z.string(),
      productId: z.string().nullable(),
      productName: z.string().nullable(),
      unit: z.string(),
      amount: z.number(),
    }),
  ),
});

// ---- Products ----

/** What a lab certificate (COA) says; every value optional ("not tested", never a pass). */
export const certificateSchema = z
  .object({
    mitragyninePercent: z.number().min(0).max(100).optional(),
    sevenOhPercent: z.number().min(0).max(100).optional(),
    totalAlkaloidsPercent: z.number().min(0).max(100).optional(),
    heavyMetalsUgPerG: z
      .object({
        lead: z.number().min(0).optional(),
        arsenic: z.number().min(0).optional(),
        cadmium: z.number().min(0).optional(),
        mercury: z.number().min(0).optional(),
      })
      .strict()
      .optional(),
    microbial: z
      .object({
        salmonella: z.enum(["absent", "detected"]).optional(),
        eColi: z.enum(["absent", "detected"]).optional(),
        totalAerobicCfuPerG: z.number().min(0).optional(),
        yeastMouldCfuPerG: z.number().min(0).optional(),
      })
      .strict()
      .optional(),
    form: z.enum(BOTANICAL_FORMS).optional(),
    lab: z.string().max(200).optional(),
    testDate: z.iso.date().optional(),
    expiryDate: z.iso.date().optional(),
    lot: z.string().max(100).optional(),
  })
  .strict() satisfies z.ZodType<CertificateOfAnalysis>;

const productFields = {
  vendor: z.string().trim().min(1, "enter the vendor").max(120),
  name: z.string().trim().min(1, "enter the product's name").max(160),
  form: z.enum(PRODUCT_FORMS),
  /** Required for form `other`; for kratom forms it defaults to the matching catalog entry. */
  substanceId: catalogId.optional(),
  lot: optionalText(100),
  gramsPerCapsule: positiveAmount.nullable().optional(),
  gramsPerServing: positiveAmount.nullable().optional(),
  elementalMgPerUnit: positiveAmount.nullable().optional(),
  certificate: certificateSchema.nullable().optional(),
};

export const productBody = z.object({ id: clientId, ...productFields }).strict();
export type ProductBody = z.infer<typeof productBody>;

export const productPatch = z
  .object({
    vendor: productFields.vendor.optional(),
    name: productFields.name.optional(),
    form: productFields.form.optional(),
    substanceId: productFields.substanceId,
    lot: productFields.lot,
    gramsPerCapsule: productFields.gramsPerCapsule,
    gramsPerServing: productFields.gramsPerServing,
    elementalMgPerUnit: productFields.elementalMgPerUnit,
    certificate: productFields.certificate,
  })
  .strict();
export type ProductPatch = z.infer<typeof productPatch>;

export const productView = z.object({
  id: z.string(),
  vendor: z.string(),
  name: z.string(),
  form: z.enum(PRODUCT_FORMS),
  substanceId: z.string(),
  substanceName: z.string(),
  lot: z.string().nullable(),
  gramsPerCapsule: z.number().nullable(),
  gramsPerServing: z.number().nullable(),
  elementalMgPerUnit: z.number().nullable(),
  certificate: certificateSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Raised by every change; send it back as If-Match (`"3"`) to edit only this version. */
  version: z.number().int(),
});

export const productResponse = z.object({ product: productView });
export const productListResponse = z.object({ products: z.array(productView) });

// ---- Custom substances ----

export const customSubstanceBody = z
  .object({
    id: clientId,
    name: z.string().trim().min(1, "enter a name").max(120),
    /** A pickable class (GET /api/substances), or null for "I don't know". */
    classId: z.string().max(64).nullable(),
  })
  .strict();

export const customSubstanceView = z.object({
  id: z.string(),
  name: z.string(),
  classId: z.string().nullable(),
  units: z.array(z.string()),
  createdAt: z.string(),
});

export const customSubstanceResponse = z.object({ customSubstance: customSubstanceView });
export const customSubstanceListResponse = z.object({
  customSubstances: z.array(customSubstanceView),
});

// ---- Catalog ----

export const catalogResponse = z.object({
  version: z.string(),
  asOf: z.string(),
  substances: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      aliases: z.array(z.string()),
      classes: z.array(z.string()),
      units: z.array(z.string()),
      routes: z.array(z.string()),
      canonicalUnit: z.string(),
      pool: z.string(),
      doseReferences: z.array(z.unknown()),
      timeCourses: z.array(z.unknown()),
      note: z.string().optional(),
      sources: z.array(citationView),
    }),
  ),
  pickableClasses: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      units: z.array(z.string()),
      routes: z.array(z.string()),
    }),
  ),
  conditions: z.array(z.object({ id: z.string(), name: z.string(), description: z.string() })),
  productForms: z.array(
    z.object({ form: z.enum(PRODUCT_FORMS), substanceId: z.string().nullable() }),
  ),
  routes: z.array(z.string()),
});

// ---- Today ----

export const todayResponse = z.object({
  day: z.string(),
  timeZone: z.string(),
  ingestions: z.array(ingestionView),
  totals: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      amount: z.number(),
      unit: z.string(),
      count: z.number(),
    }),
  ),
  warnings: z.array(warningView),
  /** Codes the person acknowledged today ("quiet for today"); their cautions and notes fold. */
  acknowledgedWarnings: z.array(z.string()),
  exposure: z
    .object({
      disclaimer: z.string(),
      unit: z.string(),
      substance: z.string(),
      points: z.array(
        z.object({ at: z.string(), low: z.number(), central: z.number(), high: z.number() }),
      ),
      doses: z.array(z.object({ takenAt: z.string(), amount: z.number() })),
      now: z.string(),
      central: z.object({ tmaxHours: z.number(), halfLifeHours: z.number() }),
      studies: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          tmaxHours: z.number(),
          halfLifeHours: z.number(),
          sources: z.array(citationView).optional(),
        }),
      ),
    })
    .nullable(),
});

/** The version an edit is made on (`"3"`): a record changed since answers 412. */
export const ifMatchHeaders = z.object({ "if-match": z.string().optional() });
