import { z } from "zod";
import { APPROVAL_STATES, LICENCE_MAX_LENGTH } from "../core/accounts/clinician-approval.ts";
import { isValidTimeZone } from "../core/zoned-time.ts";
import { ROLES, route } from "./define.ts";

/** A place as ISO 3166 with Mitra's sub-codes: US, US-FL, US-FL-MIAMI-DADE. */
export const jurisdictionCode = z
  .string()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,12}){0,2}$/, "a code like US, US-FL or TH");

export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, { message: "not a known time zone (use a name like Europe/Berlin)" });

export const emailSchema = z
  .email({ message: "enter an email address like name@example.org" })
  .max(254)
  .transform((e) => e.toLowerCase());

const registerBody = z
  .object({
    email: emailSchema,
    password: z.string().max(200, "use at most 200 characters"),
    role: z.enum(["patient", "clinician"]),
    displayName: z.string().trim().min(1).max(80).optional(),
    timeZone: timeZoneSchema.optional(),
    /** A clinician's licence or role, shown as entered (unverified until an administrator approves). */
    licence: z
      .string()
      .trim()
      .max(LICENCE_MAX_LENGTH, `use at most ${LICENCE_MAX_LENGTH} characters`)
      .optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.role === "clinician" && !body.licence) {
      ctx.addIssue({
        code: "custom",
        path: ["licence"],
        message: "enter your licence or role, e.g. RN, licence 12345 (Oregon)",
      });
    }
    if (body.role === "patient" && body.licence !== undefined) {
      ctx.addIssue({ code: "custom", path: ["licence"], message: "only clinicians give one" });
    }
  });

const signInEmail = z
  .string()
  .max(254)
  .transform((e) => e.trim().toLowerCase());

const loginBody = z.object({ email: signInEmail, password: z.string().max(200) }).strict();

const publicUser = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  displayName: z.string().nullable(),
  timeZone: z.string(),
  jurisdiction: z.string().nullable(),
  /** A clinician's licence or role as entered; null for other accounts. */
  licence: z.string().nullable(),
  /** A clinician's standing: `pending` sees no patient records yet; null for other accounts. */
  approval: z.enum(APPROVAL_STATES).nullable(),
});

const sessionResponse = z.object({ user: publicUser, csrfToken: z.string() });

const profilePatch = z
  .object({
    displayName: z.string().trim().min(1).max(80).nullable().optional(),
    timeZone: timeZoneSchema.optional(),
    jurisdiction: jurisdictionCode.nullable().optional(),
  })
  .strict();

const changePasswordBody = z
  .object({
    currentPassword: z.string().min(1, { message: "enter your current password" }).max(200),
    newPassword: z.string().max(200, "use at most 200 characters"),
  })
  .strict();

const resetPasswordBody = z
  .object({
    email: signInEmail,
    code: z.string().max(40),
    newPassword: z.string().max(200, "use at most 200 characters"),
  })
  .strict();

const sessionsEnded = z.object({ sessionsEnded: z.number().int() });

const forgotPasswordBody = z.object({ email: signInEmail }).strict();

const deleteAccountBody = z
  .object({ password: z.string().min(1, { message: "enter your password" }).max(1024) })
  .strict();

/** Accounts and sessions: signing up and in, one's own account, password and deletion. */
export const authRoutes = {
  register: route({
    method: "POST",
    path: "/api/auth/register",
    tag: "auth",
    summary: "Create an account and sign in",
    access: "public",
    body: registerBody,
    responses: { 201: sessionResponse },
  }),
  login: route({
    method: "POST",
    path: "/api/auth/login",
    tag: "auth",
    summary: "Sign in",
    access: "public",
    body: loginBody,
    responses: { 200: sessionResponse },
  }),
  logout: route({
    method: "POST",
    path: "/api/auth/logout",
    tag: "auth",
    summary: "Sign out",
    access: "signedIn",
    responses: { 204: null },
  }),
  getMe: route({
    method: "GET",
    path: "/api/me",
    tag: "auth",
    summary: "The signed-in person",
    access: "signedIn",
    responses: { 200: sessionResponse },
  }),
  getDeviceKey: route({
    method: "GET",
    path: "/api/me/device-key",
    tag: "auth",
    summary: "The key this person's entries kept offline are sealed with on a device",
    access: "signedIn",
    responses: { 200: z.object({ key: z.string().length(43) }) },
  }),
  updateMe: route({
    method: "PATCH",
    path: "/api/me",
    tag: "auth",
    summary: "Change name, time zone or jurisdiction",
    access: "signedIn",
    body: profilePatch,
    responses: { 200: sessionResponse },
  }),
  changePassword: route({
    method: "POST",
    path: "/api/me/password",
    tag: "auth",
    summary: "Change one's password (current one required); ends every other session",
    access: "signedIn",
    body: changePasswordBody,
    responses: { 200: sessionsEnded },
  }),
  logoutEverywhere: route({
    method: "POST",
    path: "/api/auth/logout-everywhere",
    tag: "auth",
    summary: "Sign out on every device, this one included",
    access: "signedIn",
    responses: { 200: sessionsEnded },
  }),
  forgotPassword: route({
    method: "POST",
    path: "/api/auth/forgot-password",
    tag: "auth",
    summary: "E-mail a one-time reset code to this address if it has an account (always 202)",
    access: "public",
    body: forgotPasswordBody,
    responses: { 202: null },
  }),
  resetPassword: route({
    method: "POST",
    path: "/api/auth/reset-password",
    tag: "auth",
    summary: "Set a new password with a one-time code from an administrator",
    access: "public",
    body: resetPasswordBody,
    responses: { 200: sessionsEnded },
  }),
  deleteAccount: route({
    method: "DELETE",
    path: "/api/me",
    tag: "auth",
    summary: "Delete one's account and everything in it (password required)",
    access: "signedIn",
    body: deleteAccountBody,
    responses: { 204: null },
  }),
};
