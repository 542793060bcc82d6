import type { InstrumentDefinition } from "../../core/assessment/instrument.ts";
import { findInstrument, loadInstruments } from "../../knowledge/instruments.ts";
import { invalidInput } from "../http/api-error.ts";

/** The instrument an id names, or a 400 naming `field` and listing the known ones. */
export function knownInstrument(id: string, field: string): InstrumentDefinition {
  const instrument = findInstrument(id);
  if (instrument) return instrument;
  const known = loadInstruments()
    .map((i) => i.id)
    .join(", ");
  throw invalidInput([{ field, message: `not a known instrument; known: ${known}` }]);
}
