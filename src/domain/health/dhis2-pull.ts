// Pulling from a DHIS2 server, the rules without the I/O: the ways a pull fails (as codes, worded
// in i18n/health/dhis2.ts), the saved connection's vocabularies (as the CHECK constraints hold
// them), the periods a connection asks for — a list of DHIS2 periods or a relative span expanded
// from today — and when a scheduled pull runs next.
import { type Period, parsePeriod, periodOf, previousPeriod } from "./periods.ts";

export const DHIS2_PULL_CODES = [
  /** The base URL is not a URL. */
  "dhis2_url_invalid",
  /** The base URL is not http or https. */
  "dhis2_url_scheme",
  /** The base URL carries a user name or password: credentials come from the environment. */
  "dhis2_url_credentials",
  /** The server redirected to another host (or scheme, or port). */
  "dhis2_redirect_refused",
  /** More redirects than allowed, even on the same host. */
  "dhis2_redirect_loop",
  /** 401: the token or user name and password were refused. */
  "dhis2_unauthorized",
  /** 403: the account may not read this. */
  "dhis2_forbidden",
  /** 404: nothing there — a wrong URL, or not a DHIS2. */
  "dhis2_not_found",
  /** Another 4xx: DHIS2 refused the query (a data set or period it does not know). */
  "dhis2_rejected",
  /** 5xx after every retry. */
  "dhis2_server_error",
  /** No answer, or a pause in the answer, longer than the timeout (after every retry). */
  "dhis2_timeout",
  /** The connection failed (DNS, refused, reset), after every retry. */
  "dhis2_network",
  /** An answer that is not DHIS2's JSON (an HTML login page, a proxy's error page). */
  "dhis2_unexpected_response",
  /** A variable the connection names for its secret is not set. */
  "dhis2_credentials_missing",
  /** The periods are neither DHIS2 periods nor a known relative span. */
  "dhis2_periods_invalid",
  /** `since` is not an ISO date or date and time. */
  "dhis2_since_invalid",
] as const;
export type Dhis2PullCode = (typeof DHIS2_PULL_CODES)[number];

export function isDhis2PullCode(code: unknown): code is Dhis2PullCode {
  return typeof code === "string" && (DHIS2_PULL_CODES as readonly string[]).includes(code);
}

/** How a saved connection signs in: a personal access token (DHIS2 ≥ 2.37) or basic auth. */
export const DHIS2_AUTH_KINDS = ["token", "basic"] as const;
export type Dhis2AuthKind = (typeof DHIS2_AUTH_KINDS)[number];

export const DHIS2_SCHEDULES = ["none", "daily", "weekly"] as const;
export type Dhis2Schedule = (typeof DHIS2_SCHEDULES)[number];

/** Where the secret is read: the NAMES of environment variables, never their values. */
export type Dhis2AuthSpec =
  | { kind: "token"; tokenVar: string }
  | { kind: "basic"; usernameVar: string; passwordVar: string };

export const DEFAULT_TOKEN_VAR = "JALON_DHIS2_TOKEN";
export const DEFAULT_USERNAME_VAR = "JALON_DHIS2_USERNAME";
export const DEFAULT_PASSWORD_VAR = "JALON_DHIS2_PASSWORD";

/** An environment variable's name as shells allow it: a saved connection names no other. */
export function isEnvName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name);
}

/** The relative spans a connection may name, as DHIS2 names them in analytics. */
export const RELATIVE_PERIODS = {
  THIS_MONTH: { type: "Monthly", from: 0, count: 1 },
  LAST_MONTH: { type: "Monthly", from: 1, count: 1 },
  LAST_3_MONTHS: { type: "Monthly", from: 1, count: 3 },
  LAST_6_MONTHS: { type: "Monthly", from: 1, count: 6 },
  LAST_12_MONTHS: { type: "Monthly", from: 1, count: 12 },
  THIS_QUARTER: { type: "Quarterly", from: 0, count: 1 },
  LAST_QUARTER: { type: "Quarterly", from: 1, count: 1 },
  LAST_4_QUARTERS: { type: "Quarterly", from: 1, count: 4 },
  THIS_YEAR: { type: "Yearly", from: 0, count: 1 },
  LAST_YEAR: { type: "Yearly", from: 1, count: 1 },
  LAST_5_YEARS: { type: "Yearly", from: 1, count: 5 },
} as const;
export type RelativePeriod = keyof typeof RELATIVE_PERIODS;

export function isRelativePeriod(text: string): text is RelativePeriod {
  return Object.hasOwn(RELATIVE_PERIODS, text);
}

/** Periods asked at most in one pull: each one is a query parameter of the request. */
export const MAX_PERIODS = 120;

/**
 * The DHIS2 periods a spec names on `today` (YYYY-MM-DD), oldest first: a relative span
 * ("LAST_12_MONTHS": the twelve months before this one), or DHIS2 period ids separated by
 * commas or spaces. Null when any part is neither, or when the spec names none or too many.
 */
export function expandPeriods(spec: string, today: string): string[] | null {
  const parts = spec
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length === 0) return null;
  const ids: string[] = [];
  for (const part of parts) {
    const upper = part.toUpperCase();
    if (isRelativePeriod(upper)) {
      const rule = RELATIVE_PERIODS[upper];
      const current: Period = periodOf(rule.type, today);
      for (let back = rule.from + rule.count - 1; back >= rule.from; back--)
        ids.push(previousPeriod(current, back).id);
      continue;
    }
    const period = parsePeriod(part);
    if (!period) return null;
    ids.push(period.id);
  }
  const unique = [...new Set(ids)];
  return unique.length > MAX_PERIODS ? null : unique;
}

/** An ISO date or date and time for DHIS2's `lastUpdated`: 2024-03-01, 2024-03-01T12:00:00Z… */
export function isSince(text: string): boolean {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(text);
  if (!m) return false;
  return parsePeriod(`${m[1]}${m[2]}${m[3]}`) !== null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a pull on this schedule runs next after one that ran at `ranAt` (ms); null: never. */
export function nextPullAt(schedule: Dhis2Schedule, ranAt: number): number | null {
  if (schedule === "daily") return ranAt + DAY_MS;
  if (schedule === "weekly") return ranAt + 7 * DAY_MS;
  return null;
}
