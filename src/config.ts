// Configuration from the environment, validated once by main.ts and passed down.
import { z } from "zod";
import type { DatabaseConfig } from "./db/connect.ts";
import type { Lang } from "./domain/lang.ts";

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z.string().trim().min(1).optional(),
  JALON_DATA_DIR: z.string().trim().min(1).default("./data"),
  JALON_SECURE_COOKIES: z.enum(["true", "false"]).optional(),
  NODE_ENV: z.string().optional(),
  JALON_LANG: z.enum(["fr", "en"]).optional(),
  LANG: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  secureCookies: boolean;
  lang: Lang;
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
      secureCookies: e.JALON_SECURE_COOKIES
        ? e.JALON_SECURE_COOKIES === "true"
        : e.NODE_ENV === "production",
      lang: e.JALON_LANG ?? (e.LANG?.startsWith("en") ? "en" : "fr"),
    },
  };
}
