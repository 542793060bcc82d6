import { z } from "zod";
import { isoDate } from "../core/citation.schema.ts";

export {
  citationSchema,
  isoDate,
  reviewedField,
  sourcesSchema,
} from "../core/citation.schema.ts";

/** Header every knowledge file carries: what it is, its version and when it was last checked. */
export const knowledgeFileHeader = {
  $comment: z.string().optional(),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "semantic version, e.g. 1.0.0"),
  as_of: isoDate,
};
