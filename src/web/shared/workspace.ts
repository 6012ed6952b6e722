// The workspace's shared pieces: the tabs of a cycle and its state badge.
import { html } from "hono/html";
import type { Html, View } from "./view.ts";

export type CycleTab = "overview" | "mapping" | "tracking" | "validation";

export function cycleTabs(view: View, slug: string, current: CycleTab): Html {
  const { t } = view;
  const base = `/manage/cycles/${encodeURIComponent(slug)}`;
  const tabs: [CycleTab, string, string][] = [
    ["overview", base, t("ws.tab.overview")],
    ["mapping", `${base}/mapping`, t("ws.tab.mapping")],
    ["tracking", `${base}/tracking`, t("ws.tab.tracking")],
    ["validation", `${base}/validation`, t("ws.tab.validation")],
  ];
  return html`<p class="crumbs"><a href="/manage">${t("nav.workspace")}</a></p>
<nav class="tabs" aria-label="${t("ws.tabs")}"><ul>${tabs.map(
    ([id, href, label]) =>
      html`<li><a href="${href}"${id === current ? html` aria-current="page"` : ""}>${label}</a></li>`,
  )}</ul></nav>`;
}

export function stateBadge(view: View, state: string): Html {
  return html`<span class="mark st-${state}">${view.t(`ws.state.${state as "setup"}`)}</span>`;
}
