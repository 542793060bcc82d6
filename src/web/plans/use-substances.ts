import { useEffect, useState } from "react";
import { api } from "../api.ts";

/** A substance a plan can be for, from the catalog (GET /api/substances). */
export interface SubstanceChoice {
  id: string;
  name: string;
  units: string[];
}

interface CatalogResponse {
  substances: SubstanceChoice[];
}

let catalog: Promise<SubstanceChoice[] | null> | undefined;

/** The catalog once per page load; null when it cannot be had (the form then takes an id). */
function loadCatalog(): Promise<SubstanceChoice[] | null> {
  catalog ??= api<CatalogResponse>("GET", "/api/substances")
    .then((r) => r.substances.map((s) => ({ id: s.id, name: s.name, units: s.units })))
    .catch(() => {
      catalog = undefined;
      return null;
    });
  return catalog;
}

/** undefined while loading, null when there is no catalog. */
export function useSubstances(): SubstanceChoice[] | null | undefined {
  const [substances, setSubstances] = useState<SubstanceChoice[] | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadCatalog().then((s) => live && setSubstances(s));
    return () => {
      live = false;
    };
  }, []);
  return substances;
}

/** The display name of a substance id (the id itself when the catalog does not list it). */
export function substanceName(
  substances: readonly SubstanceChoice[] | null | undefined,
  id: string | undefined,
): string {
  if (id === undefined) return "a product";
  return substances?.find((s) => s.id === id)?.name ?? id;
}
