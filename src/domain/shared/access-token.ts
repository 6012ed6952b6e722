// Personal access tokens' rules: how a token is written (a prefix, a public selector, a secret),
// how an Authorization header carries one, how long one may live, and how many one account keeps.

/** Says what the string is to a reader and to a secret scanner: a Jalon token. */
export const ACCESS_TOKEN_PREFIX = "jalon_pat_";
/** 8 random bytes in hex: finds the row, opens nothing. */
export const SELECTOR_LENGTH = 16;
/** 32 random bytes in base64url. */
export const SECRET_LENGTH = 43;

/** The lifetimes offered when a token is made, in days; the last is the longest allowed. */
export const ACCESS_TOKEN_DAYS = [7, 30, 90, 180, 365] as const;
export const DEFAULT_ACCESS_TOKEN_DAYS = 90;
export const MAX_ACCESS_TOKEN_DAYS = 365;
export const MAX_ACCESS_TOKEN_NAME = 100;
/** Live (not expired, not revoked) tokens one account may hold at a time. */
export const MAX_LIVE_ACCESS_TOKENS = 20;

const TOKEN = new RegExp(
  `^${ACCESS_TOKEN_PREFIX}([0-9a-f]{${SELECTOR_LENGTH}})([A-Za-z0-9_-]{${SECRET_LENGTH}})$`,
);

export function formatAccessToken(selector: string, secret: string): string {
  return `${ACCESS_TOKEN_PREFIX}${selector}${secret}`;
}

/** The selector and secret of a token as written, or null when it is not one. */
export function parseAccessToken(text: string): { selector: string; secret: string } | null {
  const m = TOKEN.exec(text);
  if (!m?.[1] || !m[2]) return null;
  return { selector: m[1], secret: m[2] };
}

/**
 * The token an Authorization header carries, and the scheme it came in: DHIS2 clients'
 * `ApiToken <token>`, or `Bearer <token>` for the generic tools that know no other scheme. null
 * when the header is absent or of another scheme, and for a Bearer value not of our shape (an
 * OAuth token from elsewhere, a proxy's own: not ours to judge); "malformed" when an ApiToken
 * header, or a Bearer one that starts like ours, carries no token of ours.
 */
export function tokenCredentials(
  header: string | undefined,
): { scheme: "ApiToken" | "Bearer"; selector: string; secret: string } | "malformed" | null {
  if (!header) return null;
  const m = /^(ApiToken|Bearer)(?: +(.*))?$/i.exec(header.trim());
  if (!m) return null;
  const scheme = m[1]?.toLowerCase() === "bearer" ? "Bearer" : "ApiToken";
  const value = (m[2] ?? "").trim();
  if (scheme === "Bearer" && !value.startsWith(ACCESS_TOKEN_PREFIX)) return null;
  const token = parseAccessToken(value);
  return token ? { scheme, ...token } : "malformed";
}

/** Why a token's fields are refused, field by field; empty when they are right. */
export function accessTokenIssues(input: { name: string; days: number }): Record<string, string> {
  const issues: Record<string, string> = {};
  const name = input.name.trim();
  if (name === "") issues.name = "required";
  else if (name.length > MAX_ACCESS_TOKEN_NAME) issues.name = "too_long";
  if (!(ACCESS_TOKEN_DAYS as readonly number[]).includes(input.days)) issues.days = "invalid";
  return issues;
}
