// The personal access tokens page of a signed-in account: the new token shown once (to copy),
// the form to make one (a name, a lifetime from a list), and the account's tokens with their
// state and a button to revoke each live one. Works without script; the copy button is extra.
import { html, raw } from "hono/html";
import {
  ACCESS_TOKEN_DAYS,
  DEFAULT_ACCESS_TOKEN_DAYS,
} from "../../../domain/shared/access-token.ts";
import { formatDate } from "../../../domain/shared/format.ts";
import type { AccessToken } from "../../../services/shared/access-tokens.ts";
import { copyField, csrfField, errorSummary, type FieldErrors, field } from "../forms.ts";
import { page } from "../layout.ts";
import type { Html, View } from "../view.ts";

export interface TokenForm {
  name?: string;
  days?: string;
}

const day = (view: View, d: Date) => formatDate(view.lang, d.toISOString());

function stateOf(view: View, t: AccessToken, now: Date): Html {
  const { t: tr } = view;
  if (t.revokedAt) return html`<b>${tr("tok.revokedOn", { date: day(view, t.revokedAt) })}</b>`;
  if (t.expiresAt <= now)
    return html`<b>${tr("tok.expiredOn", { date: day(view, t.expiresAt) })}</b>`;
  return html`${tr("tok.expiresOn", { date: day(view, t.expiresAt) })}`;
}

export function accessTokensPage(
  view: View,
  tokens: readonly AccessToken[],
  o: {
    form?: TokenForm;
    errors?: FieldErrors;
    created?: { name: string; secret: string };
    notice?: string;
    baseUrl: string;
    now?: Date;
  },
): Html {
  const { t } = view;
  const form = o.form ?? {};
  const errors = o.errors ?? {};
  const now = o.now ?? new Date();
  const chosen = form.days ?? String(DEFAULT_ACCESS_TOKEN_DAYS);
  const live = (k: AccessToken) => k.revokedAt === null && k.expiresAt > now;
  return page(view, {
    title: t("tok.title"),
    body: html`<p class="crumbs"><a href="/manage">${t("nav.workspace")}</a></p>
<h1>${t("tok.title")}</h1>
<p>${t("tok.intro")}</p>
${o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : ""}
${
  o.created
    ? html`<section class="card" aria-labelledby="tok-new-secret">
<p class="notice" role="status" id="tok-new-secret">${t("tok.created", { name: o.created.name })}</p>
${copyField(view, { name: "token", label: t("tok.secretLabel"), value: o.created.secret })}
<p>${t("tok.usage")}</p>
<pre class="wrap"><code>curl -H "Authorization: ApiToken ${o.created.secret}" ${o.baseUrl}/api/analytics?dimension=dx:…&amp;dimension=pe:LAST_12_MONTHS&amp;filter=ou:…</code></pre>
</section>`
    : ""
}
<section class="card" aria-labelledby="tok-add">
<h2 id="tok-add">${t("tok.new")}</h2>
${errorSummary(view, errors)}
<form method="post" action="/account/tokens" novalidate>
${csrfField(view)}
${field({ name: "name", label: t("tok.name"), value: form.name, required: true, error: errors.name, attrs: html` maxlength="100" autocomplete="off"` })}
<div class="field"><label for="f-days">${t("tok.days")}</label><select id="f-days" name="days"${errors.days ? html` aria-invalid="true" aria-describedby="f-days-e"` : ""}>${ACCESS_TOKEN_DAYS.map(
      (d) =>
        html`<option value="${d}"${chosen === String(d) ? raw(" selected") : ""}>${t("tok.days.option", { days: d })}</option>`,
    )}</select>${errors.days ? html`<p class="error" id="f-days-e">${errors.days}</p>` : ""}</div>
<p><button class="primary" type="submit">${t("tok.create")}</button></p>
</form>
</section>
<h2>${t("tok.list")}</h2>
${
  tokens.length === 0
    ? html`<p class="muted">${t("tok.none")}</p>`
    : html`<ul class="marks">${tokens.map(
        (k) =>
          html`<li><span><b>${k.name}</b><br><small>${t("tok.createdOn", { date: day(view, k.createdAt) })} · ${stateOf(view, k, now)} · ${
            k.lastUsedAt ? t("tok.lastUsed", { date: day(view, k.lastUsedAt) }) : t("tok.neverUsed")
          }</small></span>${
            live(k)
              ? html`<form method="post" action="/account/tokens/${k.id}/revoke" class="inline">${csrfField(view)}<button class="secondary" type="submit">${t("tok.revoke")}</button></form>`
              : ""
          }</li>`,
      )}</ul>`
}`,
  });
}
