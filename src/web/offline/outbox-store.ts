import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import { contract } from "../../api/contract.ts";
import { api } from "../api.ts";
import type { OutboxEntry } from "./outbox-entry.ts";

/**
 * The outbox in IndexedDB (through `idb`), so entries survive a reload, a closed tab or a
 * restarted phone. Every change is announced to this tab and to the app's other tabs.
 *
 * What a person logged (the request body and its summary) is sealed with AES-GCM under their own
 * key, which the server gives only to their session (GET /api/me/device-key). The device keeps
 * the key of the person signed in and no other: at sign-out, or when the server says the session
 * is gone, it forgets it, and their entries stay on the device unreadable until they sign in
 * here again and the key comes back with them.
 */
interface SealedEntry extends Omit<OutboxEntry, "body" | "summary"> {
  sealed: { iv: Uint8Array<ArrayBuffer>; data: ArrayBuffer };
}

/** An entry as the first version kept it, in the clear: sealed when its person's key arrives. */
type StoredEntry = SealedEntry | OutboxEntry;
const isSealed = (entry: StoredEntry): entry is SealedEntry => "sealed" in entry;

interface OutboxDatabase extends DBSchema {
  outbox: { key: string; value: StoredEntry; indexes: { byUser: string } };
  keys: { key: string; value: { userId: string; key: CryptoKey } };
}

const DATABASE = "mitra-offline";

let database: Promise<IDBPDatabase<OutboxDatabase>> | undefined;

function open(): Promise<IDBPDatabase<OutboxDatabase>> {
  if (typeof indexedDB === "undefined") {
    return Promise.reject(new Error("This browser cannot keep entries on the device."));
  }
  database ??= openDB<OutboxDatabase>(DATABASE, 2, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore("outbox", { keyPath: "id" }).createIndex("byUser", "userId");
      }
      if (oldVersion < 2) db.createObjectStore("keys", { keyPath: "userId" });
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

/**
 * Fetches the signed-in person's key and keeps it (not extractable: script can use it but never
 * read it out); forgets every other person's. Called whenever the server confirms who is signed in.
 */
export async function keepDeviceKeyOf(userId: string): Promise<void> {
  const { key } = await api<{ key: string }>("GET", contract.getDeviceKey.path);
  const raw = Uint8Array.from(atob(key.replaceAll("-", "+").replaceAll("_", "/")), (c) =>
    c.charCodeAt(0),
  );
  const cryptoKey = await crypto.subtle.importKey("raw", raw, "AES-GCM", false, [
    "encrypt",
    "decrypt",
  ]);
  const tx = (await open()).transaction("keys", "readwrite");
  for (const other of await tx.store.getAllKeys()) {
    if (other !== userId) await tx.store.delete(other);
  }
  await tx.store.put({ userId, key: cryptoKey });
  await tx.done;
  // Entries the first version kept in the clear are sealed now (never dropped: some may be unsent).
  const stored = await (await open()).getAllFromIndex("outbox", "byUser", userId);
  for (const entry of stored) if (!isSealed(entry)) await putEntry(entry);
  changed();
}

/** Forgets every key on this device (signed out): kept entries stay, sealed. */
export async function forgetDeviceKeys(): Promise<void> {
  await (await open()).clear("keys");
  changed();
}

async function keyOf(userId: string): Promise<CryptoKey | undefined> {
  return (await (await open()).get("keys", userId))?.key;
}

/** This person's entries that can be read here (none without their key). */
export async function entriesOf(userId: string): Promise<OutboxEntry[]> {
  const key = await keyOf(userId);
  if (!key) return [];
  const sealed = await (await open()).getAllFromIndex("outbox", "byUser", userId);
  return Promise.all(sealed.map((entry) => (isSealed(entry) ? unseal(entry, key) : entry)));
}

/** Adds or replaces an entry (the same client id is one entry), sealed under its person's key. */
export async function putEntry(entry: OutboxEntry): Promise<void> {
  const key = await keyOf(entry.userId);
  if (!key) throw new Error("This device has no key to keep your entries: sign in again online.");
  const { body, summary, ...rest } = entry;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify({ body, summary }));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, plain);
  await (await open()).put("outbox", { ...rest, sealed: { iv, data } });
  changed();
}

export async function removeEntry(id: string): Promise<void> {
  await (await open()).delete("outbox", id);
  changed();
}

async function unseal(entry: SealedEntry, key: CryptoKey): Promise<OutboxEntry> {
  const { sealed, ...rest } = entry;
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv }, key, sealed.data);
  const { body, summary } = JSON.parse(new TextDecoder().decode(plain)) as Pick<
    OutboxEntry,
    "body" | "summary"
  >;
  return { ...rest, body, summary };
}
