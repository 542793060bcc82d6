import { keepPreviousData } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { contract } from "../../api/contract.ts";
import { useRouteQuery } from "../api-client.ts";
import { ColumnHeads } from "../components/ColumnHeads.tsx";
import { formatDateTime, formatDay } from "../components/format-time.ts";
import { TextField } from "../components/TextField.tsx";
import { type DirectoryUser, ROLE_LABELS, type Role, type UserPage } from "./types.ts";

const PAGE_SIZE = 25;

interface Filter {
  email: string;
  role: Role | "";
  offset: number;
}

const queryOf = (filter: Filter) => ({
  limit: PAGE_SIZE,
  offset: filter.offset,
  email: filter.email.trim() || undefined,
  role: filter.role || undefined,
});

function UserRow({ user, timeZone }: { user: DirectoryUser; timeZone: string }) {
  return (
    <tr data-testid="admin-user-row">
      <th scope="row" className="admin-cell-name">
        <span className="admin-user-name">{user.displayName ?? "—"}</span>
        <span className="admin-user-email">{user.email}</span>
        <span className="admin-user-email">joined {formatDay(user.createdAt, timeZone)}</span>
      </th>
      <td>{ROLE_LABELS[user.role]}</td>
      <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt, timeZone) : "Never"}</td>
    </tr>
  );
}

/**
 * The accounts, searched by part of the email and by role, a page at a time. A search runs when
 * submitted, not on every key: each listing is written to the listed people's audit trail.
 */
export function UserDirectory({ timeZone }: { timeZone: string }) {
  const roleId = useId();
  const [draft, setDraft] = useState<{ email: string; role: Role | "" }>({ email: "", role: "" });
  const [filter, setFilter] = useState<Filter>({ email: "", role: "", offset: 0 });
  const listing = useRouteQuery(
    contract.listUsers,
    { query: queryOf(filter) },
    { placeholderData: keepPreviousData },
  );
  // The last answer stays on screen while the next page loads.
  const page: UserPage | null = listing.data ?? null;
  const failure = listing.error;
  const busy = listing.isFetching;

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = { ...draft, offset: 0 };
    // The same search again asks again (each listing is audited), as a new one would.
    if (next.email === filter.email && next.role === filter.role && filter.offset === 0) {
      void listing.refetch();
    } else {
      setFilter(next);
    }
  }

  const first = page && page.total > 0 ? page.offset + 1 : 0;
  const last = page ? page.offset + page.users.length : 0;
  const searched = filter.email.trim() || filter.role;
  const summary = !page
    ? ""
    : page.total === 0
      ? searched
        ? "No account matches."
        : "No accounts yet."
      : `Accounts ${first}–${last} of ${page.total}${searched ? " matching" : ""}.`;

  return (
    <section className="card" aria-labelledby="admin-users-heading">
      <h2 id="admin-users-heading">Users</h2>
      <form className="admin-search" onSubmit={search} aria-label="Find accounts">
        <TextField
          label="Email contains"
          type="search"
          name="email"
          value={draft.email}
          onChange={(e) => setDraft({ ...draft, email: e.target.value })}
          autoComplete="off"
          spellCheck={false}
          error={failure?.fieldMessage("email")}
        />
        <div className="field">
          <label htmlFor={roleId}>Role</label>
          <select
            id={roleId}
            value={draft.role}
            onChange={(e) => setDraft({ ...draft, role: e.target.value as Role | "" })}
          >
            <option value="">Any role</option>
            {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          Search
        </button>
      </form>
      <p className="small muted">
        Each search is recorded in the audit log of the people it lists.
      </p>
      <div role="alert">
        {failure && !failure.fieldMessage("email") && (
          <p className="form-error">{failure.message}</p>
        )}
      </div>
      <p role="status" aria-live="polite" className="admin-summary">
        {busy && !page ? "Loading…" : summary}
      </p>
      {page && page.users.length > 0 && (
        <div className="table-scroll">
          <table className="plan-table admin-table" data-testid="admin-users">
            <caption className="visually-hidden">{summary}</caption>
            <ColumnHeads columns={["Account", "Role", "Last sign-in"]} />
            <tbody>
              {page.users.map((u) => (
                <UserRow key={u.id} user={u} timeZone={timeZone} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && page.total > PAGE_SIZE && (
        <nav className="admin-pager" aria-label="Pages of accounts">
          <button
            type="button"
            className="secondary"
            disabled={busy || page.offset === 0}
            onClick={() => setFilter({ ...filter, offset: Math.max(0, page.offset - PAGE_SIZE) })}
          >
            Previous
          </button>
          <button
            type="button"
            className="secondary"
            disabled={busy || last >= page.total}
            onClick={() => setFilter({ ...filter, offset: page.offset + PAGE_SIZE })}
          >
            Next
          </button>
        </nav>
      )}
    </section>
  );
}
