import type { Severity } from "../../core/warning.ts";

/** How bad a warning is, in the words every screen uses. */
export const SEVERITY_LABEL: Record<Severity, string> = {
  urgent: "Get help now",
  dangerous: "Dangerous",
  unsafe: "Unsafe",
  caution: "Caution",
  info: "Good to know",
};
