import { z } from "zod";
import type { ConditionDefinition, ConditionRule } from "../core/safety/types.ts";
import { knowledgeFileHeader } from "./citation.schema.ts";
import {
  matcherSchema,
  slugSchema,
  textSchema,
  warningTextFields,
} from "./safety-common.schema.ts";

/**
 * Schema of src/knowledge/data/conditions.json: the profile conditions a person can declare and
 * the rules saying which substances each makes riskier. Every rule names a listed condition.
 */

const conditionSchema = z
  .object({ id: slugSchema, name: textSchema, description: textSchema })
  .strict() satisfies z.ZodType<ConditionDefinition>;

const conditionRuleSchema = z
  .object({
    id: slugSchema,
    conditionId: slugSchema,
    matcher: matcherSchema,
    ...warningTextFields,
    verified: z.boolean().optional(),
    note: textSchema.optional(),
  })
  .strict() satisfies z.ZodType<ConditionRule>;

export const conditionsFileSchema = z
  .object({
    ...knowledgeFileHeader,
    conditions: z.array(conditionSchema).min(1),
    rules: z.array(conditionRuleSchema).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set(file.conditions.map((c) => c.id));
    if (ids.size !== file.conditions.length) {
      ctx.addIssue({
        code: "custom",
        path: ["conditions"],
        message: "a condition is listed twice",
      });
    }
    const keys = new Set<string>();
    file.rules.forEach((r, i) => {
      if (!ids.has(r.conditionId)) {
        ctx.addIssue({
          code: "custom",
          path: ["rules", i, "conditionId"],
          message: `no condition ${r.conditionId}`,
        });
      }
      const key = `${r.conditionId}.${r.id}`;
      if (keys.has(key)) {
        ctx.addIssue({
          code: "custom",
          path: ["rules", i, "id"],
          message: `rule ${key} is listed twice`,
        });
      }
      keys.add(key);
    });
  });

export type ConditionsFile = z.infer<typeof conditionsFileSchema>;
