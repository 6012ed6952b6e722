// Invitation links over HTTP. A link opens a scoped session once; opened again in the browser
// that holds its session it goes back in; elsewhere it offers a fresh link by e-mail. Opening one
// while signed in with an account asks first.
import { type Context, Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { formatDate } from "../../i18n/index.ts";
import { logout } from "../../services/shared/auth.ts";
import {
  exchangeInvitation,
  inspectInvitation,
  isTokenShaped,
  requestFreshLink,
  resumeInvitation,
} from "../../services/tracker/invitations.ts";
import { messagePage } from "../../web/shared/pages/errors.ts";
import { linkSwitchPage, linkUsedPage } from "../../web/tracker/pages/invitations.ts";
import { clientAddress } from "../shared/client-address.ts";
import type { AppEnv } from "../shared/env.ts";
import { clearSessionCookie, setSessionCookie } from "../shared/session.ts";
import { publicBase, viewOf } from "../shared/view.ts";

/** How many link sessions a browser remembers (a shared phone passes between a few people). */
const HELD = 5;

function heldCookieName(secure: boolean): string {
  // Scoped to /i/, where it is read: `__Secure-` since `__Host-` demands the path /.
  return secure ? "__Secure-jalon_links" : "jalon_links";
}

/** The session tokens this browser got from links, newest first. */
function heldSessions(c: Context<AppEnv>): string[] {
  const value = getCookie(c, heldCookieName(c.get("deps").secureCookies)) ?? "";
  return value.split(".").filter(isTokenShaped);
}

function holdSession(c: Context<AppEnv>, token: string): void {
  const secure = c.get("deps").secureCookies;
  const kept = [token, ...heldSessions(c).filter((t) => t !== token)].slice(0, HELD);
  setCookie(c, heldCookieName(secure), kept.join("."), {
    path: "/i/",
    httpOnly: true,
    sameSite: "Lax",
    secure,
    maxAge: 14 * 24 * 3600,
  });
}

export function invitationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // The token stays out of Referer headers and caches on every page of a link.
  app.use("/i/*", async (c, next) => {
    await next();
    c.header("Referrer-Policy", "no-referrer");
    c.header("Cache-Control", "no-store");
  });

  /** Goes in with the link: the session this browser holds, else a new one, else the offer. */
  const enter = async (c: Context<AppEnv>, token: string) => {
    const db = c.get("deps").db;
    const state = await inspectInvitation(db, token);
    const view = viewOf(c, { form: true });
    if (state.kind === "invalid") {
      // Refused by the exchange, which records in the audit log why the link did not open.
      await exchangeInvitation(db, token);
      return c.html(
        messagePage(view, view.t("invite.invalid.title"), view.t("invite.invalid.body")),
        410,
      );
    }
    const target = `/q/${state.cycleSlug}/${state.partnerSlug}`;
    const actor = c.get("actor");
    if (actor.kind === "invitation" && actor.invitationId === state.invitationId)
      return c.redirect(target, 303);
    const held = await resumeInvitation(db, state.invitationId, heldSessions(c));
    if (held) {
      setSessionCookie(c, held);
      holdSession(c, held);
      return c.redirect(target, 303);
    }
    // A spent link is refused by the exchange too, so that its reuse is in the audit log.
    const exchanged = await exchangeInvitation(db, token);
    if (exchanged) {
      setSessionCookie(c, exchanged.session.token);
      holdSession(c, exchanged.session.token);
      return c.redirect(`/q/${exchanged.cycleSlug}/${exchanged.partnerSlug}`, 303);
    }
    // The link itself is spent (410, as before); the page offers a fresh one.
    return c.html(linkUsedPage(view, token), 410);
  };

  app.get("/i/:token", async (c) => {
    const token = c.req.param("token");
    const actor = c.get("actor");
    // Never replace an account's session silently: a coordinator testing a link, a shared phone.
    if (actor.kind === "user") {
      const state = await inspectInvitation(c.get("deps").db, token);
      if (state.kind !== "invalid") {
        const stay = actor.role === "respondent" ? "/q" : "/manage";
        return c.html(linkSwitchPage(viewOf(c, { form: true }), token, stay));
      }
    }
    return enter(c, token);
  });

  // The answer to the question above: the account is signed out, then the link opens.
  app.post("/i/:token", async (c) => {
    const session = c.get("sessionToken");
    if (c.get("actor").kind === "user" && session) {
      await logout(c.get("deps").db, session, c.get("actor"));
      clearSessionCookie(c);
      c.set("actor", { kind: "anonymous" });
    }
    return enter(c, c.req.param("token"));
  });

  app.post("/i/:token/fresh", async (c) => {
    const token = c.req.param("token");
    const view = viewOf(c, { form: true });
    const { t, lang } = view;
    const { limited } = await requestFreshLink(
      c.get("deps").db,
      { token, clientAddress: clientAddress(c) ?? "unknown", baseUrl: publicBase(c) },
      (m) => ({
        subject: t("ws.mail.inviteSubject", { partner: m.partner, cycle: m.cycle }),
        body: t("ws.mail.inviteBody", {
          partner: m.partner,
          cycle: m.cycle,
          deadline: m.deadline ? formatDate(lang, m.deadline) : t("ws.noDeadline"),
          url: m.url,
        }),
      }),
      lang,
    );
    if (limited) c.header("Retry-After", "3600");
    return c.html(linkUsedPage(view, token, limited ? "limited" : "sent"), limited ? 429 : 200);
  });

  return app;
}
