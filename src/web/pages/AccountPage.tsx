import { useState } from "react";
import { contract } from "../../api/contract.ts";
import { routeUrl } from "../../api/path.ts";
import {
  AWAITING_APPROVAL_MESSAGE,
  isVerified,
  mayWorkWithPatients,
} from "../../core/accounts/clinician-approval.ts";
import { ApiFailure, rememberCsrfToken } from "../api.ts";
import { useRouteMutation } from "../api-client.ts";
import { Checkbox } from "../components/Checkbox.tsx";
import { ClinicianLicence } from "../components/ClinicianLicence.tsx";
import { CurrentPasswordField, FormError, useFormAction } from "../components/form-action.tsx";
import { Options } from "../components/Options.tsx";
import { TextField } from "../components/TextField.tsx";
import { SignInSecurity } from "../session/SignInSecurity.tsx";
import { useSession, useUser } from "../session/session-context.tsx";

/** The periods of the PDF summary, in days. */
const RANGES = [
  { value: 30, label: "Last 30 days" },
  { value: 90, label: "Last 90 days" },
  { value: 365, label: "Last 12 months" },
];

/**
 * Account: profile, password and sign-in, downloads of everything (PDF, CSV, FHIR), and deleting
 * the account.
 */
export function AccountPage() {
  const user = useUser();
  const { setUser } = useSession();
  const [displayName, setDisplayName] = useState(user.displayName ?? "");
  const [timeZone, setTimeZone] = useState(user.timeZone);
  const [days, setDays] = useState(30);
  const [password, setPassword] = useState("");
  const [understood, setUnderstood] = useState(false);
  const updateMe = useRouteMutation(contract.updateMe);
  const deleteMe = useRouteMutation(contract.deleteAccount);

  const saveProfile = useFormAction(async () => {
    const res = await updateMe.mutateAsync({
      body: { displayName: displayName.trim() === "" ? null : displayName.trim(), timeZone },
    });
    setUser(res.user);
  });

  const deleteAccount = useFormAction(async () => {
    if (!understood)
      throw new ApiFailure(400, "confirm", "Tick the box to confirm you understand.");
    await deleteMe.mutateAsync({ body: { password } });
    rememberCsrfToken(undefined);
    window.location.assign("/sign-in?deleted=1");
  });

  const to = new Date();
  const from = new Date(to.getTime() - days * 86_400_000);
  const pdfHref = routeUrl(
    contract.exportPdf.path,
    {},
    { from: from.toISOString(), to: to.toISOString() },
  );

  return (
    <div className="page account-page">
      <header className="page-header">
        <h1>Account</h1>
        <p className="lead">{user.email}</p>
      </header>

      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        {user.role === "clinician" && (
          <>
            <ClinicianLicence licence={user.licence} verified={isVerified(user.approval)} />
            {!mayWorkWithPatients(user.approval) && (
              <p className="small">{AWAITING_APPROVAL_MESSAGE}</p>
            )}
          </>
        )}
        <form onSubmit={saveProfile.onSubmit} noValidate>
          <TextField
            label="Your name (optional)"
            autoComplete="name"
            {...saveProfile.textField("displayName", displayName, setDisplayName)}
          />
          <TextField
            label="Time zone"
            hint="An IANA zone such as America/Chicago: Mitra counts your days in it."
            autoComplete="off"
            {...saveProfile.textField("timeZone", timeZone, setTimeZone)}
          />
          <FormError failure={saveProfile.failure} />
          <div role="status" aria-live="polite">
            {updateMe.isSuccess && <p className="success">Saved.</p>}
          </div>
          <button type="submit" className="primary">
            Save profile
          </button>
        </form>
      </section>

      <SignInSecurity />

      <section className="card" aria-labelledby="exports-heading">
        <h2 id="exports-heading">Download your data</h2>
        <div className="field">
          <label htmlFor="pdf-range">Period of the PDF summary</label>
          <select id="pdf-range" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            <Options options={RANGES} />
          </select>
        </div>
        <div className="export-links">
          <a className="button primary" href={pdfHref} download>
            PDF summary
          </a>
          <a className="button" href={contract.exportCsv.path} download>
            All data (CSV)
          </a>
          <a className="button" href={contract.exportFhir.path} download>
            FHIR bundle
          </a>
        </div>
        <p className="small muted">
          The PDF is a summary to bring to an appointment. The CSV holds every table with your data,
          one after another. The FHIR bundle is for a clinic's health record system.
        </p>
      </section>

      <section className="card danger-zone" aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete your account</h2>
        <p>
          This deletes your account and everything in it: doses, check-ins, plans, products, notes
          and invitations. Clinicians lose access at once. It cannot be undone, so download your
          data first if you want to keep it.
        </p>
        <form onSubmit={deleteAccount.onSubmit} noValidate>
          <CurrentPasswordField
            label="Your password"
            {...deleteAccount.textField("password", password, setPassword)}
          />
          <div className="field">
            <Checkbox className="checkbox-label" checked={understood} onChange={setUnderstood}>
              I understand that everything will be deleted
            </Checkbox>
          </div>
          <FormError failure={deleteAccount.failure} />
          <button type="submit" className="primary danger" disabled={deleteMe.isPending}>
            {deleteMe.isPending ? "Deleting…" : "Delete my account"}
          </button>
        </form>
      </section>
    </div>
  );
}
