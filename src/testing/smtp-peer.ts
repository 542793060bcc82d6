import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A message the SMTP peer received, parsed. */
export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: number;
}

/**
 * A real SMTP server on a free local port that parses every message it accepts (mailparser).
 * `refuse` makes it answer 451 to every message, as a mail server in trouble does; `stall` makes
 * it take a message and never answer (counted in `stalled`), so the sender is caught mid-send.
 */
export class SmtpPeer {
  readonly received: ReceivedMail[] = [];
  refuse = false;
  stall = false;
  stalled = 0;
  private waiters: (() => void)[] = [];
  private server: SMTPServer;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      closeTimeout: 1_000,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData: (stream, _session, callback) => {
        if (this.stall) {
          this.stalled++;
          // The sender may be killed while it waits: its end of the stream then breaks.
          stream.on("error", () => {});
          stream.resume();
          return;
        }
        if (this.refuse) {
          stream.resume();
          stream.on("end", () =>
            callback(Object.assign(new Error("try later"), { responseCode: 451 })),
          );
          return;
        }
        simpleParser(stream)
          .then((mail: ParsedMail) => {
            const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? ""));
            this.received.push({
              to,
              subject: mail.subject ?? "",
              text: mail.text ?? "",
              html: typeof mail.html === "string" ? mail.html : "",
              receivedAt: Date.now(),
            });
            for (const wake of this.waiters.splice(0)) wake();
            callback();
          })
          .catch(callback);
      },
    });
  }

  /** Connections that broke (a sender killed mid-message resets its socket): expected here. */
  readonly connectionErrors: Error[] = [];

  async start(): Promise<string> {
    this.server.on("error", (error: Error) => this.connectionErrors.push(error));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** Messages sent to `address` so far. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.to.includes(address));
  }

  /** Resolves once `count` messages reached `address`; fails after `timeoutMs`. */
  async waitFor(address: string, count: number, timeoutMs = 10_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.to(address).length < count) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`${this.to(address).length} of ${count} messages reached ${address}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.to(address);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
