import type { Citation } from "../citation.ts";
import type { MarketingNameNote } from "./coa-limits.ts";

export interface StrainNameNote {
  /** The terms found in the product name, as the data spells them. */
  matched: string[];
  message: string;
  sources: Citation[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * When a product name uses a strain or vein-colour name (Maeng Da, Bali, red vein...), the note
 * explaining that these are marketing names; undefined when it uses none. Terms match as whole
 * words, case-insensitively; a term inside a longer matched phrase ("red" in "red vein") is not
 * listed twice.
 */
export function strainNameNote(
  note: MarketingNameNote,
  productName: string,
): StrainNameNote | undefined {
  const matched = note.terms.filter((term) => {
    const words = term.trim().split(/\s+/).map(escapeRegExp).join("[\\s-]+");
    return new RegExp(`(^|[^\\p{L}\\p{N}])${words}(?=$|[^\\p{L}\\p{N}])`, "iu").test(productName);
  });
  const distinct = matched.filter(
    (term) =>
      !matched.some(
        (other) => other !== term && other.toLowerCase().split(/\s+/).includes(term.toLowerCase()),
      ),
  );
  if (distinct.length === 0) return undefined;
  return { matched: distinct, message: note.message, sources: note.sources };
}
