import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import type { NotificationKind } from "../../core/notifications/kinds.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation, useRouteQuery } from "../api-client.ts";
import { Checkbox } from "../components/Checkbox.tsx";
import { MutedPatients } from "../notifications/MutedPatients.tsx";
import { MUTABLE_KINDS, type Preferences } from "../notifications/preferences.ts";
import { useUser } from "../session/session-context.tsx";

/** Choose what Mitra tells you and how: kinds, channels, check-in reminders, quiet hours. */
export function NotificationSettingsPage() {
  const user = useUser();
  const saved = useRouteQuery(contract.getNotificationPreferences);
  const saving = useRouteMutation(contract.saveNotificationPreferences);
  const testing = useRouteMutation(contract.sendTestNotification);
  /** The form's values while the person edits them; the saved ones until then. */
  const [edited, setPrefs] = useState<Preferences | undefined>();
  const prefs = edited ?? saved.data;
  const [status, setStatus] = useState("");
  const [failure, setFailure] = useState<ApiFailure | undefined>();
  const lastReminder = useRef<HTMLInputElement>(null);
  const [focusNew, setFocusNew] = useState(false);

  useEffect(() => {
    if (focusNew) lastReminder.current?.focus();
    setFocusNew(false);
  }, [focusNew]);

  if (saved.error && !prefs) {
    return (
      <p role="alert" className="error">
        {saved.error.message}
      </p>
    );
  }
  if (!prefs) return <p className="loading">Loading…</p>;
  const change = (next: Partial<Preferences>) => setPrefs({ ...prefs, ...next });
  const toggleKind = (kind: NotificationKind) =>
    change({
      mutedKinds: prefs.mutedKinds.includes(kind)
        ? prefs.mutedKinds.filter((k) => k !== kind)
        : [...prefs.mutedKinds, kind],
    });
  const setReminder = (i: number, value: string) =>
    change({ checkInReminders: prefs.checkInReminders.map((t, k) => (k === i ? value : t)) });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus("");
    setFailure(undefined);
    try {
      setPrefs(await saving.mutateAsync({ body: prefs }));
      setStatus("Saved.");
    } catch (e) {
      if (e instanceof ApiFailure) setFailure(e);
    }
  };
  const sendTest = async () => {
    setStatus("");
    try {
      await testing.mutateAsync({});
      setStatus("Test sent: it appears in your notifications and on each channel you turned on.");
    } catch (e) {
      if (e instanceof ApiFailure) setFailure(e);
    }
  };
  const reminderError = (i: number) => failure?.fieldMessage(`checkInReminders.${i}`);

  return (
    <section className="notification-settings">
      <h1>Notification settings</h1>
      <p>
        Messages outside Mitra never say anything about your health: only that there is something to
        see, and a link to sign in. <Link to="/notifications">Your notifications</Link>
      </p>
      <form onSubmit={save} noValidate>
        <fieldset className="choice">
          <legend>Notifications</legend>
          <Checkbox checked={prefs.enabled} onChange={(enabled) => change({ enabled })}>
            Notify me
          </Checkbox>
          {user.role === "clinician" && (
            <p className="field-hint">
              Red flags of patients who share their check-ins with you are always on.
            </p>
          )}
        </fieldset>
        <fieldset className="choice">
          <legend>How</legend>
          <Checkbox
            checked={prefs.channels.email}
            onChange={(email) => change({ channels: { ...prefs.channels, email } })}
          >
            E-mail
          </Checkbox>
          <Checkbox
            checked={prefs.channels.push}
            onChange={(push) => change({ channels: { ...prefs.channels, push } })}
          >
            Push to devices where I turned it on
          </Checkbox>
        </fieldset>
        {MUTABLE_KINDS[user.role].length > 0 && (
          <fieldset className="choice">
            <legend>Tell me when</legend>
            {MUTABLE_KINDS[user.role].map(([kind, label]) => (
              <Checkbox
                key={kind}
                checked={!prefs.mutedKinds.includes(kind)}
                onChange={() => toggleKind(kind)}
              >
                {label}
              </Checkbox>
            ))}
            {user.role === "patient" && (
              <Checkbox
                checked={prefs.doseWindowReminders}
                onChange={(doseWindowReminders) => change({ doseWindowReminders })}
              >
                Tell me when my next planned dose window opens
              </Checkbox>
            )}
          </fieldset>
        )}
        {user.role === "clinician" && (
          <MutedPatients
            muted={prefs.mutedPatients}
            onChange={(mutedPatients) => change({ mutedPatients })}
          />
        )}
        {user.role === "patient" && (
          <fieldset className="choice">
            <legend>Daily check-in reminders</legend>
            <p className="field-hint">At these times of day where you are (24-hour, like 08:30).</p>
            {prefs.checkInReminders.map((time, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a reminder is named by its place
              <div className="field reminder-time" key={i}>
                <label htmlFor={`reminder-${i}`}>Reminder {i + 1}</label>
                <input
                  id={`reminder-${i}`}
                  ref={i === prefs.checkInReminders.length - 1 ? lastReminder : undefined}
                  inputMode="numeric"
                  value={time}
                  aria-invalid={reminderError(i) ? true : undefined}
                  aria-describedby={reminderError(i) ? `reminder-${i}-error` : undefined}
                  onChange={(e) => setReminder(i, e.target.value)}
                />
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    change({ checkInReminders: prefs.checkInReminders.filter((_, k) => k !== i) })
                  }
                >
                  Remove reminder {i + 1}
                </button>
                {reminderError(i) && (
                  <p className="field-error" id={`reminder-${i}-error`}>
                    {reminderError(i)}
                  </p>
                )}
              </div>
            ))}
            {prefs.checkInReminders.length < 6 && (
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  change({ checkInReminders: [...prefs.checkInReminders, ""] });
                  setFocusNew(true);
                }}
              >
                Add a check-in reminder
              </button>
            )}
          </fieldset>
        )}
        <fieldset className="choice">
          <legend>Quiet hours</legend>
          <Checkbox
            checked={prefs.quietHours !== null}
            onChange={(on) => change({ quietHours: on ? { start: "22:00", end: "07:00" } : null })}
          >
            Hold e-mail and push between
          </Checkbox>
          {prefs.quietHours && (
            <div className="quiet-hours">
              {(["start", "end"] as const).map((end) => (
                <label key={end}>
                  {end === "start" ? "From" : "to"}
                  <input
                    inputMode="numeric"
                    value={prefs.quietHours?.[end]}
                    onChange={(e) =>
                      prefs.quietHours &&
                      change({ quietHours: { ...prefs.quietHours, [end]: e.target.value } })
                    }
                  />
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <button type="submit" className="primary">
          Save settings
        </button>
      </form>
      <p>
        <button type="button" className="secondary" onClick={() => void sendTest()}>
          Send a test notification
        </button>
      </p>
      <div role="status" aria-live="polite">
        {status && <p>{status}</p>}
      </div>
      <div role="alert">{failure && <p className="form-error">{failure.message}</p>}</div>
    </section>
  );
}
