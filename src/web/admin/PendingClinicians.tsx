import { useState } from "react";
import { contract } from "../../api/contract.ts";
import type { ApprovalSetting } from "../../core/accounts/clinician-approval.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation, useRouteQuery } from "../api-client.ts";
import { formatDay } from "../components/format-time.ts";

const SETTING_WORDS: Record<ApprovalSetting, string> = {
  auto: "New clinicians wait for your approval (MITRA_CLINICIAN_APPROVAL=auto: all but this installation's first account).",
  on: "Every new clinician waits for your approval (MITRA_CLINICIAN_APPROVAL=on).",
  off: "Clinicians do not wait for approval (MITRA_CLINICIAN_APPROVAL=off); patients still see their licence as unverified until you approve it.",
};

const DECISIONS = [
  { decision: "approve", label: "Approve", className: "primary" },
  { decision: "refuse", label: "Refuse", className: "secondary danger" },
] as const;

/**
 * Clinicians waiting for approval, with the licence or role each entered (Mitra cannot check it:
 * look it up in the licensing body's register before approving). Approve lets them open the
 * records of patients who linked to them; refuse disables the account. Both are audited.
 */
export function PendingClinicians({
  setting,
  timeZone,
}: {
  setting: ApprovalSetting;
  timeZone: string;
}) {
  const pending = useRouteQuery(contract.listPendingClinicians);
  const decide = useRouteMutation(contract.decideClinician);
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<string | null>(null);

  async function decideOn(id: string, name: string, decision: "approve" | "refuse") {
    setFailure(null);
    try {
      await decide.mutateAsync({ params: { id }, body: { decision } });
      setStatus(
        decision === "approve"
          ? `${name} is approved and can now open their patients' records.`
          : `${name} is refused: the account is disabled.`,
      );
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error.message : String(error));
    }
  }

  const clinicians = pending.data?.clinicians ?? [];
  return (
    <section className="card" aria-labelledby="admin-pending-heading">
      <h2 id="admin-pending-heading">Clinicians waiting for approval</h2>
      <p className="small muted">{SETTING_WORDS[setting]}</p>
      <div role="status" aria-live="polite">
        {status && <p className="success">{status}</p>}
      </div>
      <div role="alert">{failure && <p className="form-error">{failure}</p>}</div>
      {pending.isPending && <p className="loading">Loading…</p>}
      {pending.isError && <p className="form-error">{pending.error.message}</p>}
      {pending.isSuccess && clinicians.length === 0 && <p className="muted">Nobody is waiting.</p>}
      {clinicians.length > 0 && (
        <ul className="admin-pending-list">
          {clinicians.map((c) => {
            const name = c.displayName ?? c.email;
            return (
              <li key={c.id} className="admin-pending-item" data-testid="pending-clinician">
                <p>
                  <strong>{name}</strong> <span className="muted small">{c.email}</span>
                </p>
                <p className="small">
                  Licence or role, as entered: {c.licence ? <q>{c.licence}</q> : "not given"}.
                  Signed up {formatDay(c.createdAt, timeZone)}.
                </p>
                <div className="confirm-row">
                  {DECISIONS.map((d) => (
                    <button
                      key={d.decision}
                      type="button"
                      className={d.className}
                      disabled={decide.isPending}
                      onClick={() => decideOn(c.id, name, d.decision)}
                      aria-label={`${d.label} ${name}`}
                    >
                      {d.label}
                    </button>
                  ))}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
