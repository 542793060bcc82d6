import { useCallback, useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { ApiFailure, api } from "../api.ts";
import { newClientId } from "../assessments/client-id.ts";
import { DoseForm } from "../dose-log/DoseForm.tsx";
import { SavedDose } from "../dose-log/SavedDose.tsx";
import { SubjectPicker } from "../dose-log/SubjectPicker.tsx";
import {
  type DoseSubject,
  productSubject,
  quickSubjects,
  substanceSubject,
} from "../dose-log/subject.ts";
import type {
  CustomSubstance,
  IngestionResponse,
  IngestionView,
  Product,
  RecentSubject,
} from "../dose-log/types.ts";
import { useCatalog } from "../dose-log/use-catalog.ts";
import { KeptOnDevice } from "../offline/KeptOnDevice.tsx";
import type { OutboxEntry } from "../offline/outbox-entry.ts";
import { useWhenSent } from "../offline/use-outbox-sent.ts";

interface Lists {
  products: Product[];
  custom: CustomSubstance[];
  recent: RecentSubject[];
}

/**
 * Log a dose in a few taps: pick (recent first), type the amount, save. The id is made when the
 * form opens, so a retry never stores the dose twice. `?edit=<id>` changes an earlier entry.
 */
export function LogPage() {
  const [params] = useSearchParams();
  const editId = params.get("edit");
  const catalog = useCatalog();
  const [lists, setLists] = useState<Lists | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // Opened without a connection: the catalog's kept copy only, no products or recent doses.
  const [listsOffline, setListsOffline] = useState(false);
  const [editing, setEditing] = useState<IngestionView | null>(null);
  const [subject, setSubject] = useState<DoseSubject | null>(null);
  const [saved, setSaved] = useState<IngestionResponse | null>(null);
  const [kept, setKept] = useState<OutboxEntry | null>(null);
  // A dose kept on the device and sent while this page shows it: show the answer, warnings too.
  useWhenSent<IngestionResponse>(kept?.id ?? null, (reply) => {
    setKept(null);
    setSaved(reply);
  });
  const [doseId, setDoseId] = useState(newClientId);

  const load = useCallback(async () => {
    try {
      const [products, custom, recent] = await Promise.all([
        api<{ products: Product[] }>("GET", "/api/products"),
        api<{ customSubstances: CustomSubstance[] }>("GET", "/api/custom-substances"),
        api<{ recent: RecentSubject[] }>("GET", "/api/ingestions/recent"),
      ]);
      setLists({
        products: products.products,
        custom: custom.customSubstances,
        recent: recent.recent,
      });
      setListsOffline(false);
    } catch (e) {
      if (e instanceof ApiFailure && e.status === 0) {
        setLists((current) => current ?? { products: [], custom: [], recent: [] });
        setListsOffline(true);
        return;
      }
      setLoadError(e instanceof ApiFailure ? e.message : "Could not load your list.");
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Back online after opening offline: load the person's products and recent doses.
  useEffect(() => {
    if (!listsOffline) return;
    const online = () => void load();
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [listsOffline, load]);

  // Editing: load the entry and start from what it says.
  useEffect(() => {
    if (!editId || !catalog || !lists) return;
    let live = true;
    api<IngestionResponse>("GET", `/api/ingestions/${editId}`)
      .then((r) => {
        if (!live) return;
        const i = r.ingestion;
        const product = i.productId ? lists.products.find((p) => p.id === i.productId) : null;
        setEditing(i);
        setDoseId(i.id);
        setSubject(
          product
            ? productSubject(catalog, lists.custom, product, i.unit)
            : substanceSubject(catalog, lists.custom, i.substanceId, i.unit),
        );
      })
      .catch((e) => live && setLoadError(e instanceof ApiFailure ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [editId, catalog, lists]);

  function logAnother() {
    setSaved(null);
    setKept(null);
    setSubject(null);
    setEditing(null);
    setDoseId(newClientId());
    void load();
  }

  const title = editId ? "Change a dose" : "Log a dose";
  let body: React.ReactNode;
  if (catalog === null || loadError) {
    body = (
      <p className="form-error" role="alert">
        {loadError ?? "Mitra could not load the substance list. Check your connection."}
      </p>
    );
  } else if (catalog === undefined || lists === null || (editId && !subject && !saved)) {
    body = <p className="loading">Loading…</p>;
  } else if (kept) {
    body = (
      <KeptOnDevice entry={kept}>
        <div className="button-row">
          <button type="button" className="primary" onClick={logAnother}>
            Log another
          </button>
          <Link className="button" to="/today">
            Back to Today
          </Link>
        </div>
      </KeptOnDevice>
    );
  } else if (saved) {
    body = <SavedDose result={saved} edited={editing !== null} onLogAnother={logAnother} />;
  } else if (subject) {
    body = (
      <DoseForm
        key={`${doseId}:${subject.key}`}
        id={doseId}
        subject={subject}
        editing={editing}
        onChangeSubject={() => setSubject(null)}
        onSaved={setSaved}
        onKept={setKept}
      />
    );
  } else {
    body = (
      <SubjectPicker
        catalog={catalog}
        custom={lists.custom}
        quick={quickSubjects(catalog, lists.custom, lists.recent, lists.products)}
        onPick={setSubject}
        onCustomAdded={(c) => {
          const custom = [...lists.custom, c];
          setLists({ ...lists, custom });
          setSubject(substanceSubject(catalog, custom, c.id));
        }}
      />
    );
  }

  return (
    <div className="page log-page">
      <header className="page-header">
        <h1>{title}</h1>
        <p className="muted">
          Mitra records and warns; it never tells you how much to take.{" "}
          <Link to="/history">Your dose history</Link>
        </p>
      </header>
      {listsOffline && !editId && !saved && !kept && (
        <p className="muted" role="status">
          You are offline: your products and recent doses are not here until the connection is back.
          What you log is kept on this device and sent then.
        </p>
      )}
      {body}
    </div>
  );
}
