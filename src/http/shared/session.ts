// Who is asking: the session cookie resolved to an actor, and CSRF protection of every write.
// Without a session, forms carry a double-submit token (a cookie and a hidden field that match).
import { timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { recordRefusal } from "../../services/shared/audit.ts";
import { type LinkOpen, resolveSession } from "../../services/shared/auth.ts";
import { newToken } from "../../services/shared/secrets.ts";
import { messagePage } from "../../web/shared/pages/errors.ts";
import { makeView } from "../../web/shared/view.ts";
import { clientAddress } from "./client-address.ts";
import type { AppEnv } from "./env.ts";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function sessionCookieName(secure: boolean): string {
  // The __Host- prefix pins the cookie to this host, path / and HTTPS.
  return secure ? "__Host-jalon_session" : "jalon_session";
}

function csrfCookieName(secure: boolean): string {
  return secure ? "__Host-jalon_csrf" : "jalon_csrf";
}

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  const secure = c.get("deps").secureCookies;
  setCookie(c, sessionCookieName(secure), token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure,
    maxAge: 14 * 24 * 3600,
  });
}

/** The session cookie's token, valid or not. */
export function sessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, sessionCookieName(c.get("deps").secureCookies));
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const secure = c.get("deps").secureCookies;
  deleteCookie(c, sessionCookieName(secure), { path: "/", secure });
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The token a form or a script must send back with every write. */
export function csrfToken(c: Context<AppEnv>): string {
  const existing = c.get("csrfToken");
  if (existing) return existing;
  const secure = c.get("deps").secureCookies;
  const token = newToken();
  setCookie(c, csrfCookieName(secure), token, {
    path: "/",
    httpOnly: true,
    sameSite: "Lax",
    secure,
  });
  c.set("csrfToken", token);
  return token;
}

/** Resolves the session cookie; `linkOpen` is the rule that keeps a link session open. */
export function session(linkOpen: LinkOpen): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const secure = c.get("deps").secureCookies;
    c.set("actor", { kind: "anonymous" });
    c.set("csrfToken", null);
    const token = getCookie(c, sessionCookieName(secure));
    if (token) {
      const resolved = await resolveSession(
        c.get("deps").db,
        token,
        linkOpen,
        c.get("deps").sessionIdleMinutes,
      );
      if (resolved) {
        c.set("actor", resolved.actor);
        c.set("csrfToken", resolved.csrfToken);
        c.set("sessionToken", token);
      }
    }
    if (!c.get("csrfToken")) {
      const cookie = getCookie(c, csrfCookieName(secure));
      if (cookie) c.set("csrfToken", cookie);
    }
    await next();
  };
}

/** Refuses a write whose token does not match, before anything is read or stored. */
export function csrfProtection(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!UNSAFE.has(c.req.method)) return next();
    const expected = c.get("csrfToken");
    let sent = c.req.header("x-csrf-token") ?? null;
    if (!sent) {
      const type = c.req.header("content-type") ?? "";
      if (
        type.startsWith("application/x-www-form-urlencoded") ||
        type.startsWith("multipart/form-data")
      ) {
        const form = await c.req.parseBody();
        sent = typeof form._csrf === "string" ? form._csrf : null;
      }
    }
    if (!expected || !sent || !same(expected, sent)) {
      await recordRefusal(c.get("deps").db, c.get("actor"), {
        method: c.req.method,
        // As sent (still percent-encoded): the decoded path may hold a NUL no column can store.
        path: new URL(c.req.url).pathname,
        reason: "csrf",
        address: clientAddress(c),
      });
      const view = makeView(c.get("lang"), new URL(c.req.url).pathname);
      if (wantsJson(c)) return c.json({ error: "csrf", message: view.t("error.csrf") }, 403);
      return c.html(messagePage(view, view.t("error.forbidden.title"), view.t("error.csrf")), 403);
    }
    return next();
  };
}

/** API calls (under /api/) answer in JSON; everything else in HTML. */
export function wantsJson(c: Context<AppEnv>): boolean {
  return new URL(c.req.url).pathname.startsWith("/api/");
}
