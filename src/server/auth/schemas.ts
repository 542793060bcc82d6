import { z } from "zod";
import { isValidTimeZone } from "../../core/zoned-time.ts";

export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, { message: "not a known time zone (use a name like Europe/Berlin)" });

export const emailSchema = z
  .email({ message: "enter an email address like name@example.org" })
  .max(254)
  .transform((e) => e.toLowerCase());

export const registerBody = z
  .object({
    email: emailSchema,
    password: z.string().max(200, "use at most 200 characters"),
    role: z.enum(["patient", "clinician"]),
    displayName: z.string().trim().min(1).max(80).optional(),
    timeZone: timeZoneSchema.optional(),
  })
  .strict();

export const loginBody = z
  .object({
    email: z
      .string()
      .max(254)
      .transform((e) => e.trim().toLowerCase()),
    password: z.string().max(200),
  })
  .strict();

export const publicUser = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(["patient", "clinician", "admin"]),
  displayName: z.string().nullable(),
  timeZone: z.string(),
  jurisdiction: z.string().nullable(),
});

export const sessionResponse = z.object({ user: publicUser, csrfToken: z.string() });

export const profilePatch = z
  .object({
    displayName: z.string().trim().min(1).max(80).nullable().optional(),
    timeZone: timeZoneSchema.optional(),
    jurisdiction: z
      .string()
      .regex(/^[A-Z]{2}(-[A-Z0-9]{1,12}){0,2}$/, "a code like US, US-FL or TH")
      .nullable()
      .optional(),
  })
  .strict();
