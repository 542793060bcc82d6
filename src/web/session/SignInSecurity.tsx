import { type FormEvent, useState } from "react";
import { contract } from "../../api/contract.ts";
import { ApiFailure, rememberCsrfToken } from "../api.ts";
import { useRouteMutation } from "../api-client.ts";
import { TextField } from "../components/TextField.tsx";
import { useSession } from "./session-context.tsx";

const asFailure = (error: unknown) =>
  error instanceof ApiFailure ? error : new ApiFailure(0, "unknown", String(error));

/**
 * The account's sign-in: change the password (the current one required; every other device is
 * signed out) and sign out on every device at once.
 */
export function SignInSecurity() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [changed, setChanged] = useState<number | null>(null);
  const changePassword = useRouteMutation(contract.changePassword);
  const logoutEverywhere = useRouteMutation(contract.logoutEverywhere);
  const { setUser } = useSession();

  async function change(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setChanged(null);
    try {
      const res = await changePassword.mutateAsync({
        body: { currentPassword: current, newPassword: next },
      });
      setCurrent("");
      setNext("");
      setChanged(res.sessionsEnded);
    } catch (error) {
      setFailure(asFailure(error));
    }
  }

  async function signOutEverywhere() {
    setFailure(null);
    try {
      await logoutEverywhere.mutateAsync({});
      // Signed out here too: nothing of this person stays cached; the app shows sign-in.
      rememberCsrfToken(undefined);
      setUser(null);
    } catch (error) {
      setFailure(asFailure(error));
    }
  }

  const formError = failure && failure.fields.length === 0 ? failure.message : null;
  return (
    <section className="card" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Password and sign-in</h2>
      <form onSubmit={change} noValidate>
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={failure?.fieldMessage("currentPassword")}
        />
        <TextField
          label="New password"
          hint="At least 10 characters. A few unrelated words are easy to remember."
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={failure?.fieldMessage("newPassword")}
        />
        <div role="alert">{formError && <p className="form-error">{formError}</p>}</div>
        <div role="status" aria-live="polite">
          {changed !== null && (
            <p className="success">
              Password changed.{" "}
              {changed === 0
                ? "You were not signed in anywhere else."
                : `Signed out on ${changed} other ${changed === 1 ? "device" : "devices"}.`}
            </p>
          )}
        </div>
        <button type="submit" className="primary" disabled={changePassword.isPending}>
          Change password
        </button>
      </form>
      <p>
        Lost a phone, or signed in on a shared computer? Sign out everywhere, this device included.
      </p>
      <button
        type="button"
        className="secondary"
        onClick={() => void signOutEverywhere()}
        disabled={logoutEverywhere.isPending}
      >
        Sign out everywhere
      </button>
    </section>
  );
}
