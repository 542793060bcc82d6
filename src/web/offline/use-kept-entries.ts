import { useEffect, useState } from "react";
import type { OutboxEntry } from "./outbox-entry.ts";
import { entriesOf, onOutboxChange } from "./outbox-store.ts";

/** This person's entries kept on the device, not yet sent; kept up to date as they change. */
export function useKeptEntries(userId: string): OutboxEntry[] {
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      entriesOf(userId).then(
        (e) => live && setEntries(e),
        () => live && setEntries([]),
      );
    void load();
    const stop = onOutboxChange(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, [userId]);
  return entries;
}
