// What the HTTP layer receives from main.ts, and what each request carries.

import type { Lang } from "../../domain/shared/lang.ts";
import type { Actor } from "../../domain/shared/policy.ts";
import type { Database, Db } from "../../services/shared/db.ts";
import type { Mailer } from "../../services/shared/mail.ts";
import type { Renderer } from "../../services/shared/rendering.ts";
import type { Logger } from "./logging.ts";
import type { ChangeVersion, PageCache } from "./page-cache.ts";

export interface AppDeps {
  db: Db;
  /** Secure cookies everywhere but local development over plain HTTP. */
  secureCookies: boolean;
  /** The server's structured logger (main.ts makes it from LOG_LEVEL); silent when absent. */
  logger?: Logger | undefined;
  /**
   * The process's own parts are serving (the job runner is alive, no shutdown has begun):
   * /readyz asks it beside the database. Absent, only the database is asked.
   */
  alive?: (() => boolean) | undefined;
  /**
   * Public address that every link Jalon prints or sends starts with (invitations, reminders,
   * password resets): JALON_BASE_URL, else the address the server listens on. Never taken from
   * a request, whose Host header anyone can write.
   */
  baseUrl: string;
  /**
   * When set (JALON_BASE_URL is), the only Host requests may name; others are refused with 421
   * (except /healthz and /readyz, which load balancers probe by address).
   */
  allowedHost?: string | undefined;
  /** Called after every write request, before the answer leaves: see Database.flush. */
  flush?: (() => Promise<void>) | undefined;
  /** Delivers queued e-mail when SMTP is configured; without it the outbox page shows them. */
  mailer?: Mailer | undefined;
  /** Draws reports and questionnaires in its worker (main.ts makes one; else one per app). */
  renderer?: Renderer | undefined;
  /** An account's session ends after this many minutes without a request (default 240). */
  sessionIdleMinutes?: number | undefined;
  /** A reverse proxy stands in front: its X-Forwarded-For names the client. */
  trustProxy?: boolean | undefined;
  /**
   * Keeps pages rendered for anonymous readers until the data changes (main.ts makes it from
   * the database's change feed); without it, every page is rendered anew.
   */
  pageCache?: PageCache | undefined;
  /**
   * The database's change feed (the one the page cache follows): what a part keeps between
   * requests, such as the analytics catalogue, is kept under its version. Without it, nothing is.
   */
  changes?: ChangeVersion | undefined;
  /** Health-data imports from the web: the store that loads in bulk, where uploads wait, and
   * the runner to start their jobs at once. Without it, uploads are not offered. */
  health?: HealthDeps | undefined;
}

export interface HealthDeps {
  database: Database;
  uploadDir: string;
  kickJobs: () => void;
  /**
   * The server's environment, where saved DHIS2 connections' secrets are read: the pages say
   * whether a variable a connection names is set, never its value.
   */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    lang: Lang;
    actor: Actor;
    /** The token writes must carry: the session's, or the anonymous double-submit cookie's. */
    csrfToken: string | null;
    sessionToken?: string;
    /** Generated per request: the X-Request-Id header and every audit row it writes. */
    requestId: string;
    /** The logger whose every line carries this request's id. */
    log: Logger;
    /** The page rendered is the same for every anonymous reader (see page-cache.ts). */
    shareable?: boolean;
  };
}
