// Configuration from the environment, validated once by main.ts and passed down.
import { z } from "zod";
import type { DatabaseConfig } from "./db/connect.ts";
import { SESSION_IDLE_MINUTES } from "./domain/shared/account.ts";
import type { Lang } from "./domain/shared/lang.ts";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  // An empty variable (as env files often leave them) means unset.
  DATABASE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().trim().min(1).optional(),
  ),
  JALON_DATA_DIR: z.string().trim().min(1).default("./data"),
  // Where uploaded files wait for their import job; several instances on several hosts share one.
  JALON_UPLOAD_DIR: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().trim().min(1).optional(),
  ),
  JALON_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  NODE_ENV: z.string().optional(),
  JALON_LANG: z.enum(["fr", "en"]).optional(),
  JALON_BASE_URL: z.string().trim().url().optional(),
  // Where e-mail leaves: smtp://user:pass@host:587 or smtps://host:465 (nodemailer's URL form).
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^smtps?:\/\/[^\s]+$/)
      .optional(),
  ),
  MAIL_FROM: z.string().trim().min(3).default("Jalon <jalon@localhost>"),
  // Minutes without a request after which an account's session ends (the absolute limit is 14 days).
  JALON_SESSION_IDLE_MINUTES: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number()
      .int()
      .min(5)
      .max(14 * 24 * 60)
      .default(SESSION_IDLE_MINUTES),
  ),
  // "true" only behind a reverse proxy that sets X-Forwarded-For: then its last entry is the client.
  JALON_TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  LANG: z.string().optional(),
  // Seconds between the scheduled runs (reminders, e-mail delivery, recurring jobs) and between
  // two looks for jobs another instance queued. The defaults suit a server; tests shorten them.
  JALON_SCHEDULE_SECONDS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(1).max(86_400).default(600),
  ),
  JALON_JOB_POLL_SECONDS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(1).max(3_600).default(60),
  ),
  // Keep pages rendered for anonymous readers until the data changes ("false": render each).
  JALON_PAGE_CACHE: z.enum(["true", "false"]).default("true"),
  // How much the server logs: pino's levels, "silent" for nothing.
  LOG_LEVEL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ),
});

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  /** Where uploads wait for their job: unset, the data directory's uploads/ or a temporary one. */
  uploadDir: string | undefined;
  secureCookies: boolean;
  lang: Lang;
  /** Public address for links sent out (e-mails, CLI); unset means the listening address. */
  baseUrl: string | undefined;
  /** SMTP server for outgoing e-mail; unset means nothing leaves (the outbox page lists it). */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** An account's session ends after this many minutes without a request. */
  sessionIdleMinutes: number;
  /** Believe X-Forwarded-For (a reverse proxy in front); otherwise the socket's address. */
  trustProxy: boolean;
  /** Seconds between scheduled runs: reminders, e-mail delivery, recurring jobs. */
  scheduleSeconds: number;
  /** Seconds between two looks for due jobs (those other instances queued). */
  jobPollSeconds: number;
  /** Keep pages rendered for anonymous readers until the data under them changes. */
  pageCache: boolean;
  /** The least serious log line written (LOG_LEVEL). */
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

export type ConfigError = { variable: string; value: string };

export function readConfig(
  env: Record<string, string | undefined>,
): { ok: true; config: Config } | { ok: false; error: ConfigError } {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const variable = String(parsed.error.issues[0]?.path[0] ?? "?");
    return { ok: false, error: { variable, value: String(env[variable] ?? "") } };
  }
  const e = parsed.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      database: e.DATABASE_URL
        ? { kind: "postgres", url: e.DATABASE_URL }
        : { kind: "pglite", dataDir: e.JALON_DATA_DIR },
      uploadDir: e.JALON_UPLOAD_DIR,
      secureCookies: e.JALON_SECURE_COOKIES
        ? e.JALON_SECURE_COOKIES === "true"
        : e.NODE_ENV === "production",
      lang: e.JALON_LANG ?? (e.LANG?.startsWith("en") ? "en" : "fr"),
      baseUrl: e.JALON_BASE_URL?.replace(/\/+$/, ""),
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM,
      sessionIdleMinutes: e.JALON_SESSION_IDLE_MINUTES,
      trustProxy: e.JALON_TRUST_PROXY === "true",
      scheduleSeconds: e.JALON_SCHEDULE_SECONDS,
      jobPollSeconds: e.JALON_JOB_POLL_SECONDS,
      pageCache: e.JALON_PAGE_CACHE === "true",
      logLevel: e.LOG_LEVEL,
    },
  };
}
