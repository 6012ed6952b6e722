// Form pieces: labelled fields with their error beside them, the CSRF field, an error summary.
// Every field keeps what was typed when the form comes back with errors.
import { html } from "hono/html";
import type { Html, View } from "./view.ts";

export type FieldErrors = Record<string, string>;

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
