import { keepPreviousData } from "@tanstack/react-query";
import { useState } from "react";
import type { AuditEntry } from "../../api/audit.ts";
import { contract } from "../../api/contract.ts";
import { useRouteQuery } from "../api-client.ts";
import { ColumnHeads } from "../components/ColumnHeads.tsx";
import { formatDateTime } from "../components/format-time.ts";

const PAGE_SIZE = 20;

/** Where a page starts: the newest entries, or those after the last one shown. */
type Cursor = { at: string; id: string } | null;

function actorOf(e: AuditEntry): string {
  // A failed sign-in has no actor: whoever typed the password is not known to be the account.
  if (e.actorId === null) return e.action === "login-failed" ? "Someone signing in" : "Mitra";
  return e.actorName ?? e.actorEmail ?? "A deleted account";
}

function whatOf(e: AuditEntry): string {
  const what = e.entity.replaceAll("_", " ");
  const whose =
    e.subjectId === null
      ? ""
      : e.subjectId === e.actorId
        ? " (own)"
        : ` of ${e.subjectName ?? e.subjectEmail ?? "a deleted account"}`;
  return `${e.action} ${what}${whose}`;
}

/** The latest audit entries, a page at a time, newest first. */
export function AuditLogTable({ timeZone }: { timeZone: string }) {
  // The cursors of the pages before this one, so "Newer" can go back.
  const [cursors, setCursors] = useState<Cursor[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const listing = useRouteQuery(
    contract.listAudit,
    { query: { limit: PAGE_SIZE, before: cursor?.at, beforeId: cursor?.id } },
    { placeholderData: keepPreviousData },
  );
  const entries = listing.data?.entries ?? null;
  const failure = listing.error;
  const busy = listing.isFetching;

  const lastShown = entries?.at(-1);
  const pageNumber = cursors.length;
  return (
    <section className="card" aria-labelledby="admin-audit-heading">
      <h2 id="admin-audit-heading">Audit log</h2>
      <p className="small muted">
        Every sign-in, change and read of personal data. Entries are never edited or removed.
      </p>
      <div role="alert">{failure && <p className="form-error">{failure.message}</p>}</div>
      <p role="status" aria-live="polite" className="admin-summary">
        {entries === null
          ? busy
            ? "Loading…"
            : ""
          : entries.length === 0
            ? "No entries."
            : `Page ${pageNumber}: ${entries.length} entries, newest first.`}
      </p>
      {entries && entries.length > 0 && (
        <div className="table-scroll">
          <table className="plan-table admin-table" data-testid="admin-audit">
            <caption className="visually-hidden">
              Audit log, page {pageNumber}, newest first
            </caption>
            <ColumnHeads columns={["When", "Who", "What"]} />
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="admin-audit-row">
                  <td>{formatDateTime(e.at, timeZone)}</td>
                  <td>
                    {actorOf(e)}
                    {e.address && <span className="admin-user-email">{e.address}</span>}
                  </td>
                  <td>{whatOf(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="admin-pager" aria-label="Pages of the audit log">
        <button
          type="button"
          className="secondary"
          disabled={busy || cursors.length === 1}
          onClick={() => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c))}
        >
          Newer
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy || !lastShown || (entries?.length ?? 0) < PAGE_SIZE}
          onClick={() =>
            lastShown && setCursors((c) => [...c, { at: lastShown.at, id: lastShown.id }])
          }
        >
          Older
        </button>
      </nav>
    </section>
  );
}
