import type { z } from "zod";

/**
 * A file-level refinement: every record in `file[list]` has an id no other record there has.
 * Reports each repeat at `[list, index, "id"]`.
 */
export function uniqueIdsIn<K extends string>(list: K) {
  return (file: Record<K, readonly { id: string }[]>, ctx: z.RefinementCtx): void => {
    const seen = new Set<string>();
    file[list].forEach(({ id }, i) => {
      if (seen.has(id)) {
        ctx.addIssue({ code: "custom", path: [list, i, "id"], message: `duplicate ${id}` });
      }
      seen.add(id);
    });
  };
}
