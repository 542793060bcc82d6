import { type FormEvent, useState } from "react";
import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation } from "../api-client.ts";
import { TextField } from "../components/TextField.tsx";

const asFailure = (error: unknown) =>
  error instanceof ApiFailure ? error : new ApiFailure(0, "unknown", String(error));

/**
 * A forgotten password: ask for a one-time code by e-mail (where this Mitra sends e-mail), or use
 * one an administrator gave, then set a new password with it. Every device is signed out.
 */
export function ResetPasswordPage() {
  const [email, setEmail] = useState("");
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const [askFailure, setAskFailure] = useState<ApiFailure | null>(null);
  const [asked, setAsked] = useState(false);
  const [setFailure, setSetFailure] = useState<ApiFailure | null>(null);
  const [done, setDone] = useState(false);
  const forgot = useRouteMutation(contract.forgotPassword);
  const reset = useRouteMutation(contract.resetPassword);

  async function askForCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAskFailure(null);
    setAsked(false);
    try {
      await forgot.mutateAsync({ body: { email } });
      setAsked(true);
    } catch (error) {
      setAskFailure(asFailure(error));
    }
  }

  async function setNewPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSetFailure(null);
    try {
      await reset.mutateAsync({ body: { email, code, newPassword: password } });
      setDone(true);
    } catch (error) {
      setSetFailure(asFailure(error));
    }
  }

  if (done) {
    return (
      <div className="page auth-page">
        <h1>Reset your password</h1>
        <p role="status" className="success">
          Your new password is set, and every device that was signed in is signed out.
        </p>
        <p>
          <Link to="/sign-in">Sign in</Link> with your new password.
        </p>
      </div>
    );
  }

  const askError = askFailure && askFailure.fields.length === 0 ? askFailure.message : null;
  const setError = setFailure && setFailure.fields.length === 0 ? setFailure.message : null;
  return (
    <div className="page auth-page">
      <h1>Reset your password</h1>
      <section className="card" aria-labelledby="ask-code-heading">
        <h2 id="ask-code-heading">1. Get a code</h2>
        <p>
          Mitra can e-mail a code that works once, for one hour. Where this Mitra does not send
          e-mail, ask its administrator for a code.
        </p>
        <form onSubmit={askForCode} noValidate>
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={askFailure?.fieldMessage("email")}
          />
          <div role="alert">{askError && <p className="form-error">{askError}</p>}</div>
          <div role="status" aria-live="polite">
            {asked && (
              <p className="success">
                If an account uses this address, a code is on its way. Check your e-mail.
              </p>
            )}
          </div>
          <button type="submit" className="secondary" disabled={forgot.isPending}>
            E-mail me a code
          </button>
        </form>
      </section>
      <section className="card" aria-labelledby="set-password-heading">
        <h2 id="set-password-heading">2. Set a new password</h2>
        <form onSubmit={setNewPassword} noValidate>
          <TextField
            label="Email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={setFailure?.fieldMessage("email")}
          />
          <TextField
            label="Code"
            hint="Like 7KQM-3XVD"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={setFailure?.fieldMessage("code")}
          />
          <TextField
            label="New password"
            hint="At least 10 characters. A few unrelated words are easy to remember."
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={setFailure?.fieldMessage("newPassword")}
          />
          <div role="alert">{setError && <p className="form-error">{setError}</p>}</div>
          <button type="submit" className="primary" disabled={reset.isPending}>
            Set new password
          </button>
        </form>
      </section>
      <p className="auth-switch">
        Remembered it? <Link to="/sign-in">Sign in</Link>
      </p>
    </div>
  );
}
