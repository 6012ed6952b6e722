// The staff page of a programme's result cards: each card's sentence, a preview, its two PNG
// shapes to download, its alt text and the post suggested with it.
import { html } from "hono/html";
import type { ProgrammeDashboard } from "../../../services/programme/dashboard.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

export function cardsPage(
  view: View,
  data: { dashboard: ProgrammeDashboard; programmeId: number; published: boolean },
): Html {
  const { t, lang } = view;
  const d = data.dashboard;
  const base = `/programme/${data.programmeId}/cards`;
  const body = html`<p class="crumbs"><a href="/programme/${data.programmeId}">${d.programme.name}</a></p>
<h1>${t("dash.cards")}</h1>
${d.synthetic ? html`<p class="notice">${t("hx.synthetic")}</p>` : ""}
<p>${t("dash.cardsIntro")}</p>
${data.published ? "" : html`<p class="notice">${t("dash.cardsPublicNote")}</p>`}
${
  d.cards.length === 0
    ? html`<p class="muted">${t("dash.noCards")}</p>`
    : d.cards.map((c) => {
        const file = (size: string) => `${base}/${c.n}-${size}.png?lang=${lang}`;
        return html`<section class="card">
<h2>${c.model.mark ?? ""} ${c.model.sentence}</h2>
<p><img src="${file("wide")}" width="300" height="158" alt="${c.model.alt}" loading="lazy"></p>
<p><a href="${file("square")}" download>${t("dash.square")}</a> · <a href="${file("wide")}" download>${t("dash.wide")}</a></p>
<p class="muted">${c.model.alt}</p>
<p><b>${t("dash.post")}</b><br>${c.model.post}</p>
</section>`;
      })
}`;
  return page(view, { title: `${t("dash.cards")} – ${d.programme.name}`, body });
}
