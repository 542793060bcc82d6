import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import type { TriageLevel } from "../../core/triage/ranking.ts";
import { TextField } from "../components/TextField.tsx";
import { readTableParams, type TableParams, tableSearch } from "./table-params.ts";

/**
 * Saved filters of the patient table: Mitra's presets, and the clinician's own views kept in
 * this browser (localStorage, per account). A saved view keeps filters and order, never the
 * search text, so no patient's name is stored on the device.
 */

interface SavedView {
  name: string;
  search: string;
}

const PRESETS: { name: string; search: string; count?: (l: Levels) => number }[] = [
  { name: "All patients", search: "" },
  {
    name: "Needs attention",
    search: "?level=attention",
    count: (l) => l.urgent + l.high + l.watch,
  },
  { name: "Urgent", search: "?level=urgent", count: (l) => l.urgent },
  { name: "No check-in 3 days", search: "?quiet=3" },
];

type Levels = Record<TriageLevel, number>;

const storageKey = (userId: string) => `mitra.patient-views.${userId}`;

function loadViews(userId: string): SavedView[] {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey(userId)) ?? "[]");
    return Array.isArray(stored)
      ? stored.filter(
          (v): v is SavedView => typeof v?.name === "string" && typeof v?.search === "string",
        )
      : [];
  } catch {
    return [];
  }
}

/** A view's filters and order (no search text, no page). */
const viewOf = (params: TableParams) => tableSearch({ ...params, q: "", page: 1 });
const sameView = (search: string, params: TableParams) =>
  viewOf(readTableParams(new URLSearchParams(search))) === viewOf(params);

export function SavedViews({
  params,
  levels,
  userId,
}: {
  params: TableParams;
  levels: Levels | null;
  userId: string;
}) {
  const [views, setViews] = useState(() => loadViews(userId));
  const [name, setName] = useState("");
  const [message, setMessage] = useState("");

  function store(next: SavedView[]) {
    setViews(next);
    try {
      localStorage.setItem(storageKey(userId), JSON.stringify(next));
    } catch {
      // Storage full or refused: the views last until the page is left.
    }
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    store([...views.filter((v) => v.name !== trimmed), { name: trimmed, search: viewOf(params) }]);
    setName("");
    setMessage(`Saved "${trimmed}".`);
  }

  const link = (view: { name: string; search: string }, count?: number) => (
    <Link
      to={`/patients${view.search}`}
      className="view-link"
      aria-current={sameView(view.search, params) ? "true" : undefined}
    >
      {view.name}
      {count !== undefined && <span className="view-count"> ({count})</span>}
    </Link>
  );

  return (
    <nav aria-labelledby="views-heading" className="saved-views">
      <h3 id="views-heading" className="visually-hidden">
        Saved filters
      </h3>
      <ul className="view-list">
        {PRESETS.map((preset) => (
          <li key={preset.name}>{link(preset, levels ? preset.count?.(levels) : undefined)}</li>
        ))}
        {views.map((view) => (
          <li key={view.name} className="own-view">
            {link(view)}
            <button
              type="button"
              className="link-button"
              aria-label={`Remove saved filter ${view.name}`}
              onClick={() => {
                store(views.filter((v) => v !== view));
                setMessage(`Removed "${view.name}".`);
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <details className="save-view">
        <summary>Save this filter</summary>
        <form onSubmit={save} className="save-view-form">
          <TextField
            label="Name of this filter"
            hint="Keeps the level, check-in and order filters (not the search) in this browser."
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={40}
          />
          <button type="submit" className="secondary" disabled={name.trim() === ""}>
            Save filter
          </button>
        </form>
      </details>
      <p role="status" className="visually-hidden">
        {message}
      </p>
    </nav>
  );
}
