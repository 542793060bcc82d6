import { useEffect, useRef } from "react";
import type { FlushResult } from "./outbox-sender.ts";
import { OUTBOX_SENT_EVENT } from "./use-outbox.ts";

/**
 * Calls `onSent` with the server's answer when the kept entry `id` is sent, so the page that
 * said "saved on this device" can show what the server said (the warnings) instead.
 */
export function useWhenSent<T>(id: string | null, onSent: (reply: T) => void): void {
  const callback = useRef(onSent);
  callback.current = onSent;
  useEffect(() => {
    if (id === null) return;
    const sent = (event: Event) => {
      const items = (event as CustomEvent<FlushResult["sent"]>).detail ?? [];
      const mine = items.find((s) => s.entry.id === id);
      if (mine?.reply !== undefined) callback.current(mine.reply as T);
    };
    window.addEventListener(OUTBOX_SENT_EVENT, sent);
    return () => window.removeEventListener(OUTBOX_SENT_EVENT, sent);
  }, [id]);
}
