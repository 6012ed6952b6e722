// Form pieces: labelled fields with their error beside them, the CSRF field, an error summary.
// Every field keeps what was typed when the form comes back with errors.
import { html } from "hono/html";
import { fieldLimits, fieldReasons, type Problem } from "../../domain/shared/problem.ts";
import { formatNumber, type MessageKey } from "../../i18n/index.ts";
import { COPY_JS_PATH } from "../client.ts";
import type { Html, View } from "./view.ts";

export type FieldErrors = Record<string, string>;

// What a refused field is told when its form has no more precise words for the reason.
const REASON_MESSAGES: Record<string, MessageKey> = {
  required: "form.required",
  too_long: "form.tooLong",
  taken: "form.taken",
  past: "form.past",
};

/**
 * Each refused field's message, beside it: `${field}.${reason}` in `specific` when the form says
 * it better ("slug.taken"), else the reason's general words, else "not valid". A too-long field
 * is told its limit when `limits` has it ("300 characters at most").
 */
export function fieldMessages(
  view: View,
  reasons: Readonly<Record<string, string>>,
  specific: Readonly<Record<string, MessageKey>> = {},
  limits: Readonly<Record<string, number>> = {},
): FieldErrors {
  return Object.fromEntries(
    Object.entries(reasons).map(([name, reason]) => {
      const max = limits[name];
      const key = specific[`${name}.${reason}`];
      if (!key && reason === "too_long" && max !== undefined)
        return [name, view.t("form.tooLongMax", { max: formatNumber(view.lang, max) })];
      return [name, view.t(key ?? REASON_MESSAGES[reason] ?? "form.invalid")];
    }),
  );
}

/** The messages of a refused form (`invalidFields` or a one-field problem), beside each field. */
export function problemMessages(
  view: View,
  problem: Problem,
  specific: Readonly<Record<string, MessageKey>> = {},
): FieldErrors {
  return fieldMessages(view, fieldReasons(problem), specific, fieldLimits(problem));
}

export function csrfField(view: View): Html {
  return html`<input type="hidden" name="_csrf" value="${view.csrf ?? ""}">`;
}

export function errorSummary(view: View, errors: FieldErrors): Html {
  if (Object.keys(errors).length === 0) return html``;
  return html`<p class="alert" role="alert">${view.t("form.errors")}</p>`;
}

interface FieldOptions {
  name: string;
  label: string;
  value?: string | null | undefined;
  type?: "text" | "email" | "password" | "date" | "number" | "url";
  error?: string | undefined;
  required?: boolean;
  autocomplete?: string;
  multiline?: boolean;
  hint?: string;
  attrs?: Html;
  /** Makes the id unique when one page repeats the same form (one per indicator). */
  idPrefix?: string;
}

export function field(o: FieldOptions): Html {
  const id = `f-${o.idPrefix ?? ""}${o.name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
  const invalid = o.error ? html` aria-invalid="true" aria-describedby="${id}-e"` : html``;
  const required = o.required ? html` required` : html``;
  const control = o.multiline
    ? html`<textarea id="${id}" name="${o.name}"${invalid}${required}${o.attrs ?? ""}>${o.value ?? ""}</textarea>`
    : html`<input id="${id}" type="${o.type ?? "text"}" name="${o.name}" value="${o.value ?? ""}"${
        o.autocomplete ? html` autocomplete="${o.autocomplete}"` : ""
      }${invalid}${required}${o.attrs ?? ""}>`;
  return html`<div class="field"><label for="${id}">${o.label}</label>${
    o.hint ? html`<small class="muted">${o.hint}</small>` : ""
  }${control}${o.error ? html`<p class="error" id="${id}-e">${o.error}</p>` : ""}</div>`;
}

/** A choice among options ([value, label]), with its reason beside it when refused. */
export function selectField(o: {
  name: string;
  label: string;
  value: string;
  options: [string, string][];
  error?: string | undefined;
  /** Makes the id unique when one page repeats the same form. */
  idPrefix?: string;
}): Html {
  const id = `f-${o.idPrefix ?? ""}${o.name}`;
  return html`<div class="field"><label for="${id}">${o.label}</label><select id="${id}" name="${o.name}"${
    o.error ? html` aria-invalid="true" aria-describedby="${id}-e"` : ""
  }>${o.options.map(
    ([value, label]) =>
      html`<option value="${value}"${value === o.value ? html` selected` : ""}>${label}</option>`,
  )}</select>${o.error ? html`<p class="error" id="${id}-e">${o.error}</p>` : ""}</div>`;
}

/**
 * A read-only field to copy from (an invitation link): selectable by hand everywhere; the copy
 * button is hidden until the client module (`client/copy.js`) shows it, so it never appears
 * where it could not work.
 */
export function copyField(view: View, o: { name: string; label: string; value: string }): Html {
  const { t } = view;
  const id = `f-${o.name}`;
  return html`${field({ ...o, attrs: html` readonly data-copy-source` })}<p><button class="secondary" type="button" data-copy="${id}" data-copied="${t("ws.copy.done")}" data-failed="${t("ws.copy.failed")}" hidden>${t("ws.copy")}</button> <span class="muted" data-copy-status="${id}" aria-live="polite"></span></p>
<script type="module" src="${COPY_JS_PATH}"></script>`;
}
