import { type FormEvent, useCallback, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { contract } from "../../api/contract.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation } from "../api-client.ts";
import { PatientList } from "../care-team/PatientList.tsx";
import { StatusMessage } from "../components/StatusMessage.tsx";
import { TextField } from "../components/TextField.tsx";
import { useUser } from "../session/session-context.tsx";

/** The clinician's patients: join with a code, then the triage list, worst first. */
export function PatientsPage() {
  // Joining refreshes the clinician's reads, the dashboard among them.
  const joinTeam = useRouteMutation(contract.joinCareTeam, ["clinician"]);
  const [code, setCode] = useState("");
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [joined, setJoined] = useState("");
  const [busy, setBusy] = useState(false);
  const [seenMessage, setSeenMessage] = useState("");
  const seenRef = useRef<HTMLParagraphElement>(null);
  const user = useUser();

  async function join(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setJoined("");
    setBusy(true);
    try {
      const { link } = await joinTeam.mutateAsync({ body: { code } });
      setJoined(`You now follow ${link.person.displayName ?? link.person.email}.`);
      setCode("");
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error : new ApiFailure(0, "unknown", String(error)));
    } finally {
      setBusy(false);
    }
  }

  /**
   * After a "Mark as seen" (which refreshed the dashboard): the fresh order, and focus on the
   * sentence that says what happened.
   */
  const seen = useCallback(async (message: string) => {
    // Drawn at once, so the sentence exists to take focus the first time too.
    flushSync(() => setSeenMessage(message));
    seenRef.current?.focus();
  }, []);

  return (
    <div className="page patients-page">
      <header className="page-header">
        <h1>Patients</h1>
        <p className="lead">People who shared their data with you, most urgent first.</p>
        <p>
          <a href="#join-heading">Add a patient with their invitation code</a>
        </p>
      </header>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">Triage</h2>
        <StatusMessage message={seenMessage} focusRef={seenRef} />
        <PatientList myId={user.id} onSeen={seen} />
      </section>
      <section className="card" aria-labelledby="join-heading">
        <h2 id="join-heading">Add a patient</h2>
        <form onSubmit={join} noValidate className="join-form">
          <TextField
            label="Invitation code"
            hint="The 8-character code your patient created in Mitra, like 7KQM-3XVD."
            value={code}
            onValue={setCode}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            error={
              failure?.fieldMessage("code") ??
              (failure && !failure.fields.length ? failure.message : undefined)
            }
          />
          <button type="submit" className="primary" disabled={busy || code.trim() === ""}>
            {busy ? "Joining…" : "Join"}
          </button>
        </form>
        <StatusMessage message={joined} />
        <div role="alert">{failure && <p className="visually-hidden">{failure.message}</p>}</div>
      </section>
    </div>
  );
}
