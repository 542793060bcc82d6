import { ApiFailure } from "../api.ts";

/**
 * Public reference data (the substance catalog, the check-in instruments) kept in localStorage
 * from the last time it loaded, so the app can log doses and check-ins when it opens offline.
 * Only knowledge everyone gets alike goes here, never a person's own data.
 */
const PREFIX = "mitra.kept.";

export async function withKeptCopy<T>(name: string, load: () => Promise<T>): Promise<T> {
  try {
    const value = await load();
    try {
      localStorage.setItem(PREFIX + name, JSON.stringify(value));
    } catch {
      // Full or turned off: the app then needs a connection to open this page.
    }
    return value;
  } catch (error) {
    if (!(error instanceof ApiFailure) || error.status !== 0) throw error;
    let kept: string | null = null;
    try {
      kept = localStorage.getItem(PREFIX + name);
    } catch {
      // storage turned off
    }
    if (kept === null) throw error;
    return JSON.parse(kept) as T;
  }
}
