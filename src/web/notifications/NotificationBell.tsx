import { useEffect, useState } from "react";
import { Link, useLocation } from "react-router-dom";
import { api } from "../api.ts";
import { UNREAD_CHANGED } from "./types.ts";

/** How often the bell asks for the unread count while the page is open. */
const REFRESH_MS = 60_000;

/** A link to the notifications page that says how many are unread, in words for screen readers. */
export function NotificationBell() {
  const [unread, setUnread] = useState(0);
  const location = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: asks again on navigation
  useEffect(() => {
    let live = true;
    const refresh = () =>
      api<{ unread: number }>("GET", "/api/notifications/unread")
        .then((r) => live && setUnread(r.unread))
        .catch(() => {});
    void refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    const onChanged = (e: Event) => setUnread((e as CustomEvent<number>).detail);
    window.addEventListener(UNREAD_CHANGED, onChanged);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(UNREAD_CHANGED, onChanged);
    };
  }, [location.pathname]);

  const label = unread === 0 ? "Notifications" : `Notifications, ${unread} unread`;
  return (
    <Link to="/notifications" className="notification-bell" aria-label={label}>
      <span aria-hidden="true">🔔</span>
      {unread > 0 && (
        <span className="unread-badge" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
