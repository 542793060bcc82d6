import type { z } from "zod";
import { coaLimitsFileSchema } from "./coa-limits.schema.ts";
import { conditionsFileSchema } from "./conditions.schema.ts";
import { crisisResourcesFileSchema } from "./crisis-resources.schema.ts";
import { evidenceFileSchema } from "./evidence.schema.ts";
import { firstLineCareFileSchema } from "./first-line-care.schema.ts";
import { instrumentsFileSchema } from "./instruments.schema.ts";
import { interactionsFileSchema } from "./interactions.schema.ts";
import { jurisdictionsFileSchema } from "./jurisdictions.schema.ts";
import { limitsFileSchema } from "./limits.schema.ts";
import { ratedLayerFileSchema } from "./rated-layer.schema.ts";
import { substancesFileSchema } from "./substances.schema.ts";

/**
 * Every knowledge file and the schema that validates it. `mitra kb check` and the tests walk this
 * list; a data file missing from it is not loaded anywhere. Paths are relative to
 * src/knowledge/data/.
 */
export interface KnowledgeFile {
  file: string;
  schema: z.ZodType;
  /** How many days after a record's `as_of` it is due for review. */
  reviewAfterDays: number;
}

export const knowledgeFiles: KnowledgeFile[] = [
  { file: "instruments.json", schema: instrumentsFileSchema, reviewAfterDays: 365 },
  { file: "crisis-resources.json", schema: crisisResourcesFileSchema, reviewAfterDays: 90 },
  { file: "jurisdictions.json", schema: jurisdictionsFileSchema, reviewAfterDays: 365 },
  { file: "coa-limits.json", schema: coaLimitsFileSchema, reviewAfterDays: 365 },
  { file: "evidence.json", schema: evidenceFileSchema, reviewAfterDays: 365 },
  { file: "first-line-care.json", schema: firstLineCareFileSchema, reviewAfterDays: 365 },
  { file: "substances.json", schema: substancesFileSchema, reviewAfterDays: 180 },
  { file: "interactions.json", schema: interactionsFileSchema, reviewAfterDays: 180 },
  { file: "tripsit-combos.json", schema: ratedLayerFileSchema, reviewAfterDays: 180 },
  { file: "conditions.json", schema: conditionsFileSchema, reviewAfterDays: 180 },
  { file: "limits.json", schema: limitsFileSchema, reviewAfterDays: 180 },
];
