// One testimonial for staff: the words, the speaker, place and date, its photo when the consent
// lets staff see it, what each use may show, the consents recorded; and for those who write,
// the forms that record a consent, withdraw it, send a photo and edit the testimonial.
import { html } from "hono/html";
import { CONSENT_METHODS, CONSENT_USES } from "../../../domain/programme/consent.ts";
import { formatDate } from "../../../domain/shared/format.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import {
  formOf,
  type TestimonialForm,
  type TestimonialPage,
} from "../../../services/programme/testimonial-pages.ts";
import { photoPath, type StoredConsent } from "../../../services/programme/testimonials.ts";
import {
  csrfField,
  errorSummary,
  type FieldErrors,
  field,
  selectField,
} from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";
import { checkbox, photoField, placeOf, speakerOf, testimonialForm } from "./testimonials.ts";

export type TestimonialFormName = "consent" | "withdraw" | "photo" | "edit";

export interface TestimonialForms {
  notice?: MessageKey | undefined;
  /** Which form came back refused, what was typed in it and why. */
  refused?: {
    form: TestimonialFormName;
    values: Record<string, string | string[]>;
    errors: FieldErrors;
  };
}

function consentLines(view: View, c: StoredConsent): Html {
  const { t, lang } = view;
  return html`${t("tm.consentBy", {
    name: c.consenterName,
    date: formatDate(lang, c.date),
    method: t(`tm.method.${c.method}`),
  })}<br>${t("tm.consentUses", { list: c.uses.map((u) => t(`tm.use.${u}`)).join(", ") })}<br>${
    c.named ? t("tm.consentNamed") : t("tm.consentAnonymous")
  }${c.witnessName ? html`<br>${t("tm.witness", { name: c.witnessName })}` : ""}${
    c.guardianName ? html`<br>${t("tm.guardian", { name: c.guardianName })}` : ""
  }${
    c.withdrawnOn
      ? html`<br><b class="error">${t("tm.withdrawnOn", { date: formatDate(lang, c.withdrawnOn) })}</b>`
      : ""
  }`;
}

export function testimonialPageHtml(
  view: View,
  data: TestimonialPage,
  o: TestimonialForms = {},
): Html {
  const { t, lang } = view;
  const p = data.programme;
  const x = data.testimonial;
  const base = `/programme/${p.id}/testimonials/${x.id}`;
  const refused = (form: TestimonialFormName) => (o.refused?.form === form ? o.refused : undefined);
  const typed = (form: TestimonialFormName, name: string, fallback = "") => {
    const v = refused(form)?.values[name];
    return typeof v === "string" ? v : fallback;
  };
  const error = (form: TestimonialFormName, name: string) => refused(form)?.errors[name];
  const withdrawn = x.consent?.withdrawnOn != null;
  const name = x.speakerName ?? x.midwifeName ?? "";
  const consentForm = refused("consent");
  const usesTicked = (u: string) => {
    const v = consentForm?.values.uses;
    return Array.isArray(v) ? v.includes(u) : v === u;
  };
  return page(view, {
    title: `${t("tm.title")} · ${name}`,
    body: html`<p class="crumbs"><a href="/programme/${p.id}/testimonials">${t("tm.backList")}</a></p>
<h1>${speakerOf(view, x)}</h1>
${o.notice ? html`<p class="notice" role="status">${t(o.notice)}</p>` : ""}
<blockquote class="quote">${x.quote}</blockquote>
${x.summary ? html`<p>${x.summary}</p>` : ""}
<p class="muted">${[placeOf(x), t("tm.said", { date: formatDate(lang, x.date), name: x.language })].filter((s) => s !== "").join(" · ")}${
      x.minor ? html`<br>${t("tm.minor")}` : ""
    }${x.videoUrl ? html`<br><a href="${x.videoUrl}" rel="noopener noreferrer">${t("tm.video")}</a>` : ""}</p>
<h2>${t("tm.photo")}</h2>
${
  x.photoShown && x.photo
    ? html`<img class="photo" src="${photoPath(p.id, x.id, "internal")}" width="${x.photo.width}" height="${x.photo.height}" alt="${t("tm.photoAlt", { name })}">`
    : x.photo
      ? html`<p class="muted">${t("tm.photoHidden")}</p>`
      : html`<p class="muted">${t("tm.noPhoto")}</p>`
}
${
  data.canWrite && !withdrawn
    ? html`<form class="card" method="post" action="${base}/photo" enctype="multipart/form-data" novalidate>${csrfField(view)}
${photoField(view, error("photo", "photo"), "upload-")}
<p class="actions"><button class="secondary" type="submit">${t(x.photo ? "tm.replacePhoto" : "tm.uploadPhoto")}</button></p>
</form>`
    : ""
}
<h2>${t("tm.consent")}</h2>
${x.consent ? html`<p>${consentLines(view, x.consent)}</p>` : html`<p class="error">${t("tm.noConsent")}</p>`}
<h3>${t("tm.shows")}</h3>
<dl class="facts">${CONSENT_USES.map(
      (u) => html`<dt>${t(`tm.use.${u}`)}</dt><dd>${t(`tm.disclosure.${x.disclosures[u]}`)}</dd>`,
    )}</dl>
${
  x.history.length > 1
    ? html`<h3>${t("tm.history")}</h3><ul class="list">${x.history.map(
        (c) => html`<li>${consentLines(view, c)}</li>`,
      )}</ul>`
    : ""
}
${
  data.canWrite && !withdrawn
    ? html`<form class="card" method="post" action="${base}/consents" novalidate>${csrfField(view)}
<h3>${t("tm.recordConsent")}</h3>
${errorSummary(view, consentForm?.errors ?? {})}
${field({ name: "consenterName", label: t("tm.f.consenterName"), value: typed("consent", "consenterName", name), error: error("consent", "consent.consenterName"), required: true, idPrefix: "c-" })}
${field({ name: "date", label: t("tm.f.consentDate"), type: "date", value: typed("consent", "date"), error: error("consent", "consent.date"), required: true, idPrefix: "c-" })}
<fieldset><legend>${t("tm.f.uses")}</legend>${
        error("consent", "consent.uses")
          ? html`<p class="error" id="f-uses-e">${error("consent", "consent.uses")}</p>`
          : ""
      }<ul class="checks">${CONSENT_USES.map(
        (u) =>
          html`<li><label><input type="checkbox" name="uses" value="${u}"${usesTicked(u) ? html` checked` : ""}> ${t(`tm.use.${u}`)}</label></li>`,
      )}</ul></fieldset>
${selectField({
  name: "method",
  label: t("tm.f.method"),
  value: typed("consent", "method", x.minor ? "guardian" : "written"),
  options: CONSENT_METHODS.map((m): [string, string] => [m, t(`tm.method.${m}`)]),
  error: error("consent", "consent.method"),
})}
${field({ name: "witnessName", label: t("tm.f.witnessName"), value: typed("consent", "witnessName"), error: error("consent", "consent.witnessName"), idPrefix: "c-" })}
${field({ name: "guardianName", label: t("tm.f.guardianName"), value: typed("consent", "guardianName"), error: error("consent", "consent.guardianName"), required: x.minor, idPrefix: "c-" })}
<ul class="checks wide">${checkbox("named", t("tm.f.named"), typed("consent", "named") === "1")}</ul>
<p class="actions"><button class="primary" type="submit">${t("tm.recordConsent")}</button></p>
</form>`
    : ""
}
${
  data.canWrite && x.consent && !withdrawn
    ? html`<form class="card" method="post" action="${base}/withdraw" novalidate>${csrfField(view)}
<h3>${t("tm.withdraw")}</h3>
<p class="muted">${t("tm.withdrawHint")}</p>
${field({ name: "withdrawnOn", label: t("tm.f.withdrawnOn"), type: "date", value: typed("withdraw", "withdrawnOn"), error: error("withdraw", "withdrawnOn"), required: true })}
<p class="actions"><button class="secondary" type="submit">${t("tm.withdraw")}</button></p>
</form>`
    : ""
}
${
  data.canWrite
    ? html`<h2>${t("tm.edit")}</h2>
${testimonialForm(view, {
  action: base,
  submit: "tm.save",
  midwives: data.midwives,
  values: (refused("edit")?.values as TestimonialForm | undefined) ?? formOf(x),
  errors: refused("edit")?.errors ?? {},
  withPhoto: false,
})}`
    : ""
}`,
  });
}
