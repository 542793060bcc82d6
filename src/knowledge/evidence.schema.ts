import { z } from "zod";
import {
  EVIDENCE_LEVELS,
  EVIDENCE_TOPICS,
  type EvidenceClaim,
  VERDICTS,
} from "../core/evidence/evidence-claim.ts";
import { isoDate, knowledgeFileHeader, reviewedField, sourcesSchema } from "./citation.schema.ts";
import { uniqueIdsIn } from "./unique-ids.ts";

const text = z.string().trim().min(1);

export const evidenceClaimSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "lower-case slug"),
    topics: z.array(z.enum(EVIDENCE_TOPICS)).min(1),
    claim: text,
    verdict: z.enum(VERDICTS),
    explanation: text,
    evidence_level: z.enum(EVIDENCE_LEVELS),
    sources: sourcesSchema,
    ...reviewedField,
    as_of: isoDate,
    verified: z.boolean(),
    note: text.optional(),
  })
  .strict()
  .refine((c) => c.verified || c.note !== undefined, {
    message: "an unverified claim needs a note saying what to check",
    path: ["note"],
  }) satisfies z.ZodType<EvidenceClaim>;

export const evidenceFileSchema = z
  .object({
    ...knowledgeFileHeader,
    claims: z.array(evidenceClaimSchema).min(1),
  })
  .strict()
  .superRefine(uniqueIdsIn("claims"));

export type EvidenceFile = z.infer<typeof evidenceFileSchema>;
