import { useEffect, useState } from "react";
import { ApiFailure, api } from "../api.ts";
import { useOutboxSent } from "./use-outbox-sent.ts";

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
 * GETs `path` for `userId`; without a connection, answers the copy kept from the last load.
 * Loads again when the connection returns and after the outbox sent kept entries.
 */
export function useLastKnown<T>(userId: string, path: string): LastKnown<T> {
  const [state, setState] = useState<LastKnown<T>>({ value: undefined, keptAt: null });
  const [online, setOnline] = useState(0);
  const sent = useOutboxSent();

  useEffect(() => {
    const back = () => setOnline((n) => n + 1);
    window.addEventListener("online", back);
    return () => window.removeEventListener("online", back);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `online` and `sent` ask again
  useEffect(() => {
    let live = true;
    const key = `${PREFIX}${userId}.${path}`;
    api<T>("GET", path).then(
      (value) => {
        keep(key, value);
        if (live) setState({ value, keptAt: null });
      },
      (error: unknown) => {
        if (!live) return;
        const copy = error instanceof ApiFailure && error.status === 0 ? kept<T>(key) : null;
        setState(copy ? { value: copy.value, keptAt: copy.at } : { value: null, keptAt: null });
      },
    );
    return () => {
      live = false;
    };
  }, [userId, path, online, sent]);

  return state;
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
