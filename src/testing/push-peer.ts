import { execFileSync } from "node:child_process";
import { createECDH, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
// http_ece has no types; web-push depends on it and encrypts with it.
// @ts-expect-error untyped CommonJS module
import ece from "http_ece";

/** A push message as the browser would see it after decrypting. */
export interface ReceivedPush {
  subscriptionId: string;
  /** The decrypted payload. */
  payload: string;
  contentEncoding: string | undefined;
  /** `vapid t=<JWT>, k=<public key>`. */
  authorization: string | undefined;
  receivedAt: number;
}

/** One browser's subscription, with the private half only the browser (and this peer) holds. */
interface Subscriber {
  ecdh: ReturnType<typeof createECDH>;
  auth: Buffer;
}

/**
 * A local HTTPS endpoint that plays the push service: it hands out subscriptions with their own
 * P-256 keys and auth secrets, and decrypts each message it receives (RFC 8291, aes128gcm) with
 * http_ece, as the browser would. Its certificate is self-signed; `start` makes this process
 * trust it. A subscription marked gone answers 410, as a push service does for a dropped one.
 */
export class PushPeer {
  readonly received: ReceivedPush[] = [];
  readonly gone = new Set<string>();
  private subscribers = new Map<string, Subscriber>();
  private server: https.Server | undefined;
  private port = 0;
  private dir = mkdtempSync(join(tmpdir(), "mitra-push-"));

  async start(): Promise<void> {
    const key = join(this.dir, "key.pem");
    const cert = join(this.dir, "cert.pem");
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-days",
        "1",
        "-keyout",
        key,
        "-out",
        cert,
      ],
      { stdio: "ignore" },
    );
    const certificate = readFileSync(cert);
    this.server = https.createServer({ key: readFileSync(key), cert: certificate }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const id = req.url?.split("/").pop() ?? "";
        const subscriber = this.subscribers.get(id);
        if (!subscriber || this.gone.has(id)) {
          res.writeHead(410).end();
          return;
        }
        const payload: Buffer = ece.decrypt(Buffer.concat(chunks), {
          version: "aes128gcm",
          privateKey: subscriber.ecdh,
          authSecret: subscriber.auth.toString("base64url"),
        });
        this.received.push({
          subscriptionId: id,
          payload: payload.toString("utf8"),
          contentEncoding: req.headers["content-encoding"],
          authorization: req.headers.authorization,
          receivedAt: Date.now(),
        });
        res.writeHead(201).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    // web-push sends with the global agent: trust this certificate as well as the usual ones.
    const { ca } = https.globalAgent.options;
    https.globalAgent.options.ca = [...[ca ?? []].flat(), certificate] as Buffer[];
  }

  /** A new browser subscription, as `PushSubscription.toJSON()` gives it. */
  subscribe(): { id: string; endpoint: string; keys: { p256dh: string; auth: string } } {
    const id = randomUUID();
    const ecdh = createECDH("prime256v1");
    ecdh.generateKeys();
    const auth = randomBytes(16);
    this.subscribers.set(id, { ecdh, auth });
    return {
      id,
      endpoint: `https://127.0.0.1:${this.port}/push/${id}`,
      keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") },
    };
  }

  to(subscriptionId: string): ReceivedPush[] {
    return this.received.filter((m) => m.subscriptionId === subscriptionId);
  }

  async waitFor(
    subscriptionId: string,
    count: number,
    timeoutMs = 10_000,
  ): Promise<ReceivedPush[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.to(subscriptionId).length < count) {
      if (Date.now() > deadline) {
        throw new Error(`${this.to(subscriptionId).length} of ${count} pushes arrived`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.to(subscriptionId);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
    rmSync(this.dir, { recursive: true, force: true });
  }
}
