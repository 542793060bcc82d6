/** The browser's side of Mitra's HTTP API: JSON in and out, CSRF token on writes. */

import { contract } from "../api/contract.ts";

export interface FieldIssue {
  field: string;
  message: string;
}

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
    /** The error's other details, e.g. `current` for an `edit_conflict`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** Any error as an ApiFailure (a lost connection or a bug has no status: 0). */
  static from(error: unknown): ApiFailure {
    return error instanceof ApiFailure ? error : new ApiFailure(0, "unknown", String(error));
  }

  /** The message for one form field (matched on the last part of `body.email`). */
  fieldMessage(name: string): string | undefined {
    return this.fields.find((f) => f.field === name || f.field.endsWith(`.${name}`))?.message;
  }
}

let csrfToken: string | undefined;

export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/**
 * One call to the API. A write refused for a missing or stale CSRF token (as after the app opened
 * offline, before it could ask the server for the session's token) fetches the token from
 * the signed-in person's route (getMe) and is tried once more.
 */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  try {
    return await call<T>(method, path, body, extraHeaders);
  } catch (error) {
    const staleToken = error instanceof ApiFailure && error.status === 403 && error.code === "csrf";
    if (!staleToken || method === "GET") throw error;
    await call(contract.getMe.method, contract.getMe.path);
    return call<T>(method, path, body, extraHeaders);
  }
}

async function call<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  const headers: Record<string, string> = { ...extraHeaders, accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiFailure(0, "offline", "Mitra could not reach the server. Check your connection.");
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const error = data?.error;
    throw new ApiFailure(
      res.status,
      error?.code ?? "unknown",
      error?.message ?? `The server answered ${res.status}`,
      error?.details?.fields ?? [],
      error?.details ?? {},
    );
  }
  if (data && typeof data.csrfToken === "string") csrfToken = data.csrfToken;
  return data as T;
}
