import { useEffect, useState } from "react";
import { OUTBOX_SENT_EVENT } from "./use-outbox.ts";

/** A number that grows each time kept entries reach the server: a dependency to load again. */
export function useOutboxSent(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const sent = () => setCount((n) => n + 1);
    window.addEventListener(OUTBOX_SENT_EVENT, sent);
    return () => window.removeEventListener(OUTBOX_SENT_EVENT, sent);
  }, []);
  return count;
}
