// The data-entry page: a GET form choosing the facility and month (a shareable address, no
// script), then one box per data element and combo, each refusal beside its box and every
// warning listed after a save.
import { html, raw } from "hono/html";
import type { EntryWarning } from "../../../domain/health/entry-checks.ts";
import type { IntakeRefusal } from "../../../domain/health/intake.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import { type EntryForm, fieldName } from "../../../services/health/entry.ts";
import { csrfField } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

export interface EntryOutcome {
  errors?: Record<string, IntakeRefusal>;
  saved?: { imported: number; updated: number; deleted: number } | null;
  warnings?: EntryWarning[];
  month?: string;
}

export function entryPage(view: View, form: EntryForm, o: EntryOutcome = {}): Html {
  const { t } = view;
  const errors = o.errors ?? {};
  const month = form.period
    ? `${form.period.id.slice(0, 4)}-${form.period.id.slice(4)}`
    : (o.month ?? "");
  const chooser = html`<form class="card" method="get" action="/health/entry">
<div class="field"><label for="hent-ou">${t("hent.unit")}</label>
<select id="hent-ou" name="ou" required><option value=""></option>${form.units.map(
    (u) =>
      html`<option value="${u.key}"${form.unit?.key === u.key ? raw(" selected") : ""}>${u.parentName ? `${u.parentName} — ` : ""}${u.name}</option>`,
  )}</select></div>
<div class="field"><label for="hent-pe">${t("hent.month")}</label>
<input id="hent-pe" type="month" name="pe" value="${month}" required></div>
<p class="actions"><button class="secondary" type="submit">${t("hent.choose")}</button></p>
</form>`;
  const notices = html`${
    o.saved ? html`<p class="notice" role="status">${t("hent.saved", o.saved)}</p>` : ""
  }${Object.keys(errors).length > 0 ? html`<p class="alert" role="alert">${t("hent.refused")}</p>` : ""}${
    o.warnings && o.warnings.length > 0
      ? html`<div class="pending" role="status"><b>${t("hent.warnings")}</b><ul>${o.warnings.map(
          (w) => html`<li>${t(`hent.warn.${w.code}` as MessageKey, { ...w })}</li>`,
        )}</ul></div>`
      : ""
  }`;
  let body: Html;
  if (form.units.length === 0) body = html`<p class="muted">${t("hent.none")}</p>`;
  else if (!form.unit || !form.period) body = html`<p class="muted">${t("hent.pick")}</p>`;
  else {
    const action = `/health/entry?ou=${encodeURIComponent(form.unit.key)}&pe=${form.period.id}`;
    body = html`<form method="post" action="${action}" novalidate>${csrfField(view)}
${form.elements.map((e) =>
  e.combos.map((c) => {
    const name = fieldName(e.key, c.key);
    const id = `f-${name.replace(/[^A-Za-z0-9_-]/g, "_")}`;
    const error = errors[name];
    const label = e.combos.length > 1 || c.name !== "default" ? `${e.name} — ${c.name}` : e.name;
    return html`<div class="field"><label for="${id}">${label}</label>
<input id="${id}" type="text" inputmode="decimal" name="${name}" value="${e.values[name] ?? ""}"${error ? raw(` aria-invalid="true" aria-describedby="${id}-e"`) : ""}>${
      error
        ? html`<p class="error" id="${id}-e">${t(`row.${error}` as MessageKey, { value: e.values[name] ?? "", dataElement: e.name, orgUnit: form.unit?.name ?? "", period: form.period?.id ?? "" })}</p>`
        : ""
    }</div>`;
  }),
)}
<p class="actions"><button class="primary" type="submit">${t("hent.save")}</button></p>
</form>`;
  }
  return page(view, {
    title: t("hent.title"),
    body: html`<h1>${t("hent.title")}</h1>
<p>${t("hent.intro")}</p>
${chooser}${notices}${body}`,
  });
}
