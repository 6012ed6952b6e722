// Account administration: the list, a form to add one, and a button to disable one.
import { html } from "hono/html";
import { ROLES } from "../../../domain/shared/policy.ts";
import type { getUsers } from "../../../services/tracker/users.ts";
import { csrfField, errorSummary, type FieldErrors, field } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

type UserList = Awaited<ReturnType<typeof getUsers>>;

const invalid = (id: string, error: string | undefined) =>
  error ? html` aria-invalid="true" aria-describedby="${id}-e"` : "";

export interface UserForm {
  email?: string;
  name?: string;
  role?: string;
  partner?: string;
}

export function usersPage(
  view: View,
  users: UserList,
  partners: { slug: string; shortName: string; id: number }[],
  o: { form?: UserForm; errors?: FieldErrors; notice?: string } = {},
): Html {
  const { t } = view;
  const form = o.form ?? {};
  const errors = o.errors ?? {};
  const partnerName = new Map(partners.map((p) => [p.id, p.shortName]));
  return page(view, {
    title: t("users.title"),
    body: html`<p class="crumbs"><a href="/manage">${t("nav.workspace")}</a></p>
<h1>${t("users.title")}</h1>
${o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : ""}
<ul class="marks">${users.map(
      (u) =>
        html`<li><span><b>${u.name}</b> <span class="muted">${u.email}</span><br><small>${t(`role.${u.role as "admin"}`)}${
          u.partnerId ? html` · ${partnerName.get(u.partnerId) ?? ""}` : ""
        }${u.disabled ? html` · <b>${t("users.disabled")}</b>` : ""}</small></span>${
          u.disabled
            ? ""
            : html`<form method="post" action="/manage/users/${u.id}/disable" class="inline">${csrfField(view)}<button class="secondary" type="submit">${t("users.disable")}</button></form>`
        }</li>`,
    )}</ul>
<section class="card" aria-labelledby="add">
<h2 id="add">${t("users.add")}</h2>
<p class="muted">${t("users.intro")}</p>
${errorSummary(view, errors)}
<form method="post" action="/manage/users" novalidate>
${csrfField(view)}
${field({ name: "email", label: t("auth.email"), type: "email", value: form.email, required: true, error: errors.email })}
${field({ name: "name", label: t("users.name"), value: form.name, required: true, error: errors.name })}
<div class="field"><label for="f-role">${t("users.role")}</label><select id="f-role" name="role"${invalid("f-role", errors.role)}>${ROLES.map(
      (r) =>
        html`<option value="${r}"${form.role === r ? html` selected` : ""}>${t(`role.${r}`)}</option>`,
    )}</select>${errors.role ? html`<p class="error" id="f-role-e">${errors.role}</p>` : ""}</div>
<div class="field"><label for="f-partner">${t("users.partner")}</label><select id="f-partner" name="partner"${invalid("f-partner", errors.partner)}><option value="">${t("users.none")}</option>${partners.map(
      (p) =>
        html`<option value="${p.slug}"${form.partner === p.slug ? html` selected` : ""}>${p.shortName}</option>`,
    )}</select>${errors.partner ? html`<p class="error" id="f-partner-e">${errors.partner}</p>` : ""}</div>
<p><button class="primary" type="submit">${t("users.add")}</button></p>
</form>
</section>`,
  });
}
