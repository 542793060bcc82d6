import { useEffect, useState } from "react";
import { ApiFailure, api } from "../api.ts";

export interface Listing<T> {
  /** The last answer that arrived, kept on screen while the next one loads or if it fails. */
  data: T | null;
  failure: ApiFailure | null;
  busy: boolean;
}

/**
 * GETs `pathFor(query)` each time `query` changes (by identity: setting an equal query again
 * loads again), for the administrator's paged lists. `pathFor` must not change between renders.
 */
export function useListing<Q, T>(query: Q, pathFor: (query: Q) => string): Listing<T> {
  const [data, setData] = useState<T | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: pathFor is a module-level function
  useEffect(() => {
    let live = true;
    setBusy(true);
    api<T>("GET", pathFor(query))
      .then((answer) => {
        if (!live) return;
        setData(answer);
        setFailure(null);
      })
      .catch((error: unknown) => {
        if (!live) return;
        setFailure(
          error instanceof ApiFailure ? error : new ApiFailure(0, "unknown", String(error)),
        );
      })
      .finally(() => live && setBusy(false));
    return () => {
      live = false;
    };
  }, [query]);

  return { data, failure, busy };
}
