// The English edition's translations in the workspace: what still lacks English (counted per
// kind, each item linked to where its English is given), and the forms that give it — one
// answer's free texts and units, one indicator's narrative, the cycle's difficulties and
// recommendations. The French stays beside each English field.
import { html } from "hono/html";
import type { Bilingual } from "../../../domain/shared/lang.ts";
import { TRANSLATION_KINDS, type TranslationKind } from "../../../domain/tracker/translation.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type {
  answerTranslationForm,
  listsTranslationForm,
  narrativeTranslationForm,
} from "../../../services/tracker/translations.ts";
import type { MissingTranslation } from "../../../services/tracker/translations-missing.ts";
import { csrfField, errorSummary, type FieldErrors, field } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

type Cycle = { slug: string; label: string };

export interface TranslationFormState {
  /** What was typed, by field name, when the form comes back refused. */
  typed?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
}

const base = (cycle: Cycle) => `/manage/cycles/${encodeURIComponent(cycle.slug)}`;

function crumbs(view: View, cycle: Cycle, deeper: boolean): Html {
  const { t } = view;
  return html`<p class="crumbs"><a href="/manage">${t("nav.workspace")}</a> › <a href="${base(cycle)}">${cycle.label}</a>${
    deeper ? html` › <a href="${base(cycle)}/translations">${t("tr.title")}</a>` : ""
  }</p>`;
}

const kindLabel = (view: View, kind: TranslationKind) => view.t(`tr.kind.${kind}` as MessageKey);

/** A long French text cut at a word for the list; the form shows it whole. */
function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2))} …`;
}

function placeOf(view: View, item: MissingTranslation): string {
  if (item.kind === "report_text") return view.t(`texts.kind.${item.place}` as MessageKey);
  return item.place;
}

export function translationsPage(
  view: View,
  data: {
    cycle: Cycle;
    counts: Record<TranslationKind, number>;
    items: MissingTranslation[];
  },
): Html {
  const { t } = view;
  const kinds = TRANSLATION_KINDS.filter((k) => data.counts[k] > 0);
  return page(view, {
    title: `${t("tr.title")} — ${data.cycle.label}`,
    body: html`${crumbs(view, data.cycle, false)}
<h1>${t("tr.title")}</h1>
<p>${t("tr.intro")}</p>
${
  data.items.length === 0
    ? html`<p class="notice" role="status">${t("tr.none")}</p>`
    : html`<p><strong>${t("tr.total", { n: data.items.length })}</strong></p>
<ul class="tr-counts">${kinds.map(
        (k) =>
          html`<li><a href="#k-${k}">${kindLabel(view, k)}</a> <strong>${data.counts[k]}</strong></li>`,
      )}</ul>
${kinds.map(
  (
    k,
  ) => html`<section class="card" id="k-${k}" aria-labelledby="k-${k}-h"><h2 id="k-${k}-h">${kindLabel(view, k)} (${data.counts[k]})</h2>
<ul class="tr-list">${data.items
    .filter((i) => i.kind === k)
    .map(
      (i) =>
        html`<li><a href="${i.href}">${placeOf(view, i) || t("tr.translate")}</a>${
          i.outdated ? html` <span class="muted">(${t("tr.outdated")})</span>` : ""
        }<br><span class="muted" lang="fr">${excerpt(i.french)}</span></li>`,
    )}</ul></section>`,
)}`
}`,
  });
}

/** The French shown beside its English field. */
const french = (view: View, text: string) =>
  html`<p class="muted">${view.t("tr.fr")}</p><p class="narrative pre" lang="fr">${text}</p>`;

const englishField = (
  view: View,
  name: string,
  value: string,
  state: TranslationFormState,
  rows = 5,
) =>
  field({
    name,
    label: view.t("tr.en"),
    hint: view.t("tr.en_hint"),
    value: state.typed?.[name] ?? value,
    multiline: true,
    error: state.errors?.[name],
    attrs: html` rows="${rows}" lang="en" maxlength="5000"`,
  });

const notice = (state: TranslationFormState) =>
  state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : "";

/** Where the answer's form is reached from: the workspace (by default) or the questionnaire. */
export interface AnswerFormPlace {
  action: string;
  back: string;
}

export function answerTranslationPage(
  view: View,
  data: Awaited<ReturnType<typeof answerTranslationForm>>,
  state: TranslationFormState = {},
  from?: AnswerFormPlace,
): Html {
  const { t } = view;
  const { answer, cycle } = data;
  const title = t("tr.answer.title", { partner: answer.partner });
  const action = from?.action ?? `${base(cycle)}/translations/answers/${answer.id}`;
  return page(view, {
    title: `${title} — ${cycle.label}`,
    body: html`${from ? "" : crumbs(view, cycle, true)}
<h1>${title}</h1>
<p>${answer.indicator}</p>
${from ? html`<p class="muted">${t("tr.q.intro")}</p>` : ""}
${notice(state)}${errorSummary(view, state.errors ?? {})}
<form method="post" action="${action}">${csrfField(view)}
${answer.fields.map(
  (f) => html`<fieldset class="card"><legend>${kindLabel(view, f.field)}</legend>
${f.outdated ? html`<p class="alert">${t("tr.outdated")}</p>` : ""}
${french(view, f.fr)}
${englishField(view, `text.${f.field}`, f.en, state)}
</fieldset>`,
)}
${
  answer.units.length > 0
    ? html`<fieldset class="card"><legend>${kindLabel(view, "unit")}</legend><p class="muted">${t("tr.unit_hint")}</p>
${answer.units.map(
  (u, n) => html`<input type="hidden" name="unit_fr.${n}" value="${u.unit}">
${field({ name: `unit_en.${n}`, label: u.unit, value: state.typed?.[`unit_en.${n}`] ?? u.en, error: state.errors?.[`unit_en.${n}`], attrs: html` lang="en" maxlength="5000"` })}`,
)}</fieldset>`
    : ""
}
<p class="actions"><button class="primary" type="submit">${t("tr.save")}</button></p>
</form>
<p>${from ? html`<a href="${from.back}">${t("tr.q.back")}</a>` : html`<a href="${base(cycle)}/translations">${t("tr.back")}</a>`}</p>`,
  });
}

/** The questionnaire's indicator without an answer yet: the English comes after the French. */
export function answerFirstPage(view: View, back: string): Html {
  const { t } = view;
  return page(view, {
    title: t("tr.q.link"),
    body: html`<h1>${t("tr.q.link")}</h1>
<p>${t("tr.q.first")}</p>
<p><a href="${back}">${t("tr.q.back")}</a></p>`,
  });
}

export function narrativeTranslationPage(
  view: View,
  data: Awaited<ReturnType<typeof narrativeTranslationForm>>,
  state: TranslationFormState = {},
): Html {
  const { t } = view;
  const { cycle, indicator, narrative } = data;
  return page(view, {
    title: `${t("tr.narrative.title")} — ${cycle.label}`,
    body: html`${crumbs(view, cycle, true)}
<h1>${t("tr.narrative.title")}</h1>
<p>${indicator.title}</p>
${notice(state)}${errorSummary(view, state.errors ?? {})}
${
  narrative
    ? html`<form method="post" action="${base(cycle)}/translations/indicators/${indicator.id}">${csrfField(view)}
<fieldset class="card"><legend>${kindLabel(view, "narrative")}</legend>
${french(view, narrative.fr)}
${englishField(view, "narrative_en", narrative.en ?? "", state, 6)}
</fieldset>
<p class="actions"><button class="primary" type="submit">${t("tr.save")}</button></p>
</form>`
    : html`<p class="muted">${t("tr.no_narrative")}</p>`
}
<p><a href="${base(cycle)}/translations">${t("tr.back")}</a></p>`,
  });
}

export function listsTranslationPage(
  view: View,
  data: Awaited<ReturnType<typeof listsTranslationForm>>,
  state: TranslationFormState = {},
): Html {
  const { t } = view;
  const { cycle } = data;
  const one = (key: string, text: Bilingual) => html`<div class="card" id="${key}">
${french(view, text.fr)}
${englishField(view, key, text.en ?? "", state, 3)}
</div>`;
  return page(view, {
    title: `${t("tr.lists.title")} — ${cycle.label}`,
    body: html`${crumbs(view, cycle, true)}
<h1>${t("tr.lists.title")}</h1>
${notice(state)}${errorSummary(view, state.errors ?? {})}
<form method="post" action="${base(cycle)}/translations/lists">${csrfField(view)}
${data.difficulties.length > 0 ? html`<h2>${kindLabel(view, "cycle_difficulty")}</h2>${data.difficulties.map((d) => one(`d-${d.id}`, d.text))}` : ""}
${data.recommendations.length > 0 ? html`<h2>${kindLabel(view, "recommendation")}</h2>${data.recommendations.map((r) => one(`r-${r.id}`, r.text))}` : ""}
<p class="actions"><button class="primary" type="submit">${t("tr.save")}</button></p>
</form>
<p><a href="${base(cycle)}/translations">${t("tr.back")}</a></p>`,
  });
}
