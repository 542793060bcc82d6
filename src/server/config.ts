import { isIP } from "node:net";
import { z } from "zod";
import { APPROVAL_SETTINGS, type ApprovalSetting } from "../core/accounts/clinician-approval.ts";

/** Mitra's settings, read from the environment once at start. */
export interface Config {
  host: string;
  port: number;
  /** MITRA_PORT was given: a busy port then stops Mitra instead of it choosing a free one. */
  portSet: boolean;
  databaseUrl: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /**
   * Which X-Forwarded-* entries to believe: false (none), a number of proxy hops in front of Mitra
   * (`true` means 1), or the proxies' addresses and CIDR ranges. The client address is the entry
   * just before the trusted ones: never the leftmost, which the client writes itself.
   */
  trustProxy: false | number | string[];
  /** Mark cookies Secure. `auto`: when the request came over HTTPS (directly or via the proxy). */
  secureCookies: "auto" | "always" | "never";
  sessionTtlHours: number;
  /** A session unused this long ends, whatever its lifetime left. */
  sessionIdleMinutes: number;
  /** Sign-in failures per account and per address within the window before attempts wait. */
  loginFailuresPerAccount: number;
  loginFailuresPerAddress: number;
  loginWindowMinutes: number;
  /** The first wait past those limits; each further failure doubles it, up to the window. */
  loginDelaySeconds: number;
  /** Sign-up attempts allowed per address within the sign-in window, taken e-mails included. */
  registrationsPerAddress: number;
  /** Whether clinicians wait for an administrator's approval (core/accounts/clinician-approval). */
  clinicianApproval: ApprovalSetting;
  /** Serve Prometheus metrics at /metrics. */
  metrics: boolean;
  /** Where e-mail goes out (`smtp://` or `smtps://`, with user and password); null: no e-mail. */
  smtpUrl: string | null;
  /** The From of Mitra's e-mail; required with `smtpUrl`. */
  mailFrom: string | null;
  /** The address people open Mitra at, for links in e-mail; null: the path alone. */
  publicUrl: string | null;
  /**
   * Days a delivered or dead notification event, and a read in-app notification, are kept
   * (src/db/notification-retention.ts); unread entries stay until read.
   */
  notificationRetentionDays: number;
}

const boolean = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "expected a whole number")
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

const environmentSchema = z.object({
  MITRA_HOST: z.string().min(1).default("127.0.0.1"),
  MITRA_PORT: integer(0, 65535).default(3000),
  MITRA_DATABASE_URL: z.string().min(1).default("sqlite:data/mitra.sqlite"),
  MITRA_LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info"),
  MITRA_TRUST_PROXY: z
    .string()
    .transform((value, ctx): false | number | string[] => {
      if (value === "false" || value === "0") return false;
      if (value === "true") return 1;
      if (/^\d{1,2}$/.test(value)) return Number(value);
      const entries = value.split(",").map((e) => e.trim());
      const named = ["loopback", "linklocal", "uniquelocal"];
      const bad = entries.filter((e) => !named.includes(e) && isIP(e.split("/")[0] ?? "") === 0);
      if (bad.length > 0 || entries.length === 0) {
        ctx.addIssue({
          code: "custom",
          message: `expected false, a number of proxy hops, or proxy addresses (not ${bad.join(", ")})`,
        });
        return z.NEVER;
      }
      return entries;
    })
    .default(false),
  MITRA_SECURE_COOKIES: z.enum(["auto", "always", "never"]).default("auto"),
  MITRA_SESSION_TTL_HOURS: integer(1, 24 * 90).default(24 * 7),
  MITRA_SESSION_IDLE_MINUTES: integer(5, 24 * 90 * 60).default(12 * 60),
  MITRA_LOGIN_FAILURES_PER_ACCOUNT: integer(1, 1000).default(5),
  MITRA_LOGIN_FAILURES_PER_ADDRESS: integer(1, 10000).default(30),
  MITRA_LOGIN_WINDOW_MINUTES: integer(1, 24 * 60).default(15),
  MITRA_LOGIN_DELAY_SECONDS: integer(1, 3600).default(30),
  MITRA_REGISTRATIONS_PER_ADDRESS: integer(1, 100000).default(10),
  MITRA_CLINICIAN_APPROVAL: z.enum(APPROVAL_SETTINGS).default("auto"),
  MITRA_METRICS: boolean.default(false),
  MITRA_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^/]/, "expected smtp://host:port or smtps://user:password@host:port")
    .optional(),
  MITRA_MAIL_FROM: z
    .string()
    .regex(/@/, "expected an address like Mitra <mitra@example.org>")
    .optional(),
  MITRA_PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/]+\/?$/, "expected https://host (no path)")
    .optional(),
  MITRA_NOTIFICATION_RETENTION_DAYS: integer(1, 3650).default(30),
});

export class ConfigError extends Error {}

/** Reads the configuration; throws a ConfigError naming each bad variable and its value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([k, v]) => k.startsWith("MITRA_") && v !== undefined && v !== ""),
  );
  const result = environmentSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return `  ${name}=${JSON.stringify(present[name])}: ${issue.message}`;
    });
    throw new ConfigError(`Mitra cannot start: bad configuration\n${lines.join("\n")}`);
  }
  const e = result.data;
  if (e.MITRA_SMTP_URL && !e.MITRA_MAIL_FROM) {
    throw new ConfigError(
      "Mitra cannot start: bad configuration\n  MITRA_MAIL_FROM: required with MITRA_SMTP_URL",
    );
  }
  return {
    host: e.MITRA_HOST,
    port: e.MITRA_PORT,
    portSet: present.MITRA_PORT !== undefined,
    databaseUrl: e.MITRA_DATABASE_URL,
    logLevel: e.MITRA_LOG_LEVEL,
    trustProxy: e.MITRA_TRUST_PROXY,
    secureCookies: e.MITRA_SECURE_COOKIES,
    sessionTtlHours: e.MITRA_SESSION_TTL_HOURS,
    sessionIdleMinutes: e.MITRA_SESSION_IDLE_MINUTES,
    loginFailuresPerAccount: e.MITRA_LOGIN_FAILURES_PER_ACCOUNT,
    loginFailuresPerAddress: e.MITRA_LOGIN_FAILURES_PER_ADDRESS,
    loginWindowMinutes: e.MITRA_LOGIN_WINDOW_MINUTES,
    loginDelaySeconds: e.MITRA_LOGIN_DELAY_SECONDS,
    registrationsPerAddress: e.MITRA_REGISTRATIONS_PER_ADDRESS,
    clinicianApproval: e.MITRA_CLINICIAN_APPROVAL,
    metrics: e.MITRA_METRICS,
    smtpUrl: e.MITRA_SMTP_URL ?? null,
    mailFrom: e.MITRA_MAIL_FROM ?? null,
    publicUrl: e.MITRA_PUBLIC_URL?.replace(/\/$/, "") ?? null,
    notificationRetentionDays: e.MITRA_NOTIFICATION_RETENTION_DAYS,
  };
}
