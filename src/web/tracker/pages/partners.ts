// The partner directory (by category, a page at a time, with a search by name) and a partner's page (its contributions per cycle).

import { html } from "hono/html";
import { partnerShortName } from "../../../domain/tracker/partner.ts";
import { formatNumber } from "../../../i18n/index.ts";
import type {
  DirectoryEntry,
  DirectoryPage,
  PartnerPage,
} from "../../../services/tracker/partners.ts";
import { page } from "../../shared/layout.ts";
import { pager } from "../../shared/pager.ts";
import type { Html, View } from "../../shared/view.ts";
import { colon, joinHtml, outputsList, partnerLink, statusMark } from "../components.ts";

/** The directory's address for a page of a search; the first page of all keeps "/partners". */
function directoryHref(query: string, n: number): string {
  const params = new URLSearchParams();
  if (query !== "") params.set("q", query);
  if (n > 1) params.set("page", String(n));
  const search = params.toString();
  return search === "" ? "/partners" : `/partners?${search}`;
}

function entryItem(view: View, p: DirectoryEntry): Html {
  const { t } = view;
  return html`<li><span><a href="/partners/${encodeURIComponent(p.slug)}"><b>${partnerShortName(p)}</b></a>${
    p.acronym && p.acronym !== p.name ? html` <span class="muted">${p.name}</span>` : ""
  }</span><small class="muted">${
    p.contributions === 0
      ? t("partners.noContribution")
      : p.contributions === 1
        ? t("partners.contribution")
        : t("partners.contributions", { count: p.contributions })
  }</small></li>`;
}

export function directoryPage(view: View, d: DirectoryPage): Html {
  const { t, lang } = view;
  const here = (n: number) => directoryHref(d.query, n);
  const pages = pager(view, d.pages, here);
  const shownOf = new Map(d.groups.map((g) => [g.category, g.partners.length]));
  const body = html`
<h1>${t("partners.title")}</h1>
<p class="muted">${t("partners.intro", { count: formatNumber(lang, d.total) })}</p>
<form method="get" action="/partners" role="search" class="search">
<label for="q">${t("partners.search")}</label>
<span><input id="q" type="search" name="q" value="${d.query}" maxlength="100"><button class="secondary" type="submit">${t("partners.searchButton")}</button></span>
</form>
${
  d.query === ""
    ? ""
    : html`<p role="status">${
        d.matching === 0
          ? t("partners.noMatch", { query: d.query })
          : t("partners.matching", { count: formatNumber(lang, d.matching), query: d.query })
      } <a href="/partners">${t("partners.all")}</a></p>`
}
${
  // Where each category starts, when they run over several pages or a search.
  d.matching > 0 && (d.pages.count > 1 || d.query !== "")
    ? html`<nav aria-label="${t("partners.categories")}"><ul class="marks">${d.categories.map(
        (c) =>
          html`<li><span>${
            c.count === 0
              ? t(`category.${c.category}`)
              : html`<a href="${shownOf.has(c.category) ? "" : here(c.firstPage)}#g-${c.category}">${t(`category.${c.category}`)}</a>`
          }</span><small class="muted">${formatNumber(lang, c.count)}</small></li>`,
      )}</ul></nav>`
    : ""
}
${
  d.pages.count > 1
    ? html`<p class="muted">${t("partners.shown", {
        from: formatNumber(lang, d.firstShown),
        to: formatNumber(
          lang,
          d.firstShown + d.groups.reduce((n, g) => n + g.partners.length, 0) - 1,
        ),
        count: formatNumber(lang, d.matching),
      })}</p>`
    : ""
}
${d.groups.map((g) => {
  const all = d.categories.find((c) => c.category === g.category)?.count ?? g.partners.length;
  return html`<section class="card" aria-labelledby="g-${g.category}">
<h2 id="g-${g.category}">${t(`category.${g.category}`)} <span class="muted">(${formatNumber(lang, all)})</span></h2>
${
  g.partners.length === 0
    ? html`<p class="muted">${t("partners.none")}</p>`
    : html`<ul class="marks">${g.partners.map((p) => entryItem(view, p))}</ul>`
}
</section>`;
})}
${pages}`;
  const title =
    d.query === "" ? t("partners.title") : `${t("partners.title")} – «\u00a0${d.query}\u00a0»`;
  return page(view, {
    title:
      d.pages.count > 1
        ? `${title} – ${t("pager.position", { page: d.pages.current, count: d.pages.count })}`
        : title,
    body,
    section: "partners",
    organisation: d.tracker.organisation,
  });
}

export function partnerPage(view: View, p: PartnerPage, cycleSlug?: string): Html {
  const { t } = view;
  const { partner } = p;
  const body = html`
<p class="crumbs"><a href="/partners">${t("partners.title")}</a></p>
<h1>${partnerShortName(partner)}</h1>
${partner.acronym && partner.acronym !== partner.name ? html`<p>${partner.name}</p>` : ""}
<p class="muted">${t("partner.category")}${colon(view)} ${t(`category.${partner.category}`)}</p>
${p.cycles.length === 0 ? html`<p>${t("partner.none")}</p>` : ""}
${p.cycles.map(
  (c) => html`<section aria-labelledby="cy-${c.cycle.slug}">
<h2 id="cy-${c.cycle.slug}">${t("partner.contributionsIn", { cycle: c.cycle.label })}</h2>
${c.contributions.map(
  (r) => html`<article class="card">
<h3><a href="/cycles/${encodeURIComponent(c.cycle.slug)}/commitments/${r.commitmentNumber}#i-${r.indicator.code}">${t("partner.indicator", { number: r.indicator.number })}</a> · ${r.indicator.title}</h3>
<p>${statusMark(view, r.indicator.status)}${r.contributes === "yes" ? "" : html` <span class="muted">${t(`contributes.${r.contributes}`)}</span>`}</p>
${r.activities ? html`<p class="pre">${r.activities}</p>` : ""}
${outputsList(view, r.outputs)}
${
  r.collaborators.length > 0 || r.collaboratorsText
    ? html`<p><span class="muted">${t("table.collaborators")}${colon(view)}</span> ${joinHtml(r.collaborators.map(partnerLink))}${r.collaborators.length > 0 && r.collaboratorsText ? ", " : ""}${r.collaboratorsText ?? ""}</p>`
    : ""
}
</article>`,
)}
</section>`,
)}
${p.citedBy > 0 ? html`<p class="muted">${t("partner.citedBy", { count: p.citedBy })}</p>` : ""}`;
  return page(view, {
    title: partnerShortName(partner),
    body,
    section: "partners",
    ...(cycleSlug ? { cycleSlug } : {}),
    organisation: p.tracker.organisation,
    description: partner.name,
  });
}
