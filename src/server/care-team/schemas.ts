import { z } from "zod";
import { CARE_SCOPES } from "../../db/tables/care-team.ts";

/** Zod schemas of the consent and clinician routes. */

export const careScope = z.enum(CARE_SCOPES);

export const invitationBody = z
  .object({
    scopes: z
      .array(careScope)
      .min(1, { message: "choose at least one thing to share" })
      .max(CARE_SCOPES.length)
      .refine((s) => new Set(s).size === s.length, { message: "each scope once" }),
    maySetPlans: z.boolean().default(false),
  })
  .strict();

export const invitationCreated = z.object({
  id: z.string(),
  /** Shown once: Mitra keeps only its hash. */
  code: z.string(),
  expiresAt: z.string(),
  scopes: z.array(careScope),
  maySetPlans: z.boolean(),
});

export const pendingInvitation = z.object({
  id: z.string(),
  scopes: z.array(careScope),
  maySetPlans: z.boolean(),
  createdAt: z.string(),
  expiresAt: z.string(),
});

export const pendingInvitations = z.object({ invitations: z.array(pendingInvitation) });

export const joinBody = z
  .object({ code: z.string().min(1, { message: "type the code the patient gave you" }).max(32) })
  .strict();

const personView = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string().nullable(),
});

export const linkView = z.object({
  id: z.string(),
  scopes: z.array(careScope),
  maySetPlans: z.boolean(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** The other side: the clinician for the person, the person for the clinician. */
  person: personView,
});
export type LinkView = z.infer<typeof linkView>;

export const joinResponse = z.object({ link: linkView });
export const linksResponse = z.object({ links: z.array(linkView) });
export const linksQuery = z.object({ include: z.enum(["live", "all"]).default("live") }).strict();

export const idParams = z.object({ id: z.uuid({ message: "not a valid id" }) }).strict();

export const noteBody = z
  .object({
    id: z.uuid({ message: "a uuid made by the client (crypto.randomUUID())" }),
    body: z
      .string()
      .trim()
      .min(1, { message: "write something" })
      .max(10_000, { message: "at most 10,000 characters" }),
  })
  .strict();

export const noteView = z.object({
  id: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export const noteResponse = z.object({ note: noteView });
export const notesResponse = z.object({ notes: z.array(noteView) });
