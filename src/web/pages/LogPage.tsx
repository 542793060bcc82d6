import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { useRouteQuery } from "../api-client.ts";
import { newClientId } from "../components/client-id.ts";
import { AfterSaving } from "../dose-log/AfterSaving.tsx";
import { DoseForm } from "../dose-log/DoseForm.tsx";
import { SavedDose } from "../dose-log/SavedDose.tsx";
import { SubjectPicker } from "../dose-log/SubjectPicker.tsx";
import {
  type DoseSubject,
  productSubject,
  quickSubjects,
  substanceSubject,
} from "../dose-log/subject.ts";
import type { CustomSubstance, IngestionResponse } from "../dose-log/types.ts";
import { KeptOnDevice } from "../offline/KeptOnDevice.tsx";
import type { OutboxEntry } from "../offline/outbox-entry.ts";
import { useWhenSent } from "../offline/use-outbox-sent.ts";
import { useCatalog } from "../use-catalog.ts";

/**
 * Log a dose in a few taps: pick (recent first), type the amount, save. The id is made when the
 * form opens, so a retry never stores the dose twice. `?edit=<id>` changes an earlier entry.
 */
export function LogPage() {
  const [params] = useSearchParams();
  const editId = params.get("edit");
  const catalog = useCatalog();
  const products = useRouteQuery(contract.listProducts);
  const customs = useRouteQuery(contract.listCustomSubstances);
  const recent = useRouteQuery(contract.listRecentSubjects);
  // Custom substances added on this page, before the list is read again.
  const [added, setAdded] = useState<CustomSubstance[]>([]);
  // Set once the person logs another dose after changing one: the page is then for a new dose.
  const [editDone, setEditDone] = useState(false);
  const editRead = useRouteQuery(
    contract.getIngestion,
    { params: { id: editId ?? "" } },
    { enabled: editId !== null && !editDone, staleTime: Number.POSITIVE_INFINITY },
  );
  // undefined: the subject of the dose being changed (if any); null: the person picks one.
  const [picked, setPicked] = useState<DoseSubject | null | undefined>(undefined);
  const [saved, setSaved] = useState<IngestionResponse | null>(null);
  const [kept, setKept] = useState<OutboxEntry | null>(null);
  // A dose kept on the device and sent while this page shows it: show the answer, warnings too.
  useWhenSent<IngestionResponse>(kept?.id ?? null, (reply) => {
    setKept(null);
    setSaved(reply);
  });
  const [newDoseId, setNewDoseId] = useState(newClientId);

  const reads = [products, customs, recent];
  const failure = reads.find((r) => r.error)?.error ?? null;
  // Opened without a connection: the catalog's kept copy only, no products or recent doses.
  const listsOffline = failure?.status === 0;
  const loaded = reads.every((r) => r.data !== undefined);
  const lists =
    loaded || listsOffline
      ? {
          products: products.data?.products ?? [],
          custom: [
            ...(customs.data?.customSubstances ?? []),
            ...added.filter((a) => !customs.data?.customSubstances.some((c) => c.id === a.id)),
          ],
          recent: recent.data?.recent ?? [],
        }
      : null;
  const loadError =
    (failure && !listsOffline ? failure.message : null) ?? editRead.error?.message ?? null;

  const editing = editId !== null && !editDone ? (editRead.data?.ingestion ?? null) : null;
  const doseId = editing?.id ?? newDoseId;
  let subject: DoseSubject | null = picked ?? null;
  if (picked === undefined && editing && catalog && lists) {
    const product = editing.productId
      ? lists.products.find((p) => p.id === editing.productId)
      : null;
    subject = product
      ? productSubject(catalog, lists.custom, product, editing.unit)
      : substanceSubject(catalog, lists.custom, editing.substanceId, editing.unit);
  }

  function logAnother() {
    setSaved(null);
    setKept(null);
    setPicked(undefined);
    setEditDone(true);
    setNewDoseId(newClientId());
    for (const read of reads) void read.refetch();
  }

  const title = editId ? "Change a dose" : "Log a dose";
  let body: React.ReactNode;
  if (catalog === null || loadError) {
    body = (
      <p className="form-error" role="alert">
        {loadError ?? "Mitra could not load the substance list. Check your connection."}
      </p>
    );
  } else if (
    catalog === undefined ||
    lists === null ||
    (editId && !editDone && !subject && !saved)
  ) {
    body = <p className="loading">Loading…</p>;
  } else if (kept) {
    body = (
      <KeptOnDevice entry={kept}>
        <AfterSaving onLogAnother={logAnother} />
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
        onChangeSubject={() => setPicked(null)}
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
        onPick={setPicked}
        onCustomAdded={(c) => {
          setAdded([...added, c]);
          setPicked(substanceSubject(catalog, [...lists.custom, c], c.id));
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
