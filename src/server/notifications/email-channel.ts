import nodemailer from "nodemailer";
import type { Channel, OutgoingMessage } from "./channels.ts";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The e-mail for a message: the title, and where to sign in for the details. Nothing else. */
export function emailBody(message: OutgoingMessage): { text: string; html: string } {
  const text =
    `${message.title}\n\n` +
    `Sign in to Mitra to see the details: ${message.link}\n\n` +
    "Mitra never puts health information in e-mail. You can choose which notifications you " +
    "get under Notifications in Mitra.\n";
  const link = escapeHtml(message.link);
  const html =
    `<p>${escapeHtml(message.title)}</p>` +
    `<p>Sign in to Mitra to see the details: <a href="${link}">${link}</a></p>` +
    "<p>Mitra never puts health information in e-mail. You can choose which notifications you " +
    "get under Notifications in Mitra.</p>";
  return { text, html };
}

/** Plain e-mail through the SMTP server of MITRA_SMTP_URL. */
export interface Mailer {
  send(to: string, subject: string, body: { text: string; html: string }): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string, from: string): Mailer {
  // Short timeouts: a stalled server fails the try (and the job engine retries) rather than
  // holding a job past its expiry, when another instance would take it too.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    // Kept-open connections: a burst of alerts does not open one connection per message.
    pool: true,
    maxConnections: 5,
    connectionTimeout: 5_000,
    greetingTimeout: 5_000,
    socketTimeout: 10_000,
  });
  return {
    async send(to, subject, body) {
      await transport.sendMail({ from, to, subject, ...body });
    },
    close: () => transport.close(),
  };
}

/** The notification channel over a mailer. */
export function emailChannel(mailer: Mailer): Channel {
  return {
    name: "email",
    send: (recipient, message) => mailer.send(recipient.email, message.title, emailBody(message)),
    async close() {
      mailer.close();
    },
  };
}
