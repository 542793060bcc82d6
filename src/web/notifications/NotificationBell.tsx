import { Link } from "react-router-dom";
import { contract } from "../../api/contract.ts";
import { useRouteQuery } from "../api-client.ts";

/** How often the bell asks for the unread count while the page is open. */
const REFRESH_MS = 60_000;

/**
 * A link to the notifications page that says how many are unread, in words for screen readers.
 * Marking notifications read refreshes it at once (same feature in the cache).
 */
export function NotificationBell() {
  const { data } = useRouteQuery(contract.countUnreadNotifications, undefined, {
    refetchInterval: REFRESH_MS,
  });
  const unread = data?.unread ?? 0;
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
