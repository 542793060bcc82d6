import type { Recipient } from "../../db/notifications.ts";

/** What leaves Mitra for one recipient: a fixed title and the page behind sign-in, no health data. */
export interface OutgoingMessage {
  title: string;
  /** Absolute when MITRA_PUBLIC_URL is set, else the path. */
  link: string;
}

/** A way out of Mitra (e-mail, Web Push). The in-app list is written by the deliverer itself. */
export interface Channel {
  name: "email" | "push";
  send(recipient: Recipient, message: OutgoingMessage): Promise<void>;
  close?(): Promise<void>;
}
