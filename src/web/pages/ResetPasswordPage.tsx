import { useState } from "react";
import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { useRouteMutation } from "../api-client.ts";
import { FormError, NewPasswordField, useFormAction } from "../components/form-action.tsx";
import { TextField, type TextValueProps } from "../components/TextField.tsx";

/**
 * A forgotten password: ask for a one-time code by e-mail (where this Mitra sends e-mail), or use
 * one an administrator gave, then set a new password with it. Every device is signed out.
 */
export function ResetPasswordPage() {
  const [email, setEmail] = useState("");
  const [code, setCode] = useState("");
  const [password, setPassword] = useState("");
  const forgot = useRouteMutation(contract.forgotPassword);
  const reset = useRouteMutation(contract.resetPassword);

  const askForCode = useFormAction(async () => {
    await forgot.mutateAsync({ body: { email } });
  });

  const setNewPassword = useFormAction(async () => {
    await reset.mutateAsync({ body: { email, code, newPassword: password } });
  });

  if (reset.isSuccess) {
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

  return (
    <div className="page auth-page">
      <h1>Reset your password</h1>
      <section className="card" aria-labelledby="ask-code-heading">
        <h2 id="ask-code-heading">1. Get a code</h2>
        <p>
          Mitra can e-mail a code that works once, for one hour. Where this Mitra does not send
          e-mail, ask its administrator for a code.
        </p>
        <form onSubmit={askForCode.onSubmit} noValidate>
          <EmailField {...askForCode.textField("email", email, setEmail)} />
          <FormError failure={askForCode.failure} />
          <div role="status" aria-live="polite">
            {forgot.isSuccess && (
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
        <form onSubmit={setNewPassword.onSubmit} noValidate>
          <EmailField {...setNewPassword.textField("email", email, setEmail)} />
          <TextField
            label="Code"
            hint="Like 7KQM-3XVD"
            autoComplete="one-time-code"
            autoCapitalize="characters"
            {...setNewPassword.textField("code", code, setCode)}
          />
          <NewPasswordField {...setNewPassword.textField("newPassword", password, setPassword)} />
          <FormError failure={setNewPassword.failure} />
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

/** The account's address, in both steps (a code from an administrator skips the first). */
function EmailField(props: TextValueProps) {
  return <TextField label="Email" type="email" autoComplete="email" {...props} />;
}
