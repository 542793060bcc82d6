/** A failure a client can act on; sent as `{ error: { code, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export interface FieldIssue {
  /** Where the problem is: `body.email`, `query.from`, `answers.q3`. */
  field: string;
  message: string;
}

/** 400 naming each field that is wrong. */
export function invalidInput(issues: FieldIssue[], message?: string): ApiError {
  const first = issues[0];
  return new ApiError(
    400,
    "invalid_input",
    message ?? (first ? `${first.field}: ${first.message}` : "The request is not valid"),
    { fields: issues },
  );
}

export const notFound = (what = "That") => new ApiError(404, "not_found", `${what} was not found`);
export const unauthenticated = () =>
  new ApiError(401, "unauthenticated", "Please sign in to continue");
