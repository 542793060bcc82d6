import { z } from "zod";
import {
  INTERACTION_LEVELS,
  ROUTES,
  type SubstanceMatcher,
  type WarningText,
} from "../core/safety/types.ts";
import { UNITS } from "../core/units.ts";
import { SEVERITIES } from "../core/warning.ts";
import { citationSchema, reviewedField, sourcesSchema } from "./citation.schema.ts";

/** Pieces shared by the safety knowledge files (substances, interactions, conditions, limits). */

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case words joined by hyphens, e.g. kratom-leaf");
export const textSchema = z.string().trim().min(1);
export const unitSchema = z.enum(UNITS);
export const routeSchema = z.enum(ROUTES);
export const severitySchema = z.enum(SEVERITIES);
export const levelSchema = z.enum(INTERACTION_LEVELS);

export const matcherSchema = z
  .object({
    substanceIds: z.array(slugSchema).min(1).optional(),
    classes: z.array(slugSchema).min(1).optional(),
  })
  .strict()
  .refine((m) => m.substanceIds !== undefined || m.classes !== undefined, {
    message: "a matcher names substance ids, classes or both",
  }) satisfies z.ZodType<SubstanceMatcher>;

/** Warning text with at least one source. */
export const warningTextFields = {
  severity: severitySchema,
  title: textSchema,
  message: textSchema,
  action: textSchema,
  sources: sourcesSchema,
  ...reviewedField,
};

/** Warning text about the engine itself (a plan limit, a unit it cannot read): sources optional. */
export const noticeTextSchema = z
  .object({
    severity: severitySchema,
    title: textSchema,
    message: textSchema,
    action: textSchema,
    sources: z.array(citationSchema),
  })
  .strict() satisfies z.ZodType<WarningText>;

/** Every class and substance id a matcher names, for cross-file checks. */
export function matcherRefs(m: SubstanceMatcher): { ids: string[]; classes: string[] } {
  return { ids: m.substanceIds ?? [], classes: m.classes ?? [] };
}
