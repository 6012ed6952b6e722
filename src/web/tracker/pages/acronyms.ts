// The acronyms editor: the list with an add form, and one page per acronym to change its
// meanings or delete it. Errors come back beside their field with what was typed.
import { html } from "hono/html";
import type { Candidate } from "../../../domain/tracker/acronym-candidates.ts";
import { MAX_EXPANSION_LENGTH } from "../../../domain/tracker/report-text.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type {
  AcronymErrors,
  AcronymInput,
  AcronymPlace,
  StoredAcronym,
} from "../../../services/tracker/acronyms.ts";
import {
  csrfField,
  errorSummary,
  type FieldErrors,
  field,
  fieldMessages,
} from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

export interface AcronymsState {
  /** The latest cycle's tokens that look like acronyms and are not listed. */
  proposals?: { cycle: string; list: Candidate<AcronymPlace>[] };
  typed?: Partial<AcronymInput>;
  errors?: AcronymErrors;
  notice?: string;
}

const SPECIFIC: Record<string, MessageKey> = {
  "acronym.required": "acr.error.required",
  "acronym.format": "acr.error.format",
  "acronym.taken": "acr.error.taken",
  "expansion.required": "acr.error.required",
};
const LIMITS = { expansion: MAX_EXPANSION_LENGTH, expansion_en: MAX_EXPANSION_LENGTH };

function fieldErrors(view: View, errors: AcronymErrors = {}): FieldErrors {
  return fieldMessages(view, errors, SPECIFIC, LIMITS);
}

function placeText(view: View, p: AcronymPlace): string {
  const { t } = view;
  switch (p.kind) {
    case "text":
      return t(`texts.kind.${p.text}` as MessageKey);
    case "section":
      return p.title;
    case "commitment":
      return t("acr.where.commitment", { number: p.number });
    case "indicator":
      return t("acr.where.indicator", { number: p.number });
    case "answer":
      return t("acr.where.answer", { number: p.number, partner: p.partner });
    default:
      return t(`acr.where.${p.kind}`);
  }
}

/** Each proposal with where it occurs and a field for its meaning: one click adds it. */
function proposalsSection(view: View, proposals: NonNullable<AcronymsState["proposals"]>): Html {
  const { t } = view;
  const shown = 4;
  return html`<section class="card" aria-labelledby="acr-proposed"><h2 id="acr-proposed">${t("acr.proposed.title")}</h2>
${
  proposals.list.length === 0
    ? html`<p class="muted">${t("acr.proposed.none")}</p>`
    : html`<p>${t("acr.proposed.intro", { cycle: proposals.cycle })}</p><ul class="proposals">${proposals.list.map(
        (c, i) => {
          const places = c.where.slice(0, shown).map((w) => placeText(view, w));
          const more = c.where.length - shown;
          return html`<li><form method="post" action="/manage/acronyms" novalidate>${csrfField(view)}<input type="hidden" name="acronym" value="${c.token}"><p><b>${c.token}</b> <small class="muted">${places.join(" · ")}${more > 0 ? ` ${t("acr.proposed.more", { count: more })}` : ""}</small></p>
${field({ name: "expansion", label: t("acr.proposed.meaning", { acronym: c.token }), idPrefix: `p${i}-`, attrs: html` maxlength="${MAX_EXPANSION_LENGTH}" lang="fr"` })}
<p class="actions"><button class="secondary" type="submit">${t("acr.add")}</button></p></form></li>`;
        },
      )}</ul>`
}</section>`;
}

const crumbs = (view: View, extra: Html | string = "") =>
  html`<p class="crumbs"><a href="/manage">${view.t("nav.workspace")}</a>${extra}</p>`;

export function acronymsPage(
  view: View,
  acronyms: StoredAcronym[],
  state: AcronymsState = {},
): Html {
  const { t } = view;
  const errors = fieldErrors(view, state.errors);
  const typed = state.typed ?? {};
  return page(view, {
    title: t("acr.title"),
    body: html`${crumbs(view)}
<h1>${t("acr.title")}</h1>
<p>${t("acr.intro")}</p>
${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : ""}
<section class="card" aria-labelledby="acr-add"><h2 id="acr-add">${t("acr.add.title")}</h2>
${errorSummary(view, errors)}
<form method="post" action="/manage/acronyms">${csrfField(view)}
${field({ name: "acronym", label: t("acr.acronym"), value: typed.acronym, required: true, error: errors.acronym, attrs: html` maxlength="24" autocapitalize="characters" spellcheck="false"` })}
${field({ name: "expansion", label: t("acr.expansion"), value: typed.expansion, required: true, error: errors.expansion, attrs: html` maxlength="${MAX_EXPANSION_LENGTH}" lang="fr"` })}
${field({ name: "expansion_en", label: t("acr.expansionEn"), value: typed.expansionEn, error: errors.expansion_en, attrs: html` maxlength="${MAX_EXPANSION_LENGTH}" lang="en"` })}
<p class="actions"><button class="primary" type="submit">${t("acr.add")}</button></p>
</form></section>
${state.proposals ? proposalsSection(view, state.proposals) : ""}
<h2>${t("acr.count", { count: acronyms.length })}</h2>
${
  acronyms.length === 0
    ? html`<p class="muted">${t("acr.empty")}</p>`
    : html`<ul class="acronyms">${acronyms.map(
        (a) =>
          html`<li><b>${a.acronym}</b> <span>${a.expansion}${a.expansionEn ? html` <span class="muted" lang="en">— ${a.expansionEn}</span>` : ""}</span> <a href="/manage/acronyms/${a.id}" aria-label="${t("acr.edit")} ${a.acronym}">${t("acr.edit")}</a></li>`,
      )}</ul>`
}`,
  });
}

export function acronymPage(view: View, acronym: StoredAcronym, state: AcronymsState = {}): Html {
  const { t } = view;
  const errors = fieldErrors(view, state.errors);
  const typed = state.typed;
  const base = `/manage/acronyms/${acronym.id}`;
  return page(view, {
    title: `${acronym.acronym} — ${t("acr.title")}`,
    body: html`${crumbs(view, html` › <a href="/manage/acronyms">${t("acr.title")}</a>`)}
<h1>${acronym.acronym}</h1>
${errorSummary(view, errors)}
<form method="post" action="${base}">${csrfField(view)}
${field({ name: "expansion", label: t("acr.expansion"), value: typed?.expansion ?? acronym.expansion, required: true, error: errors.expansion, attrs: html` maxlength="${MAX_EXPANSION_LENGTH}" lang="fr"` })}
${field({ name: "expansion_en", label: t("acr.expansionEn"), value: typed?.expansionEn ?? acronym.expansionEn ?? "", error: errors.expansion_en, attrs: html` maxlength="${MAX_EXPANSION_LENGTH}" lang="en"` })}
<p class="actions"><button class="primary" type="submit">${t("acr.save")}</button></p>
</form>
<form method="post" action="${base}/delete">${csrfField(view)}
<p class="actions"><button class="secondary" type="submit">${t("acr.remove")}</button></p>
</form>
<p><a href="/manage/acronyms">${t("acr.back")}</a></p>`,
  });
}
