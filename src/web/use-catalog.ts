import { contract } from "../api/contract.ts";
import type { RouteOutput } from "../api/define.ts";
import { fetchRoute, useRouteQuery } from "./api-client.ts";

/**
 * The substance catalog (public reference data, shared by the dose log, plans, progress and the
 * clinician's views). It changes only with a release, so it is read once per page load; without
 * a connection, the copy kept from the last load answers.
 */

export type Catalog = RouteOutput<typeof contract.getCatalog>;
/** A substance of the catalog (what a plan or a dose is for). */
export type CatalogSubstance = Catalog["substances"][number];

const KEPT_AS = "substances";

/** undefined while loading, null when it could not be loaded. */
export function useCatalog(): Catalog | null | undefined {
  const read = useRouteQuery(contract.getCatalog, undefined, {
    keptAs: KEPT_AS,
    staleTime: Number.POSITIVE_INFINITY,
  });
  return read.isError ? null : read.data;
}

/** The catalog for a loader outside a component (same cache as `useCatalog`). */
export function loadCatalog(): Promise<Catalog> {
  return fetchRoute(contract.getCatalog, undefined, KEPT_AS);
}

/** The display name of a substance id (the id itself when the catalog does not list it). */
export function substanceName(
  substances: readonly CatalogSubstance[] | null | undefined,
  id: string | undefined,
): string {
  if (id === undefined) return "a product";
  return substances?.find((s) => s.id === id)?.name ?? id;
}
