import { useQuery } from "@tanstack/react-query";
import { ApiFailure, api } from "../api.ts";

/**
 * What a GET answered last, for one person, kept for this tab only (sessionStorage: gone when the
 * tab closes), so a page opened without a connection shows the last known plan and doses instead
 * of nothing. Never read for anyone but the person it was kept for.
 */
const PREFIX = "mitra.last.";

export interface LastKnown<T> {
  /** undefined while loading; null when it could not be loaded and nothing is kept. */
  value: T | null | undefined;
  /** When `value` is the kept copy (no connection): the time it was loaded, ISO. */
  keptAt: string | null;
}

function keep(key: string, value: unknown) {
  try {
    sessionStorage.setItem(key, JSON.stringify({ at: new Date().toISOString(), value }));
  } catch {
    // storage full or turned off: nothing kept
  }
}

function kept<T>(key: string): { at: string; value: T } | null {
  try {
    const text = sessionStorage.getItem(key);
    return text === null ? null : (JSON.parse(text) as { at: string; value: T });
  } catch {
    return null;
  }
}

/**
 * GETs `path` (a contract route's path without parameters) for `userId`; without a connection,
 * answers the copy kept from the last load. Asks again each time a page using it opens, when
 * the connection returns, and after the outbox sent kept entries (api-client.ts).
 */
export function useLastKnown<T>(userId: string, path: string): LastKnown<T> {
  const query = useQuery<{ value: T | null; keptAt: string | null }, ApiFailure>({
    queryKey: ["last-known", path, userId],
    queryFn: async () => {
      const key = `${PREFIX}${userId}.${path}`;
      try {
        const value = await api<T>("GET", path);
        keep(key, value);
        return { value, keptAt: null };
      } catch (error) {
        const copy = error instanceof ApiFailure && error.status === 0 ? kept<T>(key) : null;
        return copy ? { value: copy.value, keptAt: copy.at } : { value: null, keptAt: null };
      }
    },
    retry: false,
    staleTime: 0,
  });
  return query.data ?? { value: undefined, keptAt: null };
}

/** Forgets every copy kept in this tab (on signing out: the next person never sees them). */
export function forgetLastKnown(): void {
  try {
    for (const key of Object.keys(sessionStorage)) {
      if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
    }
  } catch {
    // storage turned off: nothing kept
  }
}
