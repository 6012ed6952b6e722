// The report's cover and sections editor: the publication date and place, the tracker's logos
// (each with its place on the cover, a preview and a delete button), the upload form, and the
// sections added to the cycle's report. Refused fields come back beside their field.
import { html } from "hono/html";
import {
  MAX_SECTION_TITLE_LENGTH,
  REPORT_SECTIONS,
  type ReportSection,
} from "../../../domain/tracker/report-text.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type {
  CoverSettings,
  CustomSection,
  LogoInfo,
} from "../../../services/tracker/report-covers.ts";
import {
  csrfField,
  errorSummary,
  type FieldErrors,
  field,
  selectField,
} from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

export interface CoverPageData {
  cycle: { slug: string; label: string };
  logos: LogoInfo[];
  settings: CoverSettings;
  sections: CustomSection[];
}

export interface CoverPageState {
  notice?: string;
  /** The form that was refused, what was typed in it and each field's message. */
  refused?: {
    form: "cover" | "logo" | "section";
    /** The section's id when an existing one was refused. */
    id?: number;
    values: Record<string, string>;
    errors: FieldErrors;
  };
}

/** Each field's own words for a reason, as `fieldMessages` takes them. */
export const COVER_FIELD_MESSAGES: Record<string, MessageKey> = {
  "file.required": "cover.logo.e.required",
  "file.not_logo": "cover.logo.e.not_logo",
  "file.too_large": "cover.logo.e.too_large",
  "file.too_many_pixels": "cover.logo.e.too_many_pixels",
  "file.unsafe_svg": "cover.logo.e.unsafe_svg",
  "published_on.invalid": "cover.e.date",
  "text.placeholder": "sections.e.placeholder",
  "text_en.placeholder": "sections.e.placeholder",
};

function sectionForm(
  view: View,
  base: string,
  section: CustomSection | null,
  refused: CoverPageState["refused"],
): Html {
  const { t } = view;
  const mine =
    refused?.form === "section" && refused.id === (section?.id ?? undefined) ? refused : undefined;
  const v = (name: string, stored: string | null | undefined) =>
    mine ? (mine.values[name] ?? "") : (stored ?? "");
  const e = mine?.errors ?? {};
  const prefix = section ? `s${section.id}-` : "new-";
  const action = section ? `${base}/sections/${section.id}` : `${base}/sections`;
  const options: [string, string][] = REPORT_SECTIONS.map((s) => [
    s,
    t(`section.${s}` as MessageKey),
  ]);
  return html`<form method="post" action="${action}" novalidate>${csrfField(view)}
${errorSummary(view, e)}
${selectField({ name: "after", label: t("sections.after"), value: v("after", section?.after ?? ("methodology" satisfies ReportSection)), options, error: e.after, idPrefix: prefix })}
${field({ name: "title", label: t("sections.heading"), value: v("title", section?.title), required: true, error: e.title, idPrefix: prefix, attrs: html` maxlength="${MAX_SECTION_TITLE_LENGTH}" lang="fr"` })}
${field({ name: "title_en", label: t("sections.headingEn"), value: v("title_en", section?.titleEn), error: e.title_en, idPrefix: prefix, attrs: html` maxlength="${MAX_SECTION_TITLE_LENGTH}" lang="en"` })}
${field({ name: "text", label: t("sections.text"), value: v("text", section?.text), multiline: true, required: true, error: e.text, idPrefix: prefix, attrs: html` rows="5" lang="fr"` })}
${field({ name: "text_en", label: t("sections.textEn"), value: v("text_en", section?.textEn), multiline: true, error: e.text_en, idPrefix: prefix, attrs: html` rows="4" lang="en"` })}
<p class="actions"><button class="primary" type="submit">${section ? t("sections.save") : t("sections.add")}</button></p>
</form>${
    section
      ? html`<form method="post" action="${base}/sections/${section.id}/delete">${csrfField(view)}<p class="actions"><button class="secondary" type="submit">${t("sections.remove")}</button></p></form>`
      : ""
  }`;
}

export function reportCoverPage(view: View, data: CoverPageData, state: CoverPageState = {}): Html {
  const { t } = view;
  const slug = encodeURIComponent(data.cycle.slug);
  const base = `/manage/cycles/${slug}/report-cover`;
  const refused = state.refused;
  const cover = refused?.form === "cover" ? refused : undefined;
  const logoForm = refused?.form === "logo" ? refused : undefined;
  const coverErrors = cover?.errors ?? {};
  const coverValue = (name: string, stored: string | null) =>
    cover ? (cover.values[name] ?? "") : (stored ?? "");
  return page(view, {
    title: `${t("cover.edit.title")} — ${data.cycle.label}`,
    body: html`<p class="crumbs"><a href="/manage">${t("nav.workspace")}</a> › <a href="/manage/cycles/${slug}">${data.cycle.label}</a></p>
<h1>${t("cover.edit.title")}</h1>
<p>${t("cover.edit.intro")}</p>
<p><a href="/manage/cycles/${slug}/report-texts">${t("texts.link")}</a> · <a href="/manage/acronyms">${t("acr.link")}</a></p>
${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : ""}
<section class="card" aria-labelledby="cover-settings"><h2 id="cover-settings">${t("cover.settings.title")}</h2>
<form method="post" action="${base}" novalidate>${csrfField(view)}
${errorSummary(view, coverErrors)}
${field({ name: "published_on", label: t("cover.publishedOn"), type: "date", value: coverValue("published_on", data.settings.publishedOn), hint: t("cover.publishedOn.hint"), error: coverErrors.published_on })}
${field({ name: "place", label: t("cover.place"), value: coverValue("place", data.settings.place), hint: t("cover.place.hint"), error: coverErrors.place, attrs: html` maxlength="120"` })}
<h3>${t("cover.logos.title")}</h3>
${
  data.logos.length === 0
    ? html`<p class="muted">${t("cover.logos.none")}</p>`
    : html`<ul class="logos">${data.logos.map((l) => {
        const name = `logo.${l.id}`;
        const typed = cover
          ? (cover.values[name] ?? "")
          : l.coverPosition === null
            ? ""
            : String(l.coverPosition + 1);
        return html`<li class="logo-row"><img src="/manage/logos/${l.id}.png" alt="${l.name}" width="${Math.round((l.width / l.height) * 48)}" height="48"><span>${l.name}<br><small class="muted">${l.coverPosition === null ? t("cover.logos.off") : t("cover.logos.onCover")}</small></span>
${field({ name, label: t("cover.logos.order"), value: typed, hint: t("cover.logos.orderHint"), error: coverErrors[name] ? t("cover.e.order") : undefined, attrs: html` inputmode="numeric" size="3" maxlength="3"` })}</li>`;
      })}</ul>`
}
<p class="actions"><button class="primary" type="submit">${t("cover.save")}</button></p>
</form>
${data.logos.map((l) => html`<form method="post" action="${base}/logos/${l.id}/delete" class="inline">${csrfField(view)}<button class="secondary" type="submit">${t("cover.logo.remove")} : ${l.name}</button></form>`)}
</section>
<section class="card" aria-labelledby="logo-add"><h2 id="logo-add">${t("cover.logo.add")}</h2>
<form method="post" action="${base}/logos" enctype="multipart/form-data" novalidate>${csrfField(view)}
${errorSummary(view, logoForm?.errors ?? {})}
${field({ name: "name", label: t("cover.logo.name"), value: logoForm?.values.name ?? "", required: true, error: logoForm?.errors.name, attrs: html` maxlength="200"` })}
<div class="field"><label for="f-file">${t("cover.logo.file")}</label><input id="f-file" type="file" name="file" accept="image/png,image/jpeg,image/svg+xml"${logoForm?.errors.file ? html` aria-invalid="true" aria-describedby="f-file-e"` : ""}>${logoForm?.errors.file ? html`<p class="error" id="f-file-e">${logoForm.errors.file}</p>` : ""}</div>
<div class="field"><label><input type="checkbox" name="on_cover" value="1"${logoForm && logoForm.values.on_cover !== "1" ? "" : html` checked`}> ${t("cover.logo.addToCover")}</label></div>
<p class="actions"><button class="primary" type="submit">${t("cover.logo.send")}</button></p>
</form></section>
<section class="card" aria-labelledby="sections"><h2 id="sections">${t("sections.title")}</h2>
<p>${t("sections.intro")}</p>
${data.sections.length === 0 ? html`<p class="muted">${t("sections.none")}</p>` : ""}
${data.sections.map((s) => html`<details${refused?.form === "section" && refused.id === s.id ? html` open` : ""}><summary>${t(`section.${s.after}` as MessageKey)} › ${s.title}</summary>${sectionForm(view, base, s, refused)}</details>`)}
<h3>${t("sections.new")}</h3>
${sectionForm(view, base, null, refused)}
</section>`,
  });
}
