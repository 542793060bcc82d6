import { useId, useMemo, useState } from "react";
import { contract } from "../../api/contract.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation } from "../api-client.ts";
import { newClientId } from "../components/client-id.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { Options } from "../components/Options.tsx";
import type { Catalog } from "../use-catalog.ts";
import { type DoseSubject, substanceSubject } from "./subject.ts";
import type { CustomSubstance } from "./types.ts";

const MAX_MATCHES = 8;

function matchesQuery(query: string, names: string[]): boolean {
  const q = query.trim().toLowerCase();
  return q.length > 0 && names.some((n) => n.toLowerCase().includes(q));
}

/**
 * Step one of logging: recent substances and products as big buttons, a search over the whole
 * catalog and one's custom substances, and adding a substance Mitra does not list.
 */
export function SubjectPicker({
  catalog,
  custom,
  quick,
  onPick,
  onCustomAdded,
}: {
  catalog: Catalog;
  custom: readonly CustomSubstance[];
  quick: readonly DoseSubject[];
  onPick: (subject: DoseSubject) => void;
  onCustomAdded: (substance: CustomSubstance) => void;
}) {
  const searchId = useId();
  const [query, setQuery] = useState("");
  const [adding, setAdding] = useState(false);

  const matches = useMemo(() => {
    const all = [
      ...custom.map((c) => ({ id: c.id, names: [c.name] })),
      ...catalog.substances.map((s) => ({ id: s.id, names: [s.name, ...s.aliases] })),
    ];
    return all
      .filter((s) => matchesQuery(query, s.names))
      .slice(0, MAX_MATCHES)
      .map((s) => substanceSubject(catalog, custom, s.id));
  }, [catalog, custom, query]);

  // Nothing logged yet: offer what people using Mitra log most, kratom and magnesium forms.
  const starters = useMemo(
    () =>
      quick.length > 0
        ? []
        : catalog.substances
            .filter((s) => s.classes.includes("kratom") || s.classes.includes("magnesium"))
            .slice(0, 6)
            .map((s) => substanceSubject(catalog, custom, s.id)),
    [catalog, custom, quick.length],
  );
  const shortcuts = quick.length > 0 ? quick : starters;

  return (
    <div className="subject-picker">
      {shortcuts.length > 0 && (
        <section aria-labelledby="log-quick">
          <h2 id="log-quick">{quick.length > 0 ? "Recent and your products" : "Common"}</h2>
          <ul className="subject-grid">
            {shortcuts.map((s) => (
              <li key={s.key}>
                <button type="button" className="subject-button" onClick={() => onPick(s)}>
                  <span className="subject-label">{s.label}</span>
                  {s.detail && <span className="subject-detail">{s.detail}</span>}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="log-search">
        <h2 id="log-search">{quick.length > 0 ? "Something else" : "What did you take?"}</h2>
        <div className="field">
          <label htmlFor={searchId}>Search substances</label>
          <input
            id={searchId}
            type="search"
            autoComplete="off"
            placeholder="kratom, magnesium, alcohol…"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        {query.trim() !== "" && (
          <ul className="subject-grid" aria-label="Matching substances">
            {matches.map((s) => (
              <li key={s.key}>
                <button type="button" className="subject-button" onClick={() => onPick(s)}>
                  <span className="subject-label">{s.label}</span>
                </button>
              </li>
            ))}
            {matches.length === 0 && <li className="muted">No substance by that name.</li>}
          </ul>
        )}
        {adding ? (
          <CustomSubstanceForm
            catalog={catalog}
            initialName={query}
            onCancel={() => setAdding(false)}
            onAdded={(c) => {
              setAdding(false);
              onCustomAdded(c);
            }}
          />
        ) : (
          <button type="button" className="link-button" onClick={() => setAdding(true)}>
            Add a substance that is not listed
          </button>
        )}
      </section>
    </div>
  );
}

function CustomSubstanceForm({
  catalog,
  initialName,
  onCancel,
  onAdded,
}: {
  catalog: Catalog;
  initialName: string;
  onCancel: () => void;
  onAdded: (c: CustomSubstance) => void;
}) {
  const nameId = useId();
  const classId = useId();
  const [id] = useState(newClientId);
  const [name, setName] = useState(initialName);
  const [klass, setKlass] = useState("");
  const [error, setError] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const create = useRouteMutation(contract.createCustomSubstance);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await create.mutateAsync({
        body: { id, name, classId: klass === "" ? null : klass },
      });
      onAdded(res.customSubstance);
    } catch (e) {
      setError(e instanceof ApiFailure ? e : new ApiFailure(0, "unknown", String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card custom-substance" onSubmit={submit} noValidate>
      <h3>Add your own substance</h3>
      <p className="muted">
        Pick what kind of substance it is: Mitra then checks it with the rules for that kind. If you
        do not know, Mitra will say it has no data — which never means safe.
      </p>
      <ErrorAlert message={error && !error.fields.length ? error.message : null} />
      <div className="field">
        <label htmlFor={nameId}>Name</label>
        <input
          id={nameId}
          value={name}
          required
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error?.fieldMessage("name") ? true : undefined}
        />
        <ErrorAlert message={error?.fieldMessage("name")} of="field" />
      </div>
      <div className="field">
        <label htmlFor={classId}>What kind of substance is it?</label>
        <select id={classId} value={klass} onChange={(e) => setKlass(e.target.value)}>
          <option value="">I don't know</option>
          <Options options={catalog.pickableClasses.map((c) => ({ value: c.id, label: c.name }))} />
        </select>
      </div>
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy}>
          Add and use it
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
