// The page shell: head, header with navigation and language switch, main, footer.
import { html, raw } from "hono/html";
import { STYLES } from "./styles.ts";
import type { Html, View } from "./view.ts";

export interface PageOptions {
  title: string;
  body: Html;
  /** Which main navigation entry is current. */
  section?: "scorecard" | "synthesis" | "partners" | "health" | "programmes";
  /** Cycle whose synthesis the navigation links to; the latest published one otherwise. */
  cycleSlug?: string;
  organisation?: string;
  description?: string;
  /** Extra elements for the head (the questionnaire's web app manifest). */
  head?: Html;
}

export function page(view: View, o: PageOptions): Html {
  const { t, lang } = view;
  const other = lang === "fr" ? "en" : "fr";
  const current = (s: PageOptions["section"]) =>
    o.section === s ? raw(' aria-current="page"') : "";
  const synthesisHref = o.cycleSlug
    ? `/cycles/${encodeURIComponent(o.cycleSlug)}/synthesis`
    : "/synthesis";
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${o.title} · ${t("app.name")}</title>
<meta name="description" content="${o.description ?? t("app.tagline")}">
<style>${raw(STYLES)}</style>
${o.head ?? ""}
</head>
<body>
<a class="skip" href="#main">${t("nav.skip")}</a>
<header class="site"><div class="bar">
<a class="brand" href="/">${t("app.name")}<small>${t("app.tagline")}</small></a>
<nav class="main" aria-label="${t("nav.main")}"><ul>
<li><a href="/"${current("scorecard")}>${t("nav.scorecard")}</a></li>
<li><a href="${synthesisHref}"${current("synthesis")}>${t("nav.synthesis")}</a></li>
<li><a href="/partners"${current("partners")}>${t("nav.partners")}</a></li>
<li><a href="/health/explorer"${current("health")}>${t("hx.nav")}</a></li>
<li><a href="/programmes"${current("programmes")}>${t("nav.programmes")}</a></li>
</ul></nav>
${
  view.user?.link
    ? html`<span class="who">${t("auth.linkSession")}</span>`
    : view.user
      ? html`<span class="who">${view.user.workspace ? html`<a href="/manage">${t("nav.workspace")}</a> · ` : ""}<form method="post" action="/logout" class="inline" id="logout"><input type="hidden" name="_csrf" value="${view.csrf ?? ""}"><input type="hidden" name="owner" value="${view.owner ?? ""}"><button type="submit" class="link">${t("auth.logout")}</button></form></span>`
      : html`<a class="signin" href="/login">${t("nav.signin")}</a>`
}
<a class="lang" href="/lang/${other}?next=${encodeURIComponent(view.path)}" hreflang="${other}" lang="${other}" title="${t("nav.switchLangLabel")}">${t("nav.switchLang")}</a>
</div></header>
<main id="main">
${o.body}
</main>
<footer class="site">
${o.organisation ? html`<p>${t("footer.publishedBy", { organisation: o.organisation })}</p>` : ""}
<p>${t("footer.about")}</p>
</footer>
</body>
</html>`;
}
