import data from "./data/tripsit-combos.json" with { type: "json" };
import { deepFreeze } from "./deep-freeze.ts";
import { type RatedLayerFile, ratedLayerFileSchema } from "./rated-layer.schema.ts";

let file: RatedLayerFile | undefined;

/** TripSit's ratings for the catalog, validated on first call and frozen (throws if invalid). */
export function loadTripsitCombos(): RatedLayerFile {
  if (file === undefined) file = deepFreeze(ratedLayerFileSchema.parse(data));
  return file;
}
