import { contract } from "../../api/contract.ts";
import type { ApiFailure } from "../api.ts";
import { useRouteQuery } from "../api-client.ts";
import type { InstrumentsResponse } from "./types.ts";

/** Kept on the device from the last load, answered without a connection. */
const KEPT_AS = "instruments";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "failed"; error: ApiFailure }
  | { state: "ready"; value: T };

/**
 * The instruments (public knowledge), loaded once per page load; without a connection, the copy
 * kept from the last load.
 */
export function useInstruments(): Loaded<InstrumentsResponse> {
  const query = useRouteQuery(contract.listInstruments, undefined, {
    keptAs: KEPT_AS,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (query.isSuccess) return { state: "ready", value: query.data };
  if (query.isError) return { state: "failed", error: query.error };
  return { state: "loading" };
}
