// The first administrator's page, opened from the set-up link a fresh install prints.
import { html } from "hono/html";
import { csrfField, errorSummary, type FieldErrors, field } from "../forms.ts";
import { page } from "../layout.ts";
import type { Html, View } from "../view.ts";

export function setupPage(
  view: View,
  o: { token: string; email?: string; name?: string; errors?: FieldErrors },
): Html {
  const { t } = view;
  const errors = o.errors ?? {};
  return page(view, {
    title: t("setup.title"),
    body: html`<h1>${t("setup.title")}</h1>
<p>${t("setup.intro")}</p>
${errorSummary(view, errors)}
<form method="post" action="/setup/${o.token}" class="card">
${csrfField(view)}
${field({ name: "email", label: t("auth.email"), type: "email", value: o.email, required: true, error: errors.email, autocomplete: "username" })}
${field({ name: "name", label: t("setup.name"), value: o.name, required: true, error: errors.name, autocomplete: "name" })}
${field({ name: "password", label: t("auth.password"), type: "password", required: true, error: errors.password, autocomplete: "new-password", hint: t("auth.password.rules") })}
<p><button class="primary" type="submit">${t("setup.submit")}</button></p>
</form>`,
  });
}
