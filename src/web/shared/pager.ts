// Links between the pages of a long list, plain links that work without JavaScript: previous,
// the first and last pages, the pages next to this one, and next. Nothing when one page holds all.
import { html } from "hono/html";
import type { Html, View } from "./view.ts";

export interface PageCount {
  current: number;
  count: number;
}

/** The page numbers to link: the first, the last and the current one's neighbours, with gaps. */
export function pageNumbers({ current, count }: PageCount): (number | null)[] {
  const wanted = [...new Set([1, current - 1, current, current + 1, count])]
    .filter((n) => n >= 1 && n <= count)
    .sort((a, b) => a - b);
  return wanted.flatMap((n, i) => {
    const before = wanted[i - 1];
    return before !== undefined && n - before > 1 ? [null, n] : [n];
  });
}

export function pager(view: View, pages: PageCount, href: (page: number) => string): Html {
  const { t } = view;
  const { current, count } = pages;
  if (count <= 1) return html``;
  const link = (n: number, label: string, rel?: string) =>
    html`<a href="${href(n)}"${rel ? html` rel="${rel}"` : ""}>${label}</a>`;
  return html`<nav class="pager" aria-label="${t("pager.label")}"><p>${t("pager.position", { page: current, count })}</p><ul>${
    current > 1 ? html`<li>${link(current - 1, t("pager.previous"), "prev")}</li>` : ""
  }${pageNumbers(pages).map((n) =>
    n === null
      ? html`<li aria-hidden="true">…</li>`
      : n === current
        ? html`<li><a href="${href(n)}" aria-current="page" aria-label="${t("pager.page", { page: n })}">${n}</a></li>`
        : html`<li><a href="${href(n)}" aria-label="${t("pager.page", { page: n })}">${n}</a></li>`,
  )}${current < count ? html`<li>${link(current + 1, t("pager.next"), "next")}</li>` : ""}</ul></nav>`;
}
