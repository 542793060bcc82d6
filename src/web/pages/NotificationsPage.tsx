import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { ApiFailure, api } from "../api.ts";
import { pushSupported, subscribeThisBrowser } from "../notifications/push-subscription.ts";
import { type NotificationList, UNREAD_CHANGED } from "../notifications/types.ts";

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The account's notifications, newest first; opening one marks it read. */
export function NotificationsPage() {
  const [list, setList] = useState<NotificationList | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [pushState, setPushState] = useState<string | undefined>();

  const load = useCallback(async () => {
    try {
      const next = await api<NotificationList>("GET", "/api/notifications?limit=100");
      setList(next);
      window.dispatchEvent(new CustomEvent(UNREAD_CHANGED, { detail: next.unread }));
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : "Could not load your notifications.");
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const mark = async (body: { ids: string[] } | { all: true }) => {
    try {
      await api("POST", "/api/notifications/read", body);
      await load();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.message : "Could not mark them read.");
    }
  };

  const notifyThisDevice = async () => {
    try {
      const outcome = await subscribeThisBrowser();
      setPushState(
        outcome === "subscribed"
          ? "This device will show Mitra's notifications."
          : "Notifications are blocked for Mitra in this browser's settings.",
      );
    } catch {
      setPushState("This browser could not subscribe. Try again later.");
    }
  };

  return (
    <section className="notifications-page">
      <h1>Notifications</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p>
        <Link to="/notifications/settings">Notification settings</Link>
      </p>
      {pushSupported() && (
        <p>
          <button type="button" onClick={() => void notifyThisDevice()}>
            Notify me on this device
          </button>
        </p>
      )}
      {pushState && <p role="status">{pushState}</p>}
      {list === undefined && !error && <p className="loading">Loading…</p>}
      {list && list.notifications.length === 0 && <p>Nothing yet.</p>}
      {list && list.unread > 0 && (
        <button type="button" onClick={() => void mark({ all: true })}>
          Mark all as read
        </button>
      )}
      {list && list.notifications.length > 0 && (
        <ul className="notification-list">
          {list.notifications.map((n) => (
            <li key={n.id} className={n.readAt ? "read" : "unread"}>
              <Link to={n.linkPath} onClick={() => !n.readAt && void mark({ ids: [n.id] })}>
                {n.readAt ? "" : <span className="visually-hidden">Unread: </span>}
                {n.label}
              </Link>
              <time dateTime={n.createdAt}>{when(n.createdAt)}</time>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
