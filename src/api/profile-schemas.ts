import { z } from "zod";
import { jurisdictionCode, timeZoneSchema } from "./auth.ts";

/** Zod schemas of the safety profile (its routes: src/api/dose-log.ts). */

export const profileBody = z
  .object({
    conditions: z.array(z.string().max(64)).max(50),
    medicines: z.array(z.string().max(100)).max(100),
    timeZone: timeZoneSchema.optional(),
    jurisdiction: jurisdictionCode.nullable().optional(),
  })
  .strict();

export const profileResponse = z.object({
  conditions: z.array(z.string()),
  medicines: z.array(z.string()),
  timeZone: z.string(),
  jurisdiction: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
