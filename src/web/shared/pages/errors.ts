// Error pages: a helpful 404 that names what was not found, and a bare 500.
import { html } from "hono/html";
import type { MessageKey } from "../../../i18n/index.ts";
import { page } from "../layout.ts";
import type { Html, View } from "../view.ts";

const NOT_FOUND_DETAIL: Record<string, MessageKey> = {
  cycle: "error.notFound.cycle",
  commitment: "error.notFound.commitment",
  partner: "error.notFound.partner",
  tracker: "error.notFound.tracker",
  questionnaire: "error.notFound.questionnaire",
  page: "error.notFound.page",
};

/** `list`: the address of the list whose page was not found, linked as its first page. */
export function notFoundPage(
  view: View,
  subject?: string,
  id?: string | number,
  list?: string,
): Html {
  const { t } = view;
  // Nothing published yet: the home page says so rather than naming a missing cycle.
  const empty = subject === "cycle" && id === "latest";
  const detail = empty ? "scorecard.empty" : subject ? NOT_FOUND_DETAIL[subject] : undefined;
  return page(view, {
    title: t("error.notFound.title"),
    body: html`<h1>${t("error.notFound.title")}</h1>
<p>${detail ? t(detail, { id: String(id ?? "") }) : t("error.notFound.body")}</p>
${list ? html`<p><a href="${list}">${t("error.firstPage")}</a></p>` : ""}
<p><a href="/">${t("error.backHome")}</a></p>`,
  });
}

export function serverErrorPage(view: View): Html {
  const { t } = view;
  return page(view, {
    title: t("error.server.title"),
    body: html`<h1>${t("error.server.title")}</h1><p>${t("error.server.body")}</p>
<p><a href="/">${t("error.backHome")}</a></p>`,
  });
}

/**
 * For a browser whose link session no longer opens the questionnaire: why, what comes next,
 * and the sign-in for those who have an account (instead of the staff sign-in page alone).
 */
export function closedLinkPage(view: View, login: string): Html {
  const { t } = view;
  return page(view, {
    title: t("invite.closed.title"),
    body: html`<h1>${t("invite.closed.title")}</h1><p>${t("invite.closed.body")}</p>
<p><a href="${login}">${t("invite.closed.account")}</a></p>`,
  });
}

/** A short page saying one thing, with a way back. */
/** A message alone on its page; `back` leads to the page the visitor came from, else home. */
export function messagePage(view: View, title: string, body: string, back?: string): Html {
  const { t } = view;
  return page(view, {
    title,
    body: html`<h1>${title}</h1><p>${body}</p>
<p>${back ? html`<a href="${back}">${t("error.backToForm")}</a> · ` : ""}<a href="/">${t("error.backHome")}</a></p>`,
  });
}
