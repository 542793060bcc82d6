import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { LICENCE_MAX_LENGTH } from "../../core/accounts/clinician-approval.ts";
import { ApiFailure } from "../api.ts";
import { homeFor } from "../components/navigation.ts";
import { RadioChoices } from "../components/RadioChoices.tsx";
import { TextField } from "../components/TextField.tsx";
import { useSession } from "../session/session-context.tsx";

/** Set once someone has signed in on this device: the sign-in page then says "Welcome back". */
const SIGNED_IN_HERE = "mitra.signed-in-here";

function signedInHereBefore(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HERE) !== null;
  } catch {
    return false;
  }
}

function rememberSignedInHere(): void {
  try {
    localStorage.setItem(SIGNED_IN_HERE, "1");
  } catch {
    // storage turned off: the next visit says "Welcome" again
  }
}

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** Sign in or create an account: one page, two modes. */
export function AuthPage({ mode }: { mode: "sign-in" | "sign-up" }) {
  const { signIn, signUp } = useSession();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [role, setRole] = useState<"patient" | "clinician">("patient");
  const signingUp = mode === "sign-up";
  const [returning] = useState(signedInHereBefore);
  const formRef = useRef<HTMLFormElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  // A refusal: focus goes to what to fix, the first field named or else the message itself.
  useEffect(() => {
    if (!failure) return;
    const field = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (field ?? errorRef.current)?.focus();
  }, [failure]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setBusy(true);
    setFailure(null);
    try {
      if (signingUp) {
        const displayName = String(form.get("displayName") ?? "").trim();
        const licence = String(form.get("licence") ?? "").trim();
        await signUp({
          email,
          password,
          role,
          timeZone: browserTimeZone(),
          ...(displayName ? { displayName } : {}),
          ...(role === "clinician" ? { licence } : {}),
        });
        rememberSignedInHere();
        navigate(homeFor(role));
      } else {
        await signIn(email, password);
        rememberSignedInHere();
        navigate("/");
      }
    } catch (error) {
      setFailure(error instanceof ApiFailure ? error : new ApiFailure(0, "unknown", String(error)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth">
      <section className="auth-intro">
        <h1>
          {signingUp
            ? "Create your Mitra account"
            : returning
              ? "Welcome back"
              : "Welcome to Mitra"}
        </h1>
        <p>
          Track withdrawal, doses and warnings in a few taps. Mitra records, scores and warns; it
          never prescribes. Your data stays yours: share it with a clinician only if you choose.
        </p>
      </section>
      <form
        ref={formRef}
        className="card auth-form"
        onSubmit={submit}
        noValidate
        aria-describedby="form-status"
      >
        <div id="form-status" role="alert" aria-live="assertive">
          {failure && failure.fields.length === 0 && (
            <p className="form-error" ref={errorRef} tabIndex={-1}>
              {failure.message}
            </p>
          )}
        </div>
        {signingUp && (
          <TextField
            label="Your name (optional)"
            name="displayName"
            autoComplete="nickname"
            maxLength={80}
          />
        )}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          error={failure?.fieldMessage("email")}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete={signingUp ? "new-password" : "current-password"}
          required
          {...(signingUp
            ? { hint: "At least 10 characters. A few unrelated words work well." }
            : {})}
          error={failure?.fieldMessage("password")}
        />
        {signingUp && (
          <fieldset className="choice">
            <legend>I am</legend>
            <RadioChoices
              name="role"
              choices={[
                ["patient", "Going through withdrawal"],
                ["clinician", "A clinician supervising patients"],
              ]}
              value={role}
              onChange={setRole}
            />
          </fieldset>
        )}
        {signingUp && role === "clinician" && (
          <TextField
            label="Your licence or role"
            name="licence"
            required
            maxLength={LICENCE_MAX_LENGTH}
            hint="For example: RN, licence 12345 (Oregon). Patients see it as you enter it, marked unverified until this Mitra's administrator approves your account; until then you cannot open patients' records."
            error={failure?.fieldMessage("licence")}
          />
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? "Please wait…" : signingUp ? "Create account" : "Sign in"}
        </button>
        <p className="auth-switch">
          {signingUp ? (
            <>
              Already have an account? <Link to="/sign-in">Sign in</Link>
            </>
          ) : (
            <>
              New to Mitra? <Link to="/sign-up">Create an account</Link>
              <br />
              <Link to="/reset-password">Forgot your password?</Link>
            </>
          )}
        </p>
      </form>
    </div>
  );
}
