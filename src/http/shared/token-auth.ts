// Personal access tokens on API routes: `Authorization: ApiToken <token>` as DHIS2 clients send
// it (DHIS2 ≥ 2.37), or `Bearer <token>` for generic tools, checked by
// services/shared/access-tokens.ts `authenticateToken`. A request without such a header goes on
// to the next check (HTTP Basic, then the session).
import type { Context, MiddlewareHandler } from "hono";
import { tokenCredentials } from "../../domain/shared/access-token.ts";
import { authenticateToken } from "../../services/shared/access-tokens.ts";
import type { BasicRefusal } from "./basic-auth.ts";
import { clientAddress } from "./client-address.ts";
import type { AppEnv } from "./env.ts";

/** The challenge for a refused token, in the scheme it was sent in (RFC 6750's for Bearer). */
function challenge(scheme: "ApiToken" | "Bearer"): string {
  return scheme === "Bearer"
    ? 'Bearer realm="Jalon", error="invalid_token"'
    : 'ApiToken realm="Jalon"';
}

/**
 * Resolves a token to the request's actor; `refuse` answers an unknown, expired, revoked or
 * malformed token (401, with the challenge, and the same words whatever the reason) or a client
 * address that failed too often (429, with Retry-After), in the route's own format.
 */
export function tokenAuth(
  refuse: (c: Context<AppEnv>, refusal: BasicRefusal) => Response | Promise<Response>,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    const sent = tokenCredentials(header);
    if (!sent) return next();
    const scheme =
      sent === "malformed" ? (/^bearer/i.test(header ?? "") ? "Bearer" : "ApiToken") : sent.scheme;
    const result = await authenticateToken(c.get("deps").db, sent, {
      address: clientAddress(c),
    });
    if (!result.ok) {
      if (result.retryAfter) {
        c.header("Retry-After", String(result.retryAfter));
        return refuse(c, { reason: "locked", retryAfter: result.retryAfter });
      }
      c.header("WWW-Authenticate", challenge(scheme));
      return refuse(c, { reason: "credentials" });
    }
    c.set("actor", result.actor);
    await next();
  };
}
