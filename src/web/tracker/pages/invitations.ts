// Pages of an invitation link that cannot simply open: already opened elsewhere (offer a fresh
// link by e-mail), or opened while signed in with an account (ask before replacing it).
import { html } from "hono/html";
import { csrfField } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

/** The link was used on another device: one button sends a fresh one to its address. */
export function linkUsedPage(view: View, token: string, outcome?: "sent" | "limited"): Html {
  const { t } = view;
  const action = `/i/${encodeURIComponent(token)}/fresh`;
  return page(view, {
    title: t("invite.used.title"),
    body: html`<h1>${t("invite.used.title")}</h1>
${
  outcome === "sent"
    ? html`<p class="notice" role="status">${t("invite.fresh.sent")}</p>`
    : outcome === "limited"
      ? html`<p class="alert" role="alert">${t("invite.fresh.limited")}</p>`
      : html`<p>${t("invite.used.body")}</p>
<form method="post" action="${action}">${csrfField(view)}
<p class="actions"><button class="primary" type="submit">${t("invite.fresh.submit")}</button></p></form>`
}`,
  });
}

/** Signed in with an account: opening the link would replace that session, so ask first. */
export function linkSwitchPage(view: View, token: string, stay: string): Html {
  const { t } = view;
  return page(view, {
    title: t("invite.switch.title"),
    body: html`<h1>${t("invite.switch.title")}</h1>
<p>${t("invite.switch.body")}</p>
<form method="post" action="/i/${encodeURIComponent(token)}">${csrfField(view)}
<p class="actions"><button class="primary" type="submit">${t("invite.switch.continue")}</button></p></form>
<p><a href="${stay}">${t("invite.switch.stay")}</a></p>`,
  });
}
