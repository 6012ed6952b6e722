// The view of the current request: language, path, who is signed in and the CSRF token.
import type { Context } from "hono";
import { ownerKey } from "../../domain/shared/policy.ts";
import { makeView, type View } from "../../web/shared/view.ts";
import type { AppEnv } from "./env.ts";
import { csrfToken } from "./session.ts";

export function viewOf(c: Context<AppEnv>, options: { form?: boolean } = {}): View {
  const url = new URL(c.req.url);
  // Early refusals (body too large) come before the session is known.
  const actor = c.get("actor") ?? { kind: "anonymous" };
  const user =
    actor.kind === "user"
      ? { name: actor.name, workspace: actor.role !== "respondent" }
      : actor.kind === "invitation"
        ? { name: "", workspace: false, link: true }
        : undefined;
  // A page with a form (or a sign-out button) needs a token; others need not set a cookie.
  const csrf = options.form || user ? csrfToken(c) : undefined;
  const owner = ownerKey(actor) ?? undefined;
  return makeView(c.get("lang"), pageAddress(c, url), { user, csrf, owner });
}

/**
 * viewOf for a page that is the same for every anonymous reader: when this request's view holds
 * nothing personal (no account, no form token, nothing the reader owns), the page may be kept
 * and served again to the next one (see page-cache.ts).
 */
export function sharedViewOf(c: Context<AppEnv>): View {
  const view = viewOf(c);
  if (!view.user && view.csrf === undefined && view.owner === undefined) c.set("shareable", true);
  return view;
}

/** The address links in e-mails start with: configuration only, never the request's Host. */
export function publicBase(c: Context<AppEnv>): string {
  return c.get("deps").baseUrl;
}

/**
 * The address the language switch returns to: the page itself, or — for the answer to a form
 * post, which has no address of its own — the page the form was on.
 */
function pageAddress(c: Context<AppEnv>, url: URL): string {
  if (c.req.method === "GET" || c.req.method === "HEAD") return `${url.pathname}${url.search}`;
  const referer = c.req.header("referer");
  try {
    const from = referer ? new URL(referer) : null;
    if (from && from.origin === url.origin) return `${from.pathname}${from.search}`;
  } catch {
    // A malformed Referer falls through to the home page.
  }
  return "/";
}
