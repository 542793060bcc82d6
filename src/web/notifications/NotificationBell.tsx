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
      <svg aria-hidden="true" focusable="false" width="24" height="24" viewBox="0 0 24 24">
        <path
          d="M12 3a6 6 0 0 0-6 6v4l-2 3h16l-2-3V9a6 6 0 0 0-6-6Zm-2 15a2 2 0 0 0 4 0"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      {unread > 0 && (
        <span className="unread-badge" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      )}
    </Link>
  );
}
