import type { Warning } from "../warning.ts";
import { fillTemplate } from "./template.ts";
import type { WarningText } from "./types.ts";

/** A warning from a text kept in data, with its placeholders filled and its facts attached. */
export function warningFromText(
  code: string,
  text: WarningText,
  values: Record<string, string | number> = {},
  details?: Record<string, unknown>,
): Warning {
  const warning: Warning = {
    code,
    severity: text.severity,
    title: fillTemplate(text.title, values),
    message: fillTemplate(text.message, values),
    action: fillTemplate(text.action, values),
    sources: text.sources,
  };
  if (details !== undefined) warning.details = details;
  return warning;
}
