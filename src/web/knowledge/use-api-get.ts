import { useEffect, useState } from "react";
import { ApiFailure, api } from "../api.ts";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "loaded"; data: T }
  | { state: "failed"; error: ApiFailure };

/** GET a path and follow it as it changes; `null` fetches nothing (and stays loading). */
export function useApiGet<T>(path: string | null): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setResult({ state: "loading" });
    api<T>("GET", path)
      .then((data) => live && setResult({ state: "loaded", data }))
      .catch((e: unknown) => {
        if (!live) return;
        const error =
          e instanceof ApiFailure ? e : new ApiFailure(0, "unknown", (e as Error).message);
        setResult({ state: "failed", error });
      });
    return () => {
      live = false;
    };
  }, [path]);
  return result;
}
