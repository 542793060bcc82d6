import { z } from "zod";
import { APPROVAL_SETTINGS, APPROVAL_STATES } from "../core/accounts/clinician-approval.ts";
import { ROLES, route } from "./define.ts";

/** Most accounts one page of the user list returns. */
const MAX_USERS_PER_PAGE = 200;

const role = z.enum(ROLES);

const usersQuery = z
  .object({
    role: role.optional(),
    email: z.string().trim().max(254, "use at most 254 characters").optional(),
    limit: z.coerce.number().int().min(1).max(MAX_USERS_PER_PAGE).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();

const usersResponse = z.object({
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

const overviewResponse = z.object({
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
  /** MITRA_CLINICIAN_APPROVAL and how many clinicians wait for approval now. */
  clinicianApproval: z.object({
    setting: z.enum(APPROVAL_SETTINGS),
    pending: z.number().int(),
  }),
  backup: z.object({
    /** What to run to back up this engine's database. */
    command: z.string(),
    advice: z.string(),
  }),
});

const idParams = z.object({ id: z.string().max(64) }).strict();

const accountPatch = z
  .object({
    disabled: z.boolean().optional(),
    role: role.optional(),
  })
  .strict()
  .refine((b) => b.disabled !== undefined || b.role !== undefined, {
    message: "give disabled, role or both",
  });

const accountView = z.object({
  id: z.string(),
  email: z.string(),
  role,
  disabled: z.boolean(),
  approval: z.enum(APPROVAL_STATES).nullable(),
});

const pendingClinicians = z.object({
  /** Oldest first: who has waited longest. Refused (disabled) accounts are not listed. */
  clinicians: z.array(
    z.object({
      id: z.string(),
      email: z.string(),
      displayName: z.string().nullable(),
      /** As the clinician entered it: Mitra does not check it. */
      licence: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

const clinicianDecision = z
  .object({
    /** `approve` lets the clinician see the records of people who link to them (and enables the
     * account if it was disabled); `refuse` disables the account and ends its sessions. */
    decision: z.enum(["approve", "refuse"]),
  })
  .strict();

const resetCodeResponse = z.object({
  /** Shown once: only its hash is stored. */
  code: z.string(),
  expiresAt: z.string(),
});

/**
 * The administrator's pages: the accounts and their control (disable, role, reset code), and an
 * overview of the installation. The audit log is in audit.ts. Administrators only; the role is
 * checked before the request is validated, so nobody else learns anything from a 400.
 */
export const adminRoutes = {
  listUsers: route({
    method: "GET",
    path: "/api/admin/users",
    tag: "admin",
    summary: "Accounts, newest first, by role or part of the email; each listing is audited",
    access: ["admin"],
    query: usersQuery,
    responses: { 200: usersResponse },
  }),
  getAdminOverview: route({
    method: "GET",
    path: "/api/admin/overview",
    tag: "admin",
    summary: "Accounts by role, database engine, Mitra and knowledge versions, backup advice",
    access: ["admin"],
    responses: { 200: overviewResponse },
  }),
  updateUser: route({
    method: "PATCH",
    path: "/api/admin/users/:id",
    tag: "admin",
    summary: "Disable or re-enable an account, or change its role (audited)",
    access: ["admin"],
    params: idParams,
    body: accountPatch,
    responses: { 200: z.object({ user: accountView }) },
  }),
  listPendingClinicians: route({
    method: "GET",
    path: "/api/admin/clinicians/pending",
    tag: "admin",
    summary: "Clinicians waiting for approval, with the licence or role they entered (audited)",
    access: ["admin"],
    responses: { 200: pendingClinicians },
  }),
  decideClinician: route({
    method: "POST",
    path: "/api/admin/clinicians/:id/decision",
    tag: "admin",
    summary: "Approve a clinician account, or refuse it (disables it); audited",
    access: ["admin"],
    params: idParams,
    body: clinicianDecision,
    responses: { 200: z.object({ user: accountView }) },
  }),
  issueResetCode: route({
    method: "POST",
    path: "/api/admin/users/:id/reset-code",
    tag: "admin",
    summary: "Issue a one-time password reset code (shown once, audited, expires in 24 h)",
    access: ["admin"],
    params: idParams,
    responses: { 201: resetCodeResponse },
  }),
};
