import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { OutboxEntry } from "./outbox-entry.ts";

/**
 * The outbox in IndexedDB (through `idb`), so entries survive a reload, a closed tab or a
 * restarted phone. Every change is announced to this tab and to the app's other tabs.
 */
interface OutboxDatabase extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { byUser: string } };
}

const DATABASE = "mitra-offline";
const STORE = "outbox";

let database: Promise<IDBPDatabase<OutboxDatabase>> | undefined;

function open(): Promise<IDBPDatabase<OutboxDatabase>> {
  if (typeof indexedDB === "undefined") {
    return Promise.reject(new Error("This browser cannot keep entries on the device."));
  }
  database ??= openDB<OutboxDatabase>(DATABASE, 1, {
    upgrade(db) {
      const store = db.createObjectStore(STORE, { keyPath: "id" });
      store.createIndex("byUser", "userId");
    },
  }).catch((error) => {
    database = undefined;
    throw error;
  });
  return database;
}

const changes = new EventTarget();
const channel =
  typeof BroadcastChannel === "function" ? new BroadcastChannel("mitra-outbox") : null;
channel?.addEventListener("message", () => changes.dispatchEvent(new Event("change")));

function changed(): void {
  changes.dispatchEvent(new Event("change"));
  channel?.postMessage("change");
}

/** Calls `listener` after any change to the outbox, here or in another tab; returns the unsubscribe. */
export function onOutboxChange(listener: () => void): () => void {
  changes.addEventListener("change", listener);
  return () => changes.removeEventListener("change", listener);
}

/** Every entry on this device, whoever it belongs to (callers filter by person). */
export async function allEntries(): Promise<OutboxEntry[]> {
  return (await open()).getAll(STORE);
}

export async function entriesOf(userId: string): Promise<OutboxEntry[]> {
  return (await open()).getAllFromIndex(STORE, "byUser", userId);
}

/** Adds or replaces an entry (the same client id is one entry). */
export async function putEntry(entry: OutboxEntry): Promise<void> {
  await (await open()).put(STORE, entry);
  changed();
}

export async function removeEntry(id: string): Promise<void> {
  await (await open()).delete(STORE, id);
  changed();
}
