import { useEffect, useState } from "react";
import { ApiFailure, api } from "../api.ts";
import { withKeptCopy } from "../offline/kept-copy.ts";
import type { InstrumentsResponse } from "./types.ts";

let cached: Promise<InstrumentsResponse> | undefined;

/**
 * The instruments, fetched once per page load from GET /api/instruments (public knowledge);
 * without a connection, the copy kept from the last load.
 */
export function fetchInstruments(): Promise<InstrumentsResponse> {
  cached ??= withKeptCopy("instruments", () =>
    api<InstrumentsResponse>("GET", "/api/instruments"),
  ).catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

export type Loaded<T> =
  | { state: "loading" }
  | { state: "failed"; error: ApiFailure }
  | { state: "ready"; value: T };

export function useInstruments(): Loaded<InstrumentsResponse> {
  const [result, setResult] = useState<Loaded<InstrumentsResponse>>({ state: "loading" });
  useEffect(() => {
    let live = true;
    fetchInstruments()
      .then((value) => live && setResult({ state: "ready", value }))
      .catch(
        (error: unknown) =>
          live &&
          setResult({
            state: "failed",
            error:
              error instanceof ApiFailure ? error : new ApiFailure(0, "unknown", String(error)),
          }),
      );
    return () => {
      live = false;
    };
  }, []);
  return result;
}
