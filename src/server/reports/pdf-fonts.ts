import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";

/**
 * The fonts the PDF summary embeds: DejaVu Sans, regular and bold (TrueType, from the
 * `dejavu-fonts-ttf` package; Bitstream Vera and Arev licence, which allows embedding). It
 * covers Latin with its extensions, Greek, Cyrillic and many symbols, so names and notes print
 * as written; pdfkit embeds only the glyphs a document uses. What it lacks (CJK, for one) is
 * printed as U+FFFD and listed by code point in the PDF, never dropped silently.
 */

/** Printed in place of a character the embedded fonts do not have. */
export const MISSING_MARK = "\ufffd";

const require = createRequire(import.meta.url);

/**
 * The faces, named by their file: pass them to `doc.font` and as a table cell's `font.src`.
 * Resolved when the module loads (with the first PDF: reports/routes.ts loads it then). A path (not
 * a buffer or a registered name) is what pdfkit caches per document when a table restores the
 * font after each cell; anything else reopens and parses the font for every cell.
 */
export const BODY_FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
export const BOLD_FONT = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");

let shared: Set<number> | undefined;

/** Code points both faces have, so a string prints the same in either. */
function sharedCharacters(): Set<number> {
  if (shared) return shared;
  const [body, ...others] = [BODY_FONT, BOLD_FONT].map((path) => {
    const font = fontkit.create(readFileSync(path));
    if (!("characterSet" in font)) throw new Error(`${path} is not a single TrueType font`);
    return new Set(font.characterSet);
  });
  shared = new Set([...(body ?? [])].filter((c) => others.every((s) => s.has(c))));
  return shared;
}

// Invisible by definition (joiners, variation selectors, bidi marks, control characters other
// than the line feed): dropped, not flagged.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}|(?!\n)\p{Cc}/gu;

/**
 * Prepares text for the embedded fonts and remembers what they could not show: composed to
 * NFC, tabs as spaces, invisible characters dropped, and each character neither face has
 * replaced by MISSING_MARK and added to `missing`.
 */
export class FontCoverage {
  readonly missing = new Set<number>();
  readonly #shared = sharedCharacters();

  printable(text: string): string {
    const clean = text
      .normalize("NFC")
      .replaceAll("\r\n", "\n")
      .replaceAll("\t", " ")
      .replace(INVISIBLE, "");
    let out = "";
    for (const ch of clean) {
      const cp = ch.codePointAt(0) ?? 0;
      if (ch === "\n" || this.#shared.has(cp)) out += ch;
      else {
        this.missing.add(cp);
        out += MISSING_MARK;
      }
    }
    return out;
  }
}

/** The characters of `texts` that the fonts lack, in the order met. */
export function charactersNotInFonts(texts: Iterable<string>): number[] {
  const probe = new FontCoverage();
  for (const t of texts) probe.printable(t);
  return [...probe.missing];
}

/** "U+738B, U+5C0F", the first `limit` code points in the order met, then how many more. */
export function codePointList(codePoints: readonly number[], limit = 24): string {
  const named = codePoints
    .slice(0, limit)
    .map((c) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`);
  const more = codePoints.length - named.length;
  return more > 0 ? `${named.join(", ")} and ${more} more` : named.join(", ");
}
