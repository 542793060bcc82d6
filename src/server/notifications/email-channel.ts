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

/** E-mail through the SMTP server of MITRA_SMTP_URL. */
export function emailChannel(smtpUrl: string, from: string): Channel {
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
    name: "email",
    async send(recipient, message) {
      await transport.sendMail({
        from,
        to: recipient.email,
        subject: message.title,
        ...emailBody(message),
      });
    },
    async close() {
      transport.close();
    },
  };
}
