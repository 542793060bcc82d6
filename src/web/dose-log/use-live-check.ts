import { keepPreviousData } from "@tanstack/react-query";
import { contract } from "../../api/contract.ts";
import type { RouteInput } from "../../api/define.ts";
import type { Warning } from "../../core/warning.ts";
import { useRouteQuery } from "../api-client.ts";
import { useSettled } from "../components/use-settled.ts";

/** The dose as the form holds it, ready for the safety check. */
export type DoseDraft = RouteInput<typeof contract.checkSafety>["body"];

export interface LiveCheck {
  /** undefined until a check has answered for the current draft. */
  warnings: Warning[] | undefined;
  checking: boolean;
  /** Why the check could not run (a field problem or no connection). */
  problem: string | undefined;
}

/** How long typing must pause before the dose is checked. */
const DEBOUNCE_MS = 350;

/**
 * Checks the draft against the safety rules as the person types (debounced), without saving.
 * Each draft is its own read: while a newer one is checked, the last answer stays in view.
 */
export function useLiveCheck(draft: DoseDraft | null): LiveCheck {
  const settled = useSettled(draft, DEBOUNCE_MS);
  const current = draft !== null && JSON.stringify(settled) === JSON.stringify(draft);
  const check = useRouteQuery(
    contract.checkSafety,
    { body: settled ?? ({} as DoseDraft) },
    { enabled: settled !== null, retry: false, staleTime: 0, placeholderData: keepPreviousData },
  );
  if (draft === null) return { warnings: undefined, checking: false, problem: undefined };
  const warnings = check.data?.warnings;
  if (!current || check.isFetching) return { warnings, checking: true, problem: undefined };
  if (check.error) {
    const problem =
      check.error.status === 0
        ? "No connection: Mitra cannot check this dose against its rules now. You can still save it; its warnings come once it is sent."
        : check.error.message;
    return { warnings: undefined, checking: false, problem };
  }
  return { warnings, checking: false, problem: undefined };
}
