// The view of the current request: language, path, who is signed in and the CSRF token.
import type { Context } from "hono";
import { makeView, type View } from "../web/view.ts";
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
        ? { name: "", workspace: false }
        : undefined;
  // A page with a form (or a sign-out button) needs a token; others need not set a cookie.
  const csrf = options.form || user ? csrfToken(c) : undefined;
  return makeView(c.get("lang"), `${url.pathname}${url.search}`, { user, csrf });
}

/** The address links in e-mails start with. */
export function publicBase(c: Context<AppEnv>): string {
  return c.get("deps").baseUrl ?? new URL(c.req.url).origin;
}
