import { contract } from "../../api/contract.ts";
import { useRouteQuery } from "../api-client.ts";

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
  const patients = useRouteQuery(contract.getTriageDashboard, undefined, {
    select: (d) => d.patients.map((row) => row.patient),
  });
  if (!patients.data || patients.data.length === 0) return null;
  const toggle = (id: string) =>
    onChange(muted.includes(id) ? muted.filter((m) => m !== id) : [...muted, id]);
  return (
    <fieldset className="choice">
      <legend>Tell me about</legend>
      <p className="field-hint">
        A patient turned off here still reaches you with a red flag while they share their check-ins
        with you.
      </p>
      {patients.data.map((p) => (
        <label key={p.id}>
          <input type="checkbox" checked={!muted.includes(p.id)} onChange={() => toggle(p.id)} />
          {p.displayName ?? p.email}
        </label>
      ))}
    </fieldset>
  );
}
