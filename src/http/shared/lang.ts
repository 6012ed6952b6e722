// Which language a visitor reads: ?lang= on the URL (shareable), else the visitor's saved
// choice (cookie), else French.
import type { Context } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { DEFAULT_LANG, isLang, type Lang, preferredLang } from "../../domain/shared/lang.ts";

export const LANG_COOKIE = "jalon_lang";
const ONE_YEAR = 60 * 60 * 24 * 365;

export function resolveLang(c: Context): Lang {
  const query = c.req.query("lang");
  if (isLang(query)) return query;
  const cookie = getCookie(c, LANG_COOKIE);
  return isLang(cookie) ? cookie : DEFAULT_LANG;
}

export function rememberLang(c: Context, lang: Lang, secure: boolean): void {
  setCookie(c, LANG_COOKIE, lang, {
    path: "/",
    maxAge: ONE_YEAR,
    sameSite: "Lax",
    httpOnly: true,
    secure,
  });
}

/**
 * An API answer's language: the visitor's saved choice (cookie), else the client's
 * Accept-Language, else French. No `?lang=`: API parameters are the API's own.
 */
export function resolveApiLang(c: Context): Lang {
  const cookie = getCookie(c, LANG_COOKIE);
  if (isLang(cookie)) return cookie;
  return preferredLang(c.req.header("accept-language")) ?? DEFAULT_LANG;
}
