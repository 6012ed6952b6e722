// A programme's testimonials for staff: each one's words, speaker, place and what its consent
// lets each use show; and for those who write, the form adding one with its photo (multipart:
// the photo is re-encoded on the server before anything is kept).
import { html } from "hono/html";
import { SPEAKER_ROLES } from "../../../domain/programme/consent.ts";
import { formatDate } from "../../../domain/shared/format.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type {
  TestimonialForm,
  TestimonialsPage,
} from "../../../services/programme/testimonial-pages.ts";
import type { StaffTestimonial } from "../../../services/programme/testimonials.ts";
import {
  csrfField,
  errorSummary,
  type FieldErrors,
  field,
  selectField,
} from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

/** The forms' own words for a refusal (`field.reason`), before the general ones. */
export const TESTIMONIAL_FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  "place.required": "tm.e.place.required",
  "facility.not_found": "tm.e.facility.not_found",
  "date.invalid": "tm.e.date.invalid",
  "videoUrl.invalid": "tm.e.videoUrl.invalid",
  "photo.not_image": "tm.e.photo.not_image",
  "photo.too_large": "tm.e.photo.too_large",
  "photo.too_many_pixels": "tm.e.photo.too_many_pixels",
  "photo.withdrawn": "tm.e.photo.withdrawn",
  "consent.date.invalid": "tm.e.consent.date.invalid",
  "consent.date.withdrawn": "tm.e.consent.date.withdrawn",
  "consent.uses.required": "tm.e.consent.uses.required",
  "withdrawnOn.invalid": "tm.e.withdrawnOn.invalid",
  "withdrawnOn.before_start": "tm.e.withdrawnOn.before_start",
  "withdrawnOn.withdrawn": "tm.e.withdrawnOn.withdrawn",
  "withdrawnOn.no_consent": "tm.e.withdrawnOn.no_consent",
};

/** The speaker as staff read her: her name (the register's for a midwife) and role. */
export function speakerOf(view: View, t: StaffTestimonial): string {
  const name = t.speakerName ?? t.midwifeName ?? "";
  return view.t("tm.speaker", { role: view.t(`tm.role.${t.speakerRole}`), name });
}

export function placeOf(t: StaffTestimonial): string {
  return [t.unitName, t.place].filter((p) => p !== null && p !== "").join(", ");
}

/** A box ticked or not, sent as "1". */
export function checkbox(name: string, label: string, checked: boolean): Html {
  return html`<li><label><input type="checkbox" name="${name}" value="1"${checked ? html` checked` : ""}> ${label}</label></li>`;
}

/** The photo's file field, with its reason beside it when refused. */
export function photoField(view: View, error: string | undefined, idPrefix = ""): Html {
  const id = `f-${idPrefix}photo`;
  return html`<div class="field"><label for="${id}">${view.t("tm.f.photo")}</label><small class="muted">${view.t("tm.f.photoHint")}</small><input id="${id}" type="file" name="photo" accept="image/jpeg,image/png,image/webp"${
    error ? html` aria-invalid="true" aria-describedby="${id}-e"` : ""
  }>${error ? html`<p class="error" id="${id}-e">${error}</p>` : ""}</div>`;
}

/** The testimonial's fields, for adding one (with a photo) or editing one. */
export function testimonialForm(
  view: View,
  o: {
    action: string;
    submit: MessageKey;
    midwives: readonly { id: number; name: string }[];
    values: TestimonialForm;
    errors: FieldErrors;
    withPhoto: boolean;
  },
): Html {
  const { t } = view;
  const { values, errors } = o;
  const f = (
    name: keyof TestimonialForm,
    label: MessageKey,
    extra: Partial<Parameters<typeof field>[0]> = {},
  ) => field({ name, label: t(label), value: values[name], error: errors[name], ...extra });
  return html`<form class="card" method="post" action="${o.action}"${
    o.withPhoto ? html` enctype="multipart/form-data"` : ""
  } novalidate>${csrfField(view)}
${errorSummary(view, errors)}
${selectField({
  name: "speakerRole",
  label: t("tm.f.speakerRole"),
  value: values.speakerRole,
  options: SPEAKER_ROLES.map((r): [string, string] => [r, t(`tm.role.${r}`)]),
  error: errors.speakerRole,
})}
${f("speakerName", "tm.f.speakerName", { hint: t("tm.f.speakerNameHint"), autocomplete: "off" })}
${
  o.midwives.length > 0
    ? selectField({
        name: "midwife",
        label: t("tm.f.midwife"),
        value: values.midwife,
        options: [
          ["", t("tm.noMidwife")],
          ...o.midwives.map((m): [string, string] => [String(m.id), m.name]),
        ],
        error: errors.midwifeId,
      })
    : ""
}
${errors.place ? html`<p class="error" role="alert">${errors.place}</p>` : ""}
${f("facility", "tm.f.facility", { hint: t("tm.f.placeHint") })}
${f("placeText", "tm.f.placeText")}
${f("date", "tm.f.date", { type: "date", required: true })}
${f("quote", "tm.f.quote", { multiline: true, required: true })}
${f("summary", "tm.f.summary", { multiline: true })}
${f("language", "tm.f.language", { required: true })}
${f("videoUrl", "tm.f.videoUrl", { type: "url" })}
<ul class="checks wide">${checkbox("faceVisible", t("tm.f.faceVisible"), values.faceVisible === "1")}${checkbox("minor", t("tm.f.minor"), values.minor === "1")}</ul>
${o.withPhoto ? photoField(view, errors.photo) : ""}
<p class="actions"><button class="primary" type="submit">${t(o.submit)}</button></p>
</form>`;
}

export function testimonialsPageHtml(
  view: View,
  data: TestimonialsPage,
  o: { values?: TestimonialForm; errors?: FieldErrors; empty: TestimonialForm },
): Html {
  const { t, lang } = view;
  const p = data.programme;
  return page(view, {
    title: `${t("tm.title")} · ${p.name}`,
    body: html`<p class="crumbs"><a href="/programme/${p.id}">${t("tm.back")}</a></p>
<h1>${t("tm.title")}</h1>
<p class="muted">${p.name}</p>
<p>${t("tm.intro")}</p>
${
  data.testimonials.length === 0
    ? html`<p class="muted">${t("tm.none")}</p>`
    : html`<ul class="list">${data.testimonials.map(
        (x) =>
          html`<li><b><a href="/programme/${p.id}/testimonials/${x.id}">${speakerOf(view, x)}</a></b>
<blockquote class="quote">${x.quote}</blockquote>
<span class="muted">${[placeOf(x), formatDate(lang, x.date)].filter((s) => s !== "").join(" · ")}</span>${
            x.consent === null
              ? html`<br><span class="error">${t("tm.noConsent")}</span>`
              : x.consent.withdrawnOn !== null
                ? html`<br><span class="error">${t("tm.withdrawnOn", { date: formatDate(lang, x.consent.withdrawnOn) })}</span>`
                : html`<br><span class="muted">${t("tm.consentUses", {
                    list: x.consent.uses.map((u) => t(`tm.use.${u}`)).join(", "),
                  })}</span>`
          }</li>`,
      )}</ul>`
}
${
  data.canWrite
    ? html`<h2>${t("tm.new")}</h2>
${testimonialForm(view, {
  action: `/programme/${p.id}/testimonials`,
  submit: "tm.create",
  midwives: data.midwives,
  values: o.values ?? o.empty,
  errors: o.errors ?? {},
  withPhoto: true,
})}`
    : ""
}`,
  });
}
