import type { User } from "../session/session-context.tsx";

export interface NavItem {
  to: string;
  label: string;
  /** Shown in the bottom bar on phones; the rest sit in the menu. */
  primary?: boolean;
}

/** The areas each role works in (DESIGN.md: who uses it, and for what). */
export function navigationFor(role: User["role"]): NavItem[] {
  if (role === "clinician") {
    return [
      { to: "/patients", label: "Patients", primary: true },
      { to: "/learn", label: "Learn", primary: true },
      { to: "/law", label: "Law", primary: true },
      { to: "/account", label: "Account", primary: true },
    ];
  }
  if (role === "admin") {
    return [
      { to: "/admin", label: "Admin", primary: true },
      { to: "/learn", label: "Learn", primary: true },
      { to: "/account", label: "Account", primary: true },
    ];
  }
  return [
    { to: "/today", label: "Today", primary: true },
    { to: "/log", label: "Log dose", primary: true },
    { to: "/check-in", label: "Check-in", primary: true },
    { to: "/progress", label: "Progress", primary: true },
    { to: "/history", label: "Dose history" },
    { to: "/products", label: "Products" },
    { to: "/plan", label: "Plan" },
    { to: "/law", label: "Law" },
    { to: "/learn", label: "Learn" },
    { to: "/share", label: "Share" },
    { to: "/account", label: "Account" },
  ];
}

export function homeFor(role: User["role"]): string {
  return navigationFor(role)[0]?.to ?? "/account";
}
