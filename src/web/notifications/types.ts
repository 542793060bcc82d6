/** The notification routes' answers (src/server/notifications/schemas.ts). */
export interface NotificationEntry {
  id: string;
  kind: string;
  label: string;
  linkPath: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  notifications: NotificationEntry[];
  unread: number;
}

/** Sent by the notifications page when it marks entries read, so the bell updates at once. */
export const UNREAD_CHANGED = "mitra:unread-changed";
