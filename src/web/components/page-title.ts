import { useEffect } from "react";

/** Each page's own name, by path (WCAG 2.4.2); the first part of a path decides. */
const TITLES: Record<string, string> = {
  "": "Mitra",
  "sign-in": "Sign in",
  "sign-up": "Create an account",
  "reset-password": "Reset your password",
  help: "Get help now",
  today: "Today",
  log: "Log a dose",
  "check-in": "Check-in",
  progress: "Progress",
  plan: "Plan",
  law: "Law",
  learn: "Learn",
  history: "Dose history",
  products: "Products",
  share: "Share with your clinician",
  account: "Account",
  notifications: "Notifications",
  patients: "Patients",
  admin: "Administration",
};

/** Pages below a section that are a page of their own: /learn/claims/…, /patients/…. */
const SUBPAGES: Record<string, string> = {
  "learn/claims": "Evidence claim",
  "products/coa": "Check a lab certificate",
  patients: "Patient",
  "notifications/settings": "Notification settings",
};

/** "Log a dose · Mitra": the title of the page at a path, before the page refines it. */
export function titleForPath(pathname: string): string {
  const parts = pathname.split("/").filter(Boolean);
  const [first = "", second] = parts;
  const sub =
    second === undefined ? undefined : (SUBPAGES[`${first}/${second}`] ?? SUBPAGES[first]);
  const name = sub ?? TITLES[first] ?? "Page not found";
  return withSiteName(name);
}

export function withSiteName(name: string): string {
  return name === "Mitra" ? name : `${name} · Mitra`;
}

/**
 * Names the page more closely than its path can ("SOWS check-in"), once it knows. Runs after the
 * layout has set the path's title, so it wins; `undefined` keeps the path's title.
 */
export function usePageTitle(name: string | undefined): void {
  useEffect(() => {
    if (name) document.title = withSiteName(name);
  }, [name]);
}
