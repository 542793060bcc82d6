import { z } from "zod";
import { reviewedField, sourcesSchema } from "../citation.schema.ts";
import type {
  AnswerOption,
  Band,
  InstrumentDefinition,
  InstrumentItem,
  RedFlagRule,
  SubscoreDefinition,
} from "./instrument.ts";

/**
 * Schema of one instrument (src/knowledge/data/instruments.json, GET /api/instruments). Beyond shapes it checks what scoring relies on:
 * answers listed lowest first without duplicates, totals that match the items, bands that are
 * contiguous and cover the whole range, subscores that name real items, and a red-flag trigger
 * that is one of the item's answers.
 */

const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by hyphens, e.g. bone-joint-aches");
const text = z.string().trim().min(1);

const answerOptionSchema = z
  .object({ value: z.number().finite(), label: text })
  .strict() satisfies z.ZodType<AnswerOption>;

const redFlagRuleSchema = z
  .object({
    whenValue: z.number().finite(),
    warning: z
      .object({
        code: z
          .string()
          .regex(/^redflag\.[a-z0-9-]+$/, "a red-flag code looks like redflag.seizure"),
        severity: z.literal("urgent"),
        title: text,
        message: text,
        action: text,
        sources: sourcesSchema,
        ...reviewedField,
      })
      .strict(),
  })
  .strict() satisfies z.ZodType<RedFlagRule>;

const itemBase = {
  id: slug,
  text,
  shortLabel: text,
  direction: z.enum(["higher-is-worse", "higher-is-better"]),
  note: text.optional(),
};

const choiceItemSchema = z
  .object({
    kind: z.literal("choice"),
    ...itemBase,
    answers: z.array(answerOptionSchema).min(2, "a choice item needs at least two answers"),
    redFlag: redFlagRuleSchema.optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    item.answers.forEach((answer, i) => {
      const previous = item.answers[i - 1];
      if (previous !== undefined && answer.value <= previous.value) {
        ctx.addIssue({
          code: "custom",
          path: ["answers", i, "value"],
          message: `answers must be listed lowest value first without duplicates (${item.id})`,
        });
      }
    });
    if (item.redFlag && !item.answers.some((a) => a.value === item.redFlag?.whenValue)) {
      ctx.addIssue({
        code: "custom",
        path: ["redFlag", "whenValue"],
        message: `red-flag trigger is not one of the answers of ${item.id}`,
      });
    }
  });

const numericItemSchema = z
  .object({
    kind: z.literal("numeric"),
    ...itemBase,
    min: z.number().finite(),
    max: z.number().finite(),
    step: z.number().finite().positive(),
    unit: text,
  })
  .strict()
  .superRefine((item, ctx) => {
    const steps = (item.max - item.min) / item.step;
    if (item.max <= item.min || Math.abs(steps - Math.round(steps)) > 1e-9) {
      ctx.addIssue({
        code: "custom",
        path: ["step"],
        message: `${item.id}: max must exceed min by a whole number of steps`,
      });
    }
  });

const itemSchema = z.discriminatedUnion("kind", [
  choiceItemSchema,
  numericItemSchema,
]) satisfies z.ZodType<InstrumentItem>;

const bandSchema = z
  .object({
    id: slug,
    label: text,
    min: z.number().int(),
    max: z.number().int(),
    convention: z.literal(true).optional(),
    note: text.optional(),
    sources: sourcesSchema.optional(),
    ...reviewedField,
  })
  .strict()
  .refine((b) => b.min <= b.max, { message: "a band's min must not exceed its max" })
  .refine((b) => b.convention !== true || b.note !== undefined, {
    message: "a convention band needs a note saying whose convention it is",
  }) satisfies z.ZodType<Band>;

const subscoreSchema = z
  .object({
    id: slug,
    label: text,
    items: z.array(slug).min(1),
    note: text.optional(),
  })
  .strict() satisfies z.ZodType<SubscoreDefinition>;

export const instrumentSchema = z
  .object({
    id: slug,
    name: text,
    shortName: text,
    description: text,
    validated: z.boolean(),
    recordedBy: z.enum(["patient", "clinician"]),
    recallPeriod: text,
    instructions: text,
    items: z.array(itemSchema).min(1),
    totalRange: z.object({ min: z.number(), max: z.number() }).strict().nullable(),
    bands: z.array(bandSchema),
    bandsNote: text.optional(),
    subscores: z.array(subscoreSchema),
    codes: z.array(z.object({ system: z.url(), code: text, display: text }).strict()),
    sources: sourcesSchema,
    ...reviewedField,
    note: text.optional(),
  })
  .strict()
  .superRefine((instrument, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message: `${instrument.id}: ${message}` });

    const ids = instrument.items.map((i) => i.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) issue(["items", i, "id"], `duplicate item id ${id}`);
    });

    const range = instrument.totalRange;
    if (range !== null) {
      let min = 0;
      let max = 0;
      instrument.items.forEach((item, i) => {
        if (item.kind !== "choice") {
          issue(["items", i], "an instrument with a total may only have choice items");
          return;
        }
        if (!item.answers.every((a) => Number.isInteger(a.value))) {
          issue(["items", i, "answers"], "items summed into a total must have whole-number values");
        }
        min += item.answers[0]?.value ?? 0;
        max += item.answers.at(-1)?.value ?? 0;
      });
      if (range.min !== min || range.max !== max) {
        issue(
          ["totalRange"],
          `totalRange ${range.min}-${range.max} but the items sum to ${min}-${max}`,
        );
      }
    }

    if (instrument.bands.length > 0) {
      if (range === null) {
        issue(["bands"], "bands need a total");
      } else {
        const first = instrument.bands[0];
        const last = instrument.bands.at(-1);
        if (first?.min !== range.min)
          issue(["bands", 0, "min"], "bands must start at the range min");
        if (last?.max !== range.max) {
          issue(["bands", instrument.bands.length - 1, "max"], "bands must end at the range max");
        }
        instrument.bands.forEach((band, i) => {
          const previous = instrument.bands[i - 1];
          if (previous !== undefined && band.min !== previous.max + 1) {
            issue(["bands", i, "min"], `band ${band.id} must start right after ${previous.id}`);
          }
          if (instrument.bands.findIndex((b) => b.id === band.id) !== i) {
            issue(["bands", i, "id"], `duplicate band id ${band.id}`);
          }
        });
      }
    }

    instrument.subscores.forEach((sub, i) => {
      if (range === null) issue(["subscores", i], "subscores need a scored instrument");
      for (const itemId of sub.items) {
        if (!ids.includes(itemId)) issue(["subscores", i, "items"], `unknown item ${itemId}`);
      }
    });
  }) satisfies z.ZodType<InstrumentDefinition>;
