import type { z } from "zod";

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

export const knowledgeFiles: KnowledgeFile[] = [];
