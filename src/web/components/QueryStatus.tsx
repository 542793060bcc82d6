import { ErrorAlert } from "./ErrorAlert.tsx";

/** A read from the server while it has no data: "Loading…", or why it failed. */
export function QueryStatus({
  query,
}: {
  query: { isPending: boolean; error: { message: string } | null };
}) {
  if (query.isPending) return <p className="loading">Loading…</p>;
  return <ErrorAlert message={query.error?.message} />;
}
