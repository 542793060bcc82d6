import { expect } from "vitest";
import { loadInstruments } from "../knowledge/instruments.ts";
import { loadSubstances } from "../knowledge/substances.ts";

/**
 * Words that would be health data in a message leaving Mitra: every substance's name, alias and
 * class, every instrument's name and item label, and whatever a test adds (its notes, scores).
 */
function healthWords(extra: readonly string[]): string[] {
  const words = new Set<string>(extra);
  for (const s of loadSubstances().substances) {
    words.add(s.id);
    words.add(s.name);
    for (const alias of s.aliases ?? []) words.add(alias);
    for (const c of s.classes) words.add(c);
  }
  for (const instrument of loadInstruments()) {
    words.add(instrument.name);
    words.add(instrument.shortName);
    for (const item of instrument.items) words.add(item.shortLabel);
  }
  return [...words].filter((w) => w.length >= 4).map((w) => w.toLowerCase());
}

/** Fails when any of `texts` holds a substance, instrument, symptom, score or note. */
export function expectNoHealthData(texts: readonly string[], extra: readonly string[] = []) {
  const words = healthWords(extra);
  for (const text of texts) {
    const lower = text.toLowerCase();
    const found = words.filter((w) => lower.includes(w));
    expect(found, `health data in: ${text}`).toEqual([]);
  }
}
