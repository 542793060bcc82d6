import type { Ref } from "react";

/**
 * What just happened, announced politely; `focusRef` lets the caller move focus to it (the
 * message is focusable then, but not in the tab order).
 */
export function StatusMessage({
  message,
  className = "success",
  focusRef,
}: {
  message: string | null;
  className?: string;
  focusRef?: Ref<HTMLParagraphElement>;
}) {
  return (
    <div role="status" aria-live="polite">
      {message && (
        <p className={className} tabIndex={focusRef ? -1 : undefined} ref={focusRef}>
          {message}
        </p>
      )}
    </div>
  );
}
