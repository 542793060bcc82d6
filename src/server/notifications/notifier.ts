import type { Kysely } from "kysely";
import type { NotificationKind } from "../../core/notifications/kinds.ts";
import type { Engine } from "../../db/connection.ts";
import { purgeNotifications } from "../../db/notification-retention.ts";
import { insertNotificationEvent } from "../../db/notifications.ts";
import type { Database } from "../../db/schema.ts";
import type { Config } from "../config.ts";
import type { Channel } from "./channels.ts";
import { eventDeliverer } from "./deliver-event.ts";
import { createMailer, emailChannel, type Mailer } from "./email-channel.ts";
import { Poller } from "./poller.ts";
import { loadVapidKeys, pushChannel } from "./push-channel.ts";
import { createNotificationQueue, type NotificationQueue, type RetryPolicy } from "./queue.ts";
import { REMINDER_TICK_MS, sendDueReminders } from "./reminders.ts";

export interface NotifyEvent {
  /** Given when the event must exist once whoever writes it (a reminder's slot). */
  id?: string;
  kind: NotificationKind;
  /** Whose record or account it is about. */
  subjectId: string;
  /** The clinician of a care link. */
  otherId?: string;
  /** On the app's clock: not delivered before then (the engine's hold, as for quiet hours). */
  dueAt?: Date;
}

/** Writes events to the outbox and runs the engine that delivers them. */
export interface Notifier {
  /**
   * Call in the transaction that writes the cause, so the event commits (or not) with it.
   * False when an event with the given id exists already.
   */
  record(trx: Kysely<Database>, event: NotifyEvent, now: Date): Promise<boolean>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The VAPID public key browsers subscribe with (known once started). */
  pushPublicKey(): string | undefined;
  /** E-mail that is not a notification (a password reset code); none without MITRA_SMTP_URL. */
  mailer: Mailer | undefined;
}

/** How often each instance deletes what notifications no longer need (and once at start). */
const PURGE_INTERVAL_MS = 3_600_000;

/** How soon a start that failed (the database did not answer) is tried again. */
const START_RETRY_MS = 5_000;

/** Who runs this Mitra, for push services (a URL or a mailto:). */
function vapidSubject(config: Config): string {
  if (config.publicUrl) return config.publicUrl;
  const address = config.mailFrom?.match(/[^<\s]+@[^>\s]+/)?.[0];
  return `mailto:${address ?? "mitra@localhost"}`;
}

export function createNotifier(options: {
  db: Kysely<Database>;
  engine: Engine;
  config: Config;
  now: () => Date;
  retry?: RetryPolicy;
  onError: (error: unknown) => void;
}): Notifier {
  const { config } = options;
  const channels: Channel[] = [];
  const mailer =
    config.smtpUrl && config.mailFrom ? createMailer(config.smtpUrl, config.mailFrom) : undefined;
  if (mailer) channels.push(emailChannel(mailer));
  const deliver = eventDeliverer({
    db: options.db,
    channels: () => channels,
    now: options.now,
    publicUrl: config.publicUrl,
  });
  const queue: NotificationQueue = createNotificationQueue({ ...options, deliver });
  const retentionMs = config.notificationRetentionDays * 86_400_000;
  const maintenance = new Poller(
    PURGE_INTERVAL_MS,
    async () => {
      await purgeNotifications(options.db, new Date(options.now().getTime() - retentionMs));
    },
    options.onError,
  );
  let publicKey: string | undefined;
  let reminders: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;
  let queueStarted = false;
  let starting: Promise<void> | undefined;
  const startParts = (): Promise<void> => {
    starting = (async () => {
      try {
        if (!publicKey) {
          const keys = await loadVapidKeys(options.db, options.now());
          channels.push(pushChannel(options.db, keys, vapidSubject(config)));
          publicKey = keys.publicKey;
        }
        if (!queueStarted && !stopped) {
          await queue.start();
          queueStarted = true;
        }
      } catch (error) {
        options.onError(error);
        if (!stopped) {
          retry = setTimeout(() => void startParts(), START_RETRY_MS);
          retry.unref();
        }
      }
    })();
    return starting;
  };
  const notifier: Notifier = {
    async record(trx, event, now) {
      // The engines schedule on the wall clock: the wait is the app clock's, from now.
      const wait = event.dueAt ? Math.max(0, event.dueAt.getTime() - now.getTime()) : 0;
      const dueAt = new Date(Date.now() + wait);
      const id = await insertNotificationEvent(trx, { ...event, now, dueAt });
      if (id) await queue.enqueue(trx, id, dueAt);
      return id !== undefined;
    },
    // A database that does not answer, or does not take writes, must not stop Mitra from
    // serving: what fails here is logged and tried again every few seconds until it works.
    async start() {
      stopped = false;
      await startParts();
      reminders = setInterval(() => {
        sendDueReminders(options.db, notifier, options.now()).catch(options.onError);
      }, REMINDER_TICK_MS);
      reminders.unref();
      maintenance.start(true);
    },
    async stop() {
      stopped = true;
      clearInterval(reminders);
      clearTimeout(retry);
      await maintenance.stop();
      await starting;
      await queue.stop();
      // A later start (after a stop in the same process) starts the queue again.
      queueStarted = false;
      for (const channel of channels) await channel.close?.();
    },
    pushPublicKey: () => publicKey,
    mailer,
  };
  return notifier;
}
