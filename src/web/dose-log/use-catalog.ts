import { useEffect, useState } from "react";
import { api } from "../api.ts";
import { withKeptCopy } from "../offline/kept-copy.ts";
import type { Catalog } from "./types.ts";

let catalog: Promise<Catalog> | undefined;

/**
 * The substance catalog (GET /api/substances), fetched once per page load; without a connection,
 * the copy kept from the last load.
 */
export function loadCatalog(): Promise<Catalog> {
  catalog ??= withKeptCopy("substances", () => api<Catalog>("GET", "/api/substances")).catch(
    (error) => {
      catalog = undefined;
      throw error;
    },
  );
  return catalog;
}

/** undefined while loading, null when it could not be loaded. */
export function useCatalog(): Catalog | null | undefined {
  const [value, setValue] = useState<Catalog | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadCatalog().then(
      (c) => live && setValue(c),
      () => live && setValue(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return value;
}
