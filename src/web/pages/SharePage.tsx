import { type FormEvent, useState } from "react";
import { contract } from "../../api/contract.ts";
import type { CareScope } from "../../core/care-scope.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation, useRouteQuery } from "../api-client.ts";
import { groupVisits } from "../care-team/audit-visits.ts";
import {
  type CareLink,
  type InvitationCreated,
  type PendingInvitation,
  SCOPE_LABELS,
} from "../care-team/types.ts";
import { Checkbox } from "../components/Checkbox.tsx";
import { ClinicianLicence } from "../components/ClinicianLicence.tsx";
import { CopyButton } from "../components/CopyButton.tsx";
import { formatDateTime } from "../components/format-time.ts";
import { useUser } from "../session/session-context.tsx";

const SCOPES = Object.keys(SCOPE_LABELS) as CareScope[];

const failureOf = (error: unknown) =>
  error instanceof ApiFailure ? error : new ApiFailure(0, "unknown", String(error));

/** Share: invite a clinician with a code, see who has access and what they looked at, revoke. */
export function SharePage() {
  const user = useUser();
  const [scopes, setScopes] = useState<CareScope[]>(["doses", "assessments", "notes"]);
  const [maySetPlans, setMaySetPlans] = useState(false);
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const linksQuery = useRouteQuery(contract.listCareLinks);
  const pendingQuery = useRouteQuery(contract.listInvitations);
  const notesQuery = useRouteQuery(contract.listOwnNotes);
  const auditQuery = useRouteQuery(contract.listOwnAudit, { query: { limit: 200 } });
  const links = linksQuery.data?.links ?? null;
  const pending = pendingQuery.data?.invitations ?? [];
  const notes = notesQuery.data?.notes ?? [];
  const audit = (auditQuery.data?.entries ?? []).filter(
    (e) => e.actorId !== null && e.actorId !== user.id,
  );
  // Each change refreshes the care-team reads and the audit trail that records it.
  const createInvitation = useRouteMutation(contract.createInvitation, ["audit"]);
  const revokeLink = useRouteMutation(contract.revokeCareLink, ["audit"]);
  const withdrawInvitation = useRouteMutation(contract.withdrawInvitation, ["audit"]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [writeFailure, setFailure] = useState<ApiFailure | null>(null);
  const failure =
    writeFailure ??
    linksQuery.error ??
    pendingQuery.error ??
    notesQuery.error ??
    auditQuery.error ??
    null;
  const [status, setStatus] = useState("");
  const [busy, setBusy] = useState(false);

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setBusy(true);
    try {
      setCreated(await createInvitation.mutateAsync({ body: { scopes, maySetPlans } }));
    } catch (error) {
      setFailure(failureOf(error));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(link: CareLink) {
    setFailure(null);
    try {
      await revokeLink.mutateAsync({ params: { id: link.id } });
      setConfirming(null);
      setStatus(`${link.person.displayName ?? link.person.email} no longer has access.`);
    } catch (error) {
      setFailure(failureOf(error));
    }
  }

  async function withdraw(invitation: PendingInvitation) {
    try {
      await withdrawInvitation.mutateAsync({ params: { id: invitation.id } });
      if (created?.id === invitation.id) setCreated(null);
      setStatus("The invitation was withdrawn: its code no longer works.");
    } catch (error) {
      setFailure(failureOf(error));
    }
  }

  const toggle = (scope: CareScope) =>
    setScopes((s) => (s.includes(scope) ? s.filter((x) => x !== scope) : [...s, scope]));

  return (
    <div className="page share-page">
      <header className="page-header">
        <h1>Share with your clinician</h1>
        <p className="lead">
          Give a clinician a code to see what you choose. You can end their access at any time.
        </p>
      </header>

      <div role="status" aria-live="polite" className="share-status">
        {status && <p>{status}</p>}
      </div>
      <div role="alert">{failure && <p className="form-error">{failure.message}</p>}</div>

      <section className="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite a clinician</h2>
        <form onSubmit={invite} noValidate>
          <fieldset className="choice scope-choices">
            <legend>What they may see</legend>
            {SCOPES.map((scope) => (
              <Checkbox key={scope} checked={scopes.includes(scope)} onChange={() => toggle(scope)}>
                {SCOPE_LABELS[scope]}
              </Checkbox>
            ))}
            {failure?.fieldMessage("scopes") && (
              <p className="field-error">{failure.fieldMessage("scopes")}</p>
            )}
          </fieldset>
          <fieldset className="choice">
            <legend>Plans</legend>
            <Checkbox checked={maySetPlans} onChange={setMaySetPlans}>
              They may set and change my taper or titration plan
            </Checkbox>
          </fieldset>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? "Creating…" : "Create invitation code"}
          </button>
        </form>
        {created && (
          <div className="invitation-code" aria-live="polite">
            <p>Read or show this code to your clinician:</p>
            <p className="code" data-testid="invitation-code">
              {created.code}
            </p>
            <CopyButton text={created.code} label="Copy code" />
            <p className="muted small">
              It works once, until {formatDateTime(created.expiresAt, user.timeZone)}. Mitra does
              not keep the code, so it cannot show it again.
            </p>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="access-heading">
        <h2 id="access-heading">Who has access</h2>
        {links === null ? (
          <p className="loading">Loading…</p>
        ) : links.length === 0 ? (
          <p className="muted">No clinician can see your data.</p>
        ) : (
          <ul className="access-list">
            {links.map((link) => {
              const name = link.person.displayName ?? link.person.email;
              return (
                <li key={link.id} className="access-item">
                  <p className="access-name">
                    <strong>{name}</strong> <span className="muted small">{link.person.email}</span>
                  </p>
                  {link.clinician && (
                    <ClinicianLicence
                      licence={link.clinician.licence}
                      verified={link.clinician.verified}
                    />
                  )}
                  <p className="small">
                    Sees: {link.scopes.map((s) => SCOPE_LABELS[s]).join(", ")}.{" "}
                    {link.maySetPlans ? "May set your plans." : "Cannot set plans."} Since{" "}
                    {formatDateTime(link.createdAt, user.timeZone)}.
                  </p>
                  {confirming === link.id ? (
                    <div className="confirm-row">
                      <button type="button" className="primary danger" onClick={() => revoke(link)}>
                        Yes, end {name}'s access now
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        onClick={() => setConfirming(null)}
                      >
                        Keep access
                      </button>
                    </div>
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => setConfirming(link.id)}
                    >
                      Revoke access
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {pending.length > 0 && (
          <>
            <h3>Codes not used yet</h3>
            <ul className="access-list">
              {pending.map((p) => (
                <li key={p.id} className="access-item">
                  <p className="small">
                    {p.scopes.map((s) => SCOPE_LABELS[s]).join(", ")}; expires{" "}
                    {formatDateTime(p.expiresAt, user.timeZone)}.
                  </p>
                  <button type="button" className="link-button" onClick={() => withdraw(p)}>
                    Withdraw this code
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes from your clinicians</h2>
        {notes.length === 0 ? (
          <p className="muted">No notes yet.</p>
        ) : (
          <ul className="note-list">
            {notes.map((n) => (
              <li key={n.id}>
                <p className="small muted">
                  {n.authorName ?? "A clinician"}, {formatDateTime(n.createdAt, user.timeZone)}
                </p>
                <p>{n.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="audit-heading">
        <h2 id="audit-heading">Who looked at your data</h2>
        {audit.length === 0 ? (
          <p className="muted">No one else has viewed or changed your data.</p>
        ) : (
          <ul className="audit-list">
            {groupVisits(audit)
              .slice(0, 20)
              .map((visit) => (
                <li key={visit.key} data-testid="audit-visit">
                  <strong>{visit.actorName}</strong> {visit.actions.join("; ")}{" "}
                  <span className="muted small">
                    {formatDateTime(visit.from, user.timeZone)}
                    {visit.to !== visit.from && ` to ${formatDateTime(visit.to, user.timeZone)}`}
                  </span>
                </li>
              ))}
          </ul>
        )}
      </section>
    </div>
  );
}
