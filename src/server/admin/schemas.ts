import { z } from "zod";

/** Most accounts one page of the user list returns. */
export const MAX_USERS_PER_PAGE = 200;

const role = z.enum(["patient", "clinician", "admin"]);

export const usersQuery = z
  .object({
    role: role.optional(),
    email: z.string().trim().max(254, "use at most 254 characters").optional(),
    limit: z.coerce.number().int().min(1).max(MAX_USERS_PER_PAGE).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

export const usersResponse = z.object({
  users: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      displayName: z.string().nullable(),
      role,
      createdAt: z.string(),
      lastSignInAt: z.string().nullable(),
    }),
  ),
  /** How many accounts match the filter in all (the page holds at most `limit`). */
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export const overviewResponse = z.object({
  version: z.string(),
  database: z.object({ engine: z.enum(["sqlite", "postgres"]) }),
  users: z.object({
    patient: z.number().int(),
    clinician: z.number().int(),
    admin: z.number().int(),
    total: z.number().int(),
  }),
  /** The same as /api/knowledge/version. */
  knowledge: z.object({
    files: z.array(z.object({ file: z.string(), version: z.string(), as_of: z.string() })),
  }),
  backup: z.object({
    /** What to run to back up this engine's database. */
    command: z.string(),
    advice: z.string(),
  }),
});
