import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { contract } from "../../api/contract.ts";
import { mayGoQuiet, splitQuiet } from "../../core/quiet-warnings.ts";
import type { Warning } from "../../core/warning.ts";
import { ApiFailure } from "../api.ts";
import { useRouteMutation, useRouteQuery } from "../api-client.ts";
import { ErrorAlert } from "../components/ErrorAlert.tsx";
import { useOnline } from "../components/use-online.ts";
import { WarningList } from "../components/WarningList.tsx";
import "./quiet-warnings.css";

/**
 * The warning codes the person acknowledged today, asked afresh each time a form or a saved dose
 * shows (an acknowledgement on another device counts too); undefined while not known, none when
 * the server could not say.
 */
export function useAcknowledgedToday(): readonly string[] | undefined {
  const read = useRouteQuery(contract.listAcknowledgedWarnings, undefined, { staleTime: 0 });
  return read.isError ? [] : read.data?.codes;
}

const NEEDS_CONNECTION =
  "Quieting a warning needs a connection to Mitra. It stays shown until you try again online.";

/** What the list shows whole, and the controls to add under each warning's "What to do". */
export interface QuietParts {
  shown: Warning[];
  actions: (warning: Warning) => ReactNode;
}

/**
 * Warnings with "Got it, quiet for today": each caution or note offers the button; once the person
 * acknowledged a code today (on any device: `acknowledged` comes from the server), its cautions
 * and notes fold into one line ("1 warning you have already seen today") that opens to them in
 * full. Urgent, dangerous and unsafe warnings never fold (core/quiet-warnings.ts). `children`
 * lays out the warnings still shown (a WarningList by default); the folded line follows them.
 * After a click, focus moves to the folded line and the change is announced. Without a
 * connection the button says it needs one and nothing is kept or pretended.
 */
export function QuietWarnings({
  warnings,
  acknowledged,
  title,
  children,
}: {
  warnings: readonly Warning[];
  /** Codes acknowledged today; undefined while not known (everything is then shown whole). */
  acknowledged: readonly string[] | undefined;
  title: string;
  children?: (parts: QuietParts) => ReactNode;
}) {
  const online = useOnline();
  const client = useQueryClient();
  const acknowledge = useRouteMutation(contract.acknowledgeWarning);
  // Codes this page acknowledged, until the server's list (refreshed after the write) has them.
  const [mine, setMine] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<{ code: string; message: string } | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [focusLine, setFocusLine] = useState(false);
  const lineRef = useRef<HTMLElement>(null);
  const hintId = useId();

  const { shown, quiet } = splitQuiet(warnings, [...(acknowledged ?? []), ...mine]);

  useEffect(() => {
    if (focusLine && lineRef.current) {
      lineRef.current.focus();
      setFocusLine(false);
    }
  }, [focusLine]);

  async function quieten(w: Warning) {
    setProblem(null);
    if (!navigator.onLine) {
      setProblem({ code: w.code, message: NEEDS_CONNECTION });
      return;
    }
    setBusy(w.code);
    try {
      const answer = await acknowledge.mutateAsync({ body: { code: w.code } });
      // Today's summary is read through its own kept copy (offline/use-last-known.ts).
      await client.invalidateQueries({ queryKey: ["last-known", contract.getToday.path] });
      setMine(answer.codes);
      setAnnouncement(`Quiet for today: ${w.title}. It is under "already seen today".`);
      setFocusLine(true);
    } catch (error) {
      const failure = ApiFailure.from(error);
      setProblem({
        code: w.code,
        message: failure.status === 0 ? NEEDS_CONNECTION : failure.message,
      });
    } finally {
      setBusy(null);
    }
  }

  const actions = (w: Warning): ReactNode => {
    if (!mayGoQuiet(w) || acknowledged === undefined) return null;
    const failed = problem?.code === w.code ? problem.message : null;
    const hint = `${hintId}-${w.code}`;
    return (
      <div className="quiet-action">
        <button
          type="button"
          className="secondary"
          aria-disabled={!online || busy !== null}
          aria-describedby={online ? undefined : hint}
          onClick={() => {
            if (busy === null) void quieten(w);
          }}
        >
          {busy === w.code ? "Saving…" : "Got it, quiet for today"}
        </button>
        {!online && (
          <span id={hint} className="small muted">
            Needs a connection.
          </span>
        )}
        <ErrorAlert message={failed} />
      </div>
    );
  };

  return (
    <>
      {children ? (
        children({ shown, actions })
      ) : (
        <WarningList warnings={shown} title={title} actions={actions} />
      )}
      {quiet.length > 0 && (
        <details className="warnings-quiet" data-testid="warnings-quiet">
          <summary ref={lineRef}>
            {quiet.length === 1
              ? "1 warning you have already seen today"
              : `${quiet.length} warnings you have already seen today`}
          </summary>
          <WarningList warnings={quiet} title={`${title}: already seen today`} />
        </details>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
