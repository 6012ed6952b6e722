// HTTP Basic on API routes: a Jalon account's e-mail and password sent with each request, for
// tools that cannot hold a session (DHIS2 clients, scripts). Checked by the sign-in's own rules
// (services/shared/auth.ts `authenticate`: lockouts, decoy hash, audited failures); a request
// without the header keeps its session's actor.
import type { Context, MiddlewareHandler } from "hono";
import { isProblem } from "../../domain/shared/problem.ts";
import { authenticate } from "../../services/shared/auth.ts";
import { clientAddress } from "./client-address.ts";
import type { AppEnv } from "./env.ts";

export const BASIC_REALM = 'Basic realm="Jalon"';

/**
 * The e-mail and password of an `Authorization: Basic …` header; null when no Basic header is
 * sent, "malformed" when one is sent that carries no credentials.
 */
export function basicCredentials(
  header: string | undefined,
): { email: string; password: string } | "malformed" | null {
  if (!header || !/^Basic(?: |$)/i.test(header)) return null;
  const m = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header);
  if (!m) return "malformed";
  const decoded = Buffer.from(m[1] ?? "", "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return "malformed";
  return { email: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export type BasicRefusal = { reason: "credentials" } | { reason: "locked"; retryAfter: number };

/**
 * Resolves Basic credentials to the request's actor; `refuse` answers a wrong pair (401, with
 * the challenge) or a locked address (429, with Retry-After) in the route's own format.
 */
export function basicAuth(
  refuse: (c: Context<AppEnv>, refusal: BasicRefusal) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const sent = basicCredentials(c.req.header("authorization"));
    if (!sent) return next();
    // Credentials that cannot be read are wrong credentials, never an anonymous request.
    if (sent === "malformed") {
      c.header("WWW-Authenticate", BASIC_REALM);
      return refuse(c, { reason: "credentials" });
    }
    let result: Awaited<ReturnType<typeof authenticate>>;
    try {
      result = await authenticate(c.get("deps").db, sent.email, sent.password, {
        address: clientAddress(c),
      });
    } catch (error) {
      // A value longer than any account's: no account matches it.
      if (!isProblem(error) || error.code !== "invalid_input") throw error;
      result = { ok: false };
    }
    if (!result.ok) {
      if (result.retryAfter) {
        c.header("Retry-After", String(result.retryAfter));
        return refuse(c, { reason: "locked", retryAfter: result.retryAfter });
      }
      c.header("WWW-Authenticate", BASIC_REALM);
      return refuse(c, { reason: "credentials" });
    }
    c.set("actor", result.actor);
    await next();
  };
}
