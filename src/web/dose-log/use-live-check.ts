import { useEffect, useRef, useState } from "react";
import type { Warning } from "../../core/warning.ts";
import { ApiFailure, api } from "../api.ts";

/** The dose as the form holds it, ready for POST /api/safety/check. */
export interface DoseDraft {
  id: string;
  substance?: string;
  productId?: string;
  amount: number;
  unit: string;
  takenAt: string;
}

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
 * Answers that arrive for an older draft are dropped.
 */
export function useLiveCheck(draft: DoseDraft | null): LiveCheck {
  const [state, setState] = useState<LiveCheck>({
    warnings: undefined,
    checking: false,
    problem: undefined,
  });
  const sequence = useRef(0);
  const key = draft ? JSON.stringify(draft) : "";

  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the draft
  useEffect(() => {
    const mine = ++sequence.current;
    if (!draft) {
      setState({ warnings: undefined, checking: false, problem: undefined });
      return;
    }
    setState((s) => ({ ...s, checking: true }));
    const timer = setTimeout(() => {
      api<{ warnings: Warning[] }>("POST", "/api/safety/check", draft)
        .then((r) => {
          if (mine === sequence.current) {
            setState({ warnings: r.warnings, checking: false, problem: undefined });
          }
        })
        .catch((e: unknown) => {
          if (mine !== sequence.current) return;
          const problem =
            e instanceof ApiFailure && e.status === 0
              ? "No connection: Mitra cannot check this dose against its rules now. You can still save it; its warnings come once it is sent."
              : e instanceof ApiFailure
                ? e.message
                : "The safety check could not run just now.";
          setState({ warnings: undefined, checking: false, problem });
        });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  return state;
}
