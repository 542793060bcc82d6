import { z } from "zod";
import { SEVERITIES } from "../core/warning.ts";

/** How a source appears in every API answer. */
export const citationView = z.object({
  title: z.string(),
  url: z.string().optional(),
  doi: z.string().optional(),
  date: z.string().optional(),
});

/** How a warning appears in every API answer (core's Warning). */
export const warningView = z.object({
  code: z.string(),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  message: z.string(),
  action: z.string(),
  sources: z.array(citationView),
  evidence: z.array(z.string()).optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
