/**
 * Failures of the database itself rather than of a request: a connection that ended (a restart,
 * a failover, an idle-connection reaper), a connection or statement timeout, a database that is
 * locked, full or read-only. The request is fine and can be retried: the API answers 503.
 */
const postgresCodes = new Set([
  "57P01", // admin_shutdown: the backend was terminated
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up or shutting down
  "57014", // query_canceled: statement_timeout
  "25P03", // idle_in_transaction_session_timeout
  "53300", // too_many_connections
]);
const socketCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);
const sqliteCodes = [
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_READONLY",
  "SQLITE_FULL",
  "SQLITE_IOERR",
];
const driverMessages = [
  /^Connection terminated/, // the socket ended, or the connection timeout passed
  /^timeout exceeded when trying to connect/,
  /not queryable/, // a client whose connection already failed
  /^Query read timeout/,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (postgresCodes.has(code) || code.startsWith("08") || socketCodes.has(code)) return true;
    if (sqliteCodes.some((prefix) => code.startsWith(prefix))) return true;
  }
  if (driverMessages.some((pattern) => pattern.test(error.message))) return true;
  return error.cause !== undefined && error.cause !== error && isDatabaseUnavailable(error.cause);
}
