import { useState } from "react";
import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { useRouteMutation, useRouteQuery } from "../api-client.ts";
import { pushSupported, subscribeThisBrowser } from "../notifications/push-subscription.ts";

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The account's notifications, newest first; opening one marks it read. */
export function NotificationsPage() {
  const listing = useRouteQuery(contract.listNotifications, { query: { limit: 100 } });
  const marking = useRouteMutation(contract.markNotificationsRead);
  const [pushState, setPushState] = useState<string | undefined>();
  const list = listing.data;
  const failure = listing.error ?? marking.error;
  const error = failure ? failure.message || "Could not load your notifications." : undefined;

  const mark = (body: { ids: string[] } | { all: true }) => marking.mutate({ body });

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
          <button type="button" className="secondary" onClick={() => void notifyThisDevice()}>
            Notify me on this device
          </button>
        </p>
      )}
      {pushState && <p role="status">{pushState}</p>}
      {list === undefined && !error && <p className="loading">Loading…</p>}
      {list && list.notifications.length === 0 && <p>Nothing yet.</p>}
      {list && list.unread > 0 && (
        <button type="button" className="secondary" onClick={() => mark({ all: true })}>
          Mark all as read
        </button>
      )}
      {list && list.notifications.length > 0 && (
        <ul className="notification-list">
          {list.notifications.map((n) => (
            <li key={n.id} className={n.readAt ? "read" : "unread"}>
              <Link to={n.linkPath} onClick={() => !n.readAt && mark({ ids: [n.id] })}>
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
