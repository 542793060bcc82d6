import { z } from "zod";
import {
  INTERACTION_LEVELS,
  type InteractionLevel,
  type RatedLayer,
} from "../core/safety/types.ts";
import { knowledgeFileHeader, sourcesSchema } from "./citation.schema.ts";
import { matcherSchema, slugSchema, textSchema } from "./safety-common.schema.ts";

/**
 * Schema of src/knowledge/data/tripsit-combos.json: TripSit's combination ratings (statuses only,
 * as TripSit publishes them in combos.json at a named commit) for the TripSit drugs and classes
 * that Mitra's catalog holds, which catalog substances each one covers, Mitra's own words for
 * each level, and the pairs where Mitra rates lower than TripSit with the reason.
 */

/** TripSit's statuses and the level each is on Mitra's scale. */
export const TRIPSIT_STATUS_LEVELS: Record<string, InteractionLevel> = {
  Dangerous: "dangerous",
  Unsafe: "unsafe",
  Caution: "caution",
  "Low Risk & Synergy": "low-risk",
  "Low Risk & No Synergy": "low-risk",
  "Low Risk & Decrease": "low-risk",
};

const statusSchema = z.enum(Object.keys(TRIPSIT_STATUS_LEVELS) as [string, ...string[]]);

const groupSchema = z
  .object({
    id: slugSchema,
    /** The drug or class key in TripSit's combos.json (e.g. "ghb/gbl"). */
    tripsit: z.string().min(1),
    name: textSchema,
    matcher: matcherSchema,
    note: textSchema.optional(),
  })
  .strict();

const levelTextSchema = z
  .object({ title: textSchema, message: textSchema, action: textSchema })
  .strict();

const disagreementSchema = z
  .object({ a: slugSchema, b: slugSchema, reason: textSchema, sources: sourcesSchema })
  .strict();

export const ratedLayerFileSchema = z
  .object({
    ...knowledgeFileHeader,
    by: textSchema,
    commit: z.string().regex(/^[0-9a-f]{7,40}$/, "the commit the ratings were read at"),
    sources: sourcesSchema,
    groups: z.array(groupSchema).min(1),
    /** combos[tripsitKey][otherTripsitKey] = TripSit's status, both directions as published. */
    combos: z.record(z.string(), z.record(z.string(), statusSchema)),
    texts: z.object(
      Object.fromEntries(INTERACTION_LEVELS.map((l) => [l, levelTextSchema])) as Record<
        InteractionLevel,
        typeof levelTextSchema
      >,
    ),
    disagreements: z.array(disagreementSchema),
  })
  .strict()
  .superRefine((file, ctx) => {
    const keys = new Set(file.groups.map((g) => g.tripsit));
    const ids = new Set(file.groups.map((g) => g.id));
    for (const [a, row] of Object.entries(file.combos)) {
      if (!keys.has(a)) {
        ctx.addIssue({ code: "custom", path: ["combos", a], message: `no group for ${a}` });
      }
      for (const [b, status] of Object.entries(row)) {
        if (!keys.has(b)) {
          ctx.addIssue({ code: "custom", path: ["combos", a, b], message: `no group for ${b}` });
        }
        const back = file.combos[b]?.[a];
        if (back !== undefined && TRIPSIT_STATUS_LEVELS[back] !== TRIPSIT_STATUS_LEVELS[status]) {
          ctx.addIssue({
            code: "custom",
            path: ["combos", a, b],
            message: `${a}-${b} is ${status} one way and ${back} the other`,
          });
        }
      }
    }
    file.disagreements.forEach((d, i) => {
      for (const side of ["a", "b"] as const) {
        if (!ids.has(d[side])) {
          ctx.addIssue({
            code: "custom",
            path: ["disagreements", i, side],
            message: `no group ${d[side]}`,
          });
        }
      }
    });
  });

export type RatedLayerFile = z.infer<typeof ratedLayerFileSchema>;

/** The file as the engine's rated layer: one rating per unordered pair of groups. */
export function ratedLayerOf(file: RatedLayerFile): RatedLayer {
  const idOf = new Map(file.groups.map((g) => [g.tripsit, g.id]));
  const ratings: RatedLayer["ratings"] = [];
  const seen = new Set<string>();
  for (const [a, row] of Object.entries(file.combos)) {
    for (const [b, status] of Object.entries(row)) {
      const ga = idOf.get(a);
      const gb = idOf.get(b);
      const level = TRIPSIT_STATUS_LEVELS[status];
      if (ga === undefined || gb === undefined || level === undefined) continue;
      const key = ga < gb ? `${ga}|${gb}` : `${gb}|${ga}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ratings.push({ a: ga, b: gb, level });
    }
  }
  return {
    by: file.by,
    sources: file.sources,
    groups: file.groups.map((g) => ({ id: g.id, name: g.name, matcher: g.matcher })),
    ratings,
    texts: file.texts,
    disagreements: file.disagreements,
  };
}
