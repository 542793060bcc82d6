import { useState } from "react";
import { contract } from "../../api/contract.ts";
import { rememberCsrfToken } from "../api.ts";
import { useRouteMutation } from "../api-client.ts";
import {
  CurrentPasswordField,
  FormError,
  NewPasswordField,
  useFormAction,
} from "../components/form-action.tsx";
import { useSession } from "./session-context.tsx";

/**
 * The account's sign-in: change the password (the current one required; every other device is
 * signed out) and sign out on every device at once.
 */
export function SignInSecurity() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [changed, setChanged] = useState<number | null>(null);
  const changePassword = useRouteMutation(contract.changePassword);
  const logoutEverywhere = useRouteMutation(contract.logoutEverywhere);
  const { setUser } = useSession();

  const change = useFormAction(async () => {
    setChanged(null);
    const res = await changePassword.mutateAsync({
      body: { currentPassword: current, newPassword: next },
    });
    setCurrent("");
    setNext("");
    setChanged(res.sessionsEnded);
  });

  const signOutEverywhere = useFormAction(async () => {
    await logoutEverywhere.mutateAsync({});
    // Signed out here too: nothing of this person stays cached; the app shows sign-in.
    rememberCsrfToken(undefined);
    setUser(null);
  });

  return (
    <section className="card" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Password and sign-in</h2>
      <form onSubmit={change.onSubmit} noValidate>
        <CurrentPasswordField {...change.textField("currentPassword", current, setCurrent)} />
        <NewPasswordField {...change.textField("newPassword", next, setNext)} />
        <FormError failure={change.failure} />
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
      <FormError failure={signOutEverywhere.failure} />
      <button
        type="button"
        className="secondary"
        onClick={() => void signOutEverywhere.run()}
        disabled={logoutEverywhere.isPending}
      >
        Sign out everywhere
      </button>
    </section>
  );
}
