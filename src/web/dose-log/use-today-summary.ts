import { useEffect, useState } from "react";
import { api } from "../api.ts";
import { useOutboxSent } from "../offline/use-outbox-sent.ts";
import type { TodaySummary } from "./types.ts";

let inflight: Promise<TodaySummary> | undefined;

/** One GET /api/today shared by the cards that mount together; a new visit asks again. */
function fetchToday(): Promise<TodaySummary> {
  if (!inflight) {
    inflight = api<TodaySummary>("GET", "/api/today").finally(() => {
      setTimeout(() => {
        inflight = undefined;
      }, 0);
    });
  }
  return inflight;
}

/** undefined while loading, null when it could not be loaded. */
export function useTodaySummary(): TodaySummary | null | undefined {
  const [summary, setSummary] = useState<TodaySummary | null | undefined>(undefined);
  const sent = useOutboxSent();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `sent` asks again after the outbox sent doses
  useEffect(() => {
    let live = true;
    fetchToday().then(
      (s) => live && setSummary(s),
      () => live && setSummary(null),
    );
    return () => {
      live = false;
    };
  }, [sent]);
  return summary;
}
