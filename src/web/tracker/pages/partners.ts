// The partner directory (by category) and a partner's page (its contributions per cycle).

import { html } from "hono/html";
import { partnerShortName } from "../../../domain/tracker/partner.ts";
import { formatNumber } from "../../../i18n/index.ts";
import type { Directory, PartnerPage } from "../../../services/tracker/partners.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";
import { colon, joinHtml, outputsList, partnerLink, statusMark } from "../components.ts";

export function directoryPage(view: View, d: Directory): Html {
  const { t, lang } = view;
  const body = html`
<h1>${t("partners.title")}</h1>
<p class="muted">${t("partners.intro", { count: formatNumber(lang, d.total) })}</p>
${d.groups.map(
  (g) => html`<section class="card" aria-labelledby="g-${g.category}">
<h2 id="g-${g.category}">${t(`category.${g.category}`)} <span class="muted">(${g.partners.length})</span></h2>
${
  g.partners.length === 0
    ? html`<p class="muted">${t("partners.none")}</p>`
    : html`<ul class="marks">${g.partners.map(
        (p) =>
          html`<li><span><a href="/partners/${encodeURIComponent(p.slug)}"><b>${partnerShortName(p)}</b></a>${
            p.acronym && p.acronym !== p.name ? html` <span class="muted">${p.name}</span>` : ""
          }</span><small class="muted">${
            p.contributions === 0
              ? t("partners.noContribution")
              : p.contributions === 1
                ? t("partners.contribution")
                : t("partners.contributions", { count: p.contributions })
          }</small></li>`,
      )}</ul>`
}
</section>`,
)}`;
  return page(view, {
    title: t("partners.title"),
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
