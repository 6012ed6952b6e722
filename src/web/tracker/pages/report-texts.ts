// The report texts editor: one French and one English text area per kind of text of a cycle's
// annual report, pre-filled with the cycle's text or the previous cycle's, errors beside fields.
import { html } from "hono/html";
import {
  CYCLE_TEXT_KINDS,
  type CycleTextKind,
  type DEFAULTED_TEXT_KINDS,
  hasDefaultText,
  TEXT_PLACEHOLDERS,
} from "../../../domain/tracker/report-text.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import { DEFAULT_TEXTS } from "../../../i18n/tracker/report-defaults.ts";
import type { CycleTexts, TextInput, TextRefusal } from "../../../services/tracker/report-texts.ts";
import { csrfField, errorSummary, type FieldErrors, field } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

type Defaulted = (typeof DEFAULTED_TEXT_KINDS)[number];

export interface TextsState {
  /** What was typed, when the form comes back with errors. */
  typed?: TextInput[];
  refusals?: TextRefusal[];
  notice?: string;
}

function errorsOf(view: View, typed: TextInput[], refusals: TextRefusal[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const r of refusals) {
    const text = typed.find((x) => x.kind === r.kind)?.text ?? "";
    errors[`${r.kind}.${r.field}`] = r.placeholder
      ? view.t("texts.error.placeholder", { placeholder: r.placeholder })
      : r.field === "text" && text.trim() === ""
        ? view.t("texts.error.required")
        : view.t("texts.error.length", { max: r.max ?? "" });
  }
  return errors;
}

export function reportTextsPage(
  view: View,
  cycle: { slug: string; label: string },
  texts: CycleTexts,
  state: TextsState = {},
): Html {
  const { t } = view;
  const base = `/manage/cycles/${encodeURIComponent(cycle.slug)}`;
  const errors = errorsOf(view, state.typed ?? [], state.refusals ?? []);
  // A cycle with no text of its own starts from the previous cycle's, pre-filled (saving adopts
  // them); once it has its own, an empty kind only shows the previous text, so that a text the
  // coordinator removed is not adopted again by the next save.
  const hasOwn = CYCLE_TEXT_KINDS.some((k) => texts[k]?.source === "cycle");
  const value = (kind: CycleTextKind) => {
    const typed = state.typed?.find((x) => x.kind === kind);
    const stored = texts[kind];
    const earlier = stored?.source === "previous" ? stored : null;
    if (typed) return { text: typed.text, textEn: typed.textEn, offered: false, earlier };
    if (stored && (stored.source === "cycle" || !hasOwn))
      return {
        text: stored.text,
        textEn: stored.textEn ?? "",
        offered: stored.source === "previous",
        earlier: null,
      };
    // A section every report has starts from its default text, as the report prints it.
    if (hasDefaultText(kind) && !stored)
      return {
        text: DEFAULT_TEXTS.fr[kind as Defaulted],
        textEn: DEFAULT_TEXTS.en[kind as Defaulted],
        offered: false,
        byDefault: true,
        earlier,
      };
    return { text: "", textEn: "", offered: false, earlier };
  };
  const placeholders = TEXT_PLACEHOLDERS.map((p) => `{${p}}`).join(", ");
  return page(view, {
    title: `${t("texts.title")} — ${cycle.label}`,
    body: html`<p class="crumbs"><a href="/manage">${t("nav.workspace")}</a> › <a href="${base}">${cycle.label}</a></p>
<h1>${t("texts.title")}</h1>
<p>${t("texts.intro", { placeholders })}</p>
<p class="muted">${t("texts.remove_hint")}</p>
<p><a href="/manage/acronyms">${t("acr.link")}</a></p>
${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : ""}
${errorSummary(view, errors)}
<form method="post" action="${base}/report-texts">${csrfField(view)}
${CYCLE_TEXT_KINDS.map((kind) => {
  const v = value(kind);
  return html`<fieldset class="card"><legend>${t(`texts.kind.${kind}` as MessageKey)}</legend>
${v.offered ? html`<p class="muted">${t("texts.previous")}</p>` : ""}
${"byDefault" in v ? html`<p class="muted">${t("texts.default")}</p>` : ""}
${field({ name: `${kind}.text`, label: t("texts.fr"), value: v.text, multiline: true, error: errors[`${kind}.text`], attrs: html` rows="6" lang="fr"` })}
${field({ name: `${kind}.text_en`, label: t("texts.en"), value: v.textEn, multiline: true, error: errors[`${kind}.text_en`], attrs: html` rows="4" lang="en"` })}
${v.earlier ? html`<details><summary>${t("texts.earlier")}</summary><p class="narrative pre" lang="fr">${v.earlier.text}</p>${v.earlier.textEn ? html`<p class="narrative pre" lang="en">${v.earlier.textEn}</p>` : ""}</details>` : ""}
</fieldset>`;
})}
<p class="actions"><button class="primary" type="submit">${t("texts.save")}</button></p>
</form>
<p><a href="${base}">${t("texts.back")}</a></p>`,
  });
}
