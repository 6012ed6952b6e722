// The public list of programmes whose dashboard is published: each one's name, lead partner and
// years, linking to its dashboard.
import { html } from "hono/html";
import { formatDate } from "../../../domain/shared/format.ts";
import type { PublishedProgramme } from "../../../services/programme/publication.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

export function publicProgrammesPage(view: View, list: readonly PublishedProgramme[]): Html {
  const { t, lang } = view;
  return page(view, {
    title: t("dash.listTitle"),
    section: "programmes",
    body: html`<h1>${t("dash.listTitle")}</h1>
<p>${t("dash.listIntro")}</p>
${
  list.length === 0
    ? html`<p class="muted">${t("dash.listEmpty")}</p>`
    : html`<ul class="list">${list.map(
        (p) =>
          html`<li><a href="/programmes/${p.slug}"><b>${p.name}</b></a><br><span class="muted">${t(
            p.endDate ? "dash.listPeriod" : "dash.listSince",
            {
              lead: p.leadPartner,
              first: formatDate(lang, p.startDate),
              last: p.endDate ? formatDate(lang, p.endDate) : "",
            },
          )}</span></li>`,
      )}</ul>`
}`,
  });
}
