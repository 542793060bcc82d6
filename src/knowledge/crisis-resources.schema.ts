import { z } from "zod";
import { crisisResourceSchema } from "../core/assessment/crisis-resource.schema.ts";
import { knowledgeFileHeader } from "./citation.schema.ts";
import { uniqueIdsIn } from "./unique-ids.ts";

export const crisisResourcesFileSchema = z
  .object({
    ...knowledgeFileHeader,
    resources: z.array(crisisResourceSchema).min(1),
  })
  .strict()
  .superRefine(uniqueIdsIn("resources"));

export type CrisisResourcesFile = z.infer<typeof crisisResourcesFileSchema>;
