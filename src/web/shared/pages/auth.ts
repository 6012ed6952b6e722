// Sign-in, forgotten password and new password pages.
import { html } from "hono/html";
import { csrfField, errorSummary, type FieldErrors, field } from "../forms.ts";
import { page } from "../layout.ts";
import type { Html, View } from "../view.ts";

export function loginPage(
  view: View,
  o: {
    email?: string;
    failed?: boolean;
    alert?: string;
    next?: string;
    notice?: string;
    errors?: FieldErrors;
  },
): Html {
  const { t } = view;
  const errors = o.errors ?? {};
  return page(view, {
    title: t("auth.login.title"),
    body: html`<h1>${t("auth.login.title")}</h1>
<p class="muted">${t("auth.login.intro")}</p>
${o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : ""}
${o.failed ? html`<p class="alert" role="alert">${t("auth.login.failed")}</p>` : ""}
${o.alert ? html`<p class="alert" role="alert">${o.alert}</p>` : ""}
${errorSummary(view, errors)}
<form method="post" action="/login" class="card">
${csrfField(view)}
<input type="hidden" name="next" value="${o.next ?? ""}">
${field({ name: "email", label: t("auth.email"), type: "email", value: o.email, required: true, error: errors.email, autocomplete: "username" })}
${field({ name: "password", label: t("auth.password"), type: "password", required: true, error: errors.password, autocomplete: "current-password" })}
<p><button class="primary" type="submit">${t("auth.login.submit")}</button></p>
<p><a href="/password/forgot">${t("auth.forgot.link")}</a></p>
</form>`,
  });
}

export function forgotPage(
  view: View,
  o: { email?: string; sent?: boolean; errors?: FieldErrors },
): Html {
  const { t } = view;
  const errors = o.errors ?? {};
  return page(view, {
    title: t("auth.forgot.title"),
    body: html`<h1>${t("auth.forgot.title")}</h1>
${o.sent ? html`<p class="notice" role="status">${t("auth.forgot.sent")}</p>` : html`<p>${t("auth.forgot.intro")}</p>`}
${errorSummary(view, errors)}
<form method="post" action="/password/forgot" class="card">
${csrfField(view)}
${field({ name: "email", label: t("auth.email"), type: "email", value: o.email, required: true, error: errors.email, autocomplete: "username" })}
<p><button class="primary" type="submit">${t("auth.forgot.submit")}</button></p>
</form>`,
  });
}

export function resetPage(view: View, o: { token: string; errors?: FieldErrors }): Html {
  const { t } = view;
  const errors = o.errors ?? {};
  return page(view, {
    title: t("auth.reset.title"),
    body: html`<h1>${t("auth.reset.title")}</h1>
${errorSummary(view, errors)}
<form method="post" action="/password/reset/${o.token}" class="card">
${csrfField(view)}
${field({ name: "password", label: t("auth.password"), type: "password", required: true, error: errors.password, autocomplete: "new-password", hint: t("auth.password.rules") })}
<p><button class="primary" type="submit">${t("auth.reset.submit")}</button></p>
</form>`,
  });
}
