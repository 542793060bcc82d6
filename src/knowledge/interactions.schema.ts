import { z } from "zod";
import {
  INTERACTION_LEVELS,
  type InteractionPolicy,
  type InteractionRule,
  type UnratedPair,
} from "../core/safety/types.ts";
import {
  citationSchema,
  knowledgeFileHeader,
  reviewedField,
  sourcesSchema,
} from "./citation.schema.ts";
import {
  levelSchema,
  matcherSchema,
  severitySchema,
  slugSchema,
  textSchema,
} from "./safety-common.schema.ts";

/**
 * Schema of src/knowledge/data/interactions.json: pair rules with their level, window, message and
 * sources (symmetric, or ordered with `order: "a-then-b"`), the pairs decided as "no data" with
 * their reason, and the policy (level to severity, default window, no-data texts). A rule with
 * several ratings (sources that disagree) must carry the worst of them as its level; only a
 * low-risk rule may be quiet.
 */

const ratingSchema = z
  .object({
    by: textSchema,
    level: levelSchema,
    sources: sourcesSchema,
    ...reviewedField,
    note: textSchema.optional(),
  })
  .strict();

const interactionRuleSchema = z
  .object({
    id: slugSchema,
    a: matcherSchema,
    b: matcherSchema,
    level: levelSchema,
    windowHours: z.number().finite().positive(),
    order: z.literal("a-then-b").optional(),
    quiet: z.boolean().optional(),
    title: textSchema,
    message: textSchema,
    action: textSchema,
    ratings: z.array(ratingSchema).min(1).optional(),
    evidence: z.enum(["rated", "mechanism", "limited"]).optional(),
    verified: z.boolean().optional(),
    note: textSchema.optional(),
    sources: sourcesSchema,
    ...reviewedField,
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (rule.quiet && rule.level !== "low-risk") {
      ctx.addIssue({
        code: "custom",
        path: ["quiet"],
        message: "only a low-risk rule may be quiet: a risk is always said",
      });
    }
    if (!rule.ratings) return;
    const worst = rule.ratings.reduce(
      (w, r) => Math.max(w, INTERACTION_LEVELS.indexOf(r.level)),
      0,
    );
    if (INTERACTION_LEVELS.indexOf(rule.level) !== worst) {
      ctx.addIssue({
        code: "custom",
        path: ["level"],
        message: `the level must be the worst rating (${INTERACTION_LEVELS[worst]})`,
      });
    }
  }) satisfies z.ZodType<InteractionRule>;

/** A "no data" decision: either side may be any substance (e.g. an antibiotic with anything). */
const unratedMatcherSchema = z.union([
  matcherSchema,
  z.object({ anySubstance: z.literal(true) }).strict(),
]);

const unratedPairSchema = z
  .object({
    id: slugSchema,
    a: unratedMatcherSchema,
    b: unratedMatcherSchema,
    reason: textSchema,
    sources: sourcesSchema,
  })
  .strict() satisfies z.ZodType<UnratedPair>;

const policySchema = z
  .object({
    defaultWindowHours: z.number().finite().positive(),
    windowSources: sourcesSchema,
    levelSeverity: z.record(levelSchema, severitySchema),
    noData: z
      .object({
        severity: severitySchema,
        title: z.literal("No data: not known to be safe"),
        pairMessage: textSchema,
        substanceMessage: textSchema,
        conditionMessage: textSchema,
        action: textSchema,
        sources: z.array(citationSchema),
      })
      .strict()
      .refine((n) => n.severity !== "info", {
        message: "no data is never reassuring: at least caution",
      }),
  })
  .strict() satisfies z.ZodType<InteractionPolicy>;

export const interactionsFileSchema = z
  .object({
    ...knowledgeFileHeader,
    policy: policySchema,
    rules: z.array(interactionRuleSchema).min(1),
    unrated: z.array(unratedPairSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = [...file.rules, ...file.unrated].map((r) => r.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) {
        const inRules = i < file.rules.length;
        ctx.addIssue({
          code: "custom",
          path: inRules ? ["rules", i, "id"] : ["unrated", i - file.rules.length, "id"],
          message: `rule ${id} is listed twice`,
        });
      }
    });
  });

export type InteractionsFile = z.infer<typeof interactionsFileSchema>;
