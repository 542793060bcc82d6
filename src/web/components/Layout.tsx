import { Suspense, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Link, NavLink, Outlet, useLocation } from "react-router-dom";
import { NotificationBell } from "../notifications/NotificationBell.tsx";
import { OutboxStatus } from "../offline/OutboxStatus.tsx";
import { countEntries } from "../offline/outbox-status.ts";
import { entriesOf } from "../offline/outbox-store.ts";
import { forgetLastKnown } from "../offline/use-last-known.ts";
import { useSession } from "../session/session-context.tsx";
import { navigationFor } from "./navigation.ts";
import { titleForPath } from "./page-title.ts";

/** Skip link, header with the always-present "Get help now", menu, page, and phone tab bar. */
export function Layout() {
  const { user, signOut } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const items = user ? navigationFor(user.role) : [];

  // Entries not yet sent stay on this device under this person; say so before signing out.
  const signOutChecked = async () => {
    const waiting = user ? await entriesOf(user.id).catch(() => []) : [];
    if (
      waiting.length > 0 &&
      !window.confirm(
        `${countEntries(waiting)} not sent yet: kept on this device, locked, and sent when you sign in here again. Sign out anyway?`,
      )
    )
      return;
    forgetLastKnown();
    await signOut();
  };

  // Each page its own title; before the pages' own effects, so a page can name itself closer.
  useLayoutEffect(() => {
    document.title = titleForPath(location.pathname);
  }, [location.pathname]);

  // A new page: close the menu and move focus to the page so screen readers announce it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation
  useEffect(() => {
    setMenuOpen(false);
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  return (
    <div className={user ? "shell with-nav" : "shell"}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link to="/" className="brand" aria-label="Mitra, home">
          <span className="brand-mark" aria-hidden="true">
            ◐
          </span>
          Mitra
        </Link>
        <div className="topbar-actions">
          <Link to="/help" className="help-now">
            Get help now
          </Link>
          {user && <NotificationBell />}
          {user && (
            <button
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls="main-menu"
              onClick={() => setMenuOpen((o) => !o)}
            >
              Menu
            </button>
          )}
        </div>
      </header>
      {user && <OutboxStatus userId={user.id} timeZone={user.timeZone} />}
      {user && (
        <nav
          id="main-menu"
          className={`side-nav${menuOpen ? " open" : ""}`}
          aria-label="All sections"
        >
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
          <p className="signed-in-as">
            Signed in as <strong>{user.displayName ?? user.email}</strong>
          </p>
          <button type="button" className="link-button" onClick={() => void signOutChecked()}>
            Sign out
          </button>
        </nav>
      )}
      <main id="main" ref={mainRef} tabIndex={-1}>
        <Suspense fallback={<p className="loading">Loading…</p>}>
          <Outlet />
        </Suspense>
      </main>
      {user && (
        <nav className="tab-bar" aria-label="Main">
          {items
            .filter((i) => i.primary)
            .map((item) => (
              <NavLink key={item.to} to={item.to}>
                {item.label}
              </NavLink>
            ))}
        </nav>
      )}
    </div>
  );
}
