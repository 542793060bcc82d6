import type { InstrumentDefinition } from "../core/assessment/instrument.ts";
import data from "./data/instruments.json" with { type: "json" };
import { deepFreeze } from "./deep-freeze.ts";
import { instrumentsFileSchema } from "./instruments.schema.ts";

let instruments: InstrumentDefinition[] | undefined;

/**
 * The assessment instruments (COWS, SOWS, SOWS-Gossop, quick check, red flags), validated against
 * their schema on first call and frozen; later calls return the same array. Throws a ZodError if
 * the data file is invalid: the knowledge base is broken and Mitra must not start.
 */
export function loadInstruments(): InstrumentDefinition[] {
  if (instruments === undefined) {
    instruments = deepFreeze(instrumentsFileSchema.parse(data).instruments);
  }
  return instruments;
}

/** The instrument with this id, or undefined when there is none. */
export function findInstrument(id: string): InstrumentDefinition | undefined {
  return loadInstruments().find((i) => i.id === id);
}
