import { contract } from "../../api/contract.ts";
import { TRIAGE_MAX_PAGE_SIZE } from "../../core/triage/table-page.ts";
import { useRouteQuery } from "../api-client.ts";
import { Checkbox } from "../components/Checkbox.tsx";

/**
 * A clinician's patients, each with "Tell me about" on or off (off: the patient is in
 * `mutedPatients`). Red flags still come while the patient shares their check-ins.
 */
export function MutedPatients({
  muted,
  onChange,
}: {
  muted: readonly string[];
  onChange: (muted: string[]) => void;
}) {
  // By name, as many as one page holds; a practice larger than that mutes from the rest below.
  const patients = useRouteQuery(
    contract.getTriageDashboard,
    { query: { sort: "name", dir: "asc", pageSize: TRIAGE_MAX_PAGE_SIZE } },
    { select: (d) => ({ shown: d.patients.map((row) => row.patient), matched: d.matched }) },
  );
  if (!patients.data || patients.data.shown.length === 0) return null;
  const { shown, matched } = patients.data;
  const toggle = (id: string) =>
    onChange(muted.includes(id) ? muted.filter((m) => m !== id) : [...muted, id]);
  return (
    <fieldset className="choice">
      <legend>Tell me about</legend>
      <p className="field-hint">
        A patient turned off here still reaches you with a red flag while they share their check-ins
        with you.
      </p>
      {shown.map((p) => (
        <Checkbox key={p.id} checked={!muted.includes(p.id)} onChange={() => toggle(p.id)}>
          {p.displayName ?? p.email}
        </Checkbox>
      ))}
      {matched > shown.length && (
        <p className="field-hint">
          The first {shown.length} of your {matched} patients by name.
        </p>
      )}
    </fieldset>
  );
}
