// Small pieces shared by pages: status marks, goals, outputs, partner links.
import { html } from "hono/html";
import type { Goal } from "../../domain/tracker/commitment.ts";
import type { Status } from "../../domain/tracker/status.ts";
import { STATUSES } from "../../domain/tracker/status.ts";
import type { StatusCounts } from "../../domain/tracker/synthesis.ts";
import { formatNumber } from "../../i18n/index.ts";
import { goalParts } from "../../i18n/tracker/goal.ts";
import type { Html, View } from "../shared/view.ts";

/** A status shown by colour and by words, never by colour alone. */
export function statusMark(view: View, status: Status): Html {
  return html`<span class="mark s-${status}">${view.t(`status.${status}`)}</span>`;
}

export function verdictMark(view: View, status: Status): Html {
  return html`<span class="mark s-${status}">${view.t(`verdict.${status}`)}</span>`;
}

export function statusCounts(view: View, counts: StatusCounts): Html {
  return html`<ul class="counts">${STATUSES.map(
    (s) => html`<li><b>${formatNumber(view.lang, counts[s])}</b> ${statusMark(view, s)}</li>`,
  )}</ul>`;
}

export function goalLine(view: View, goal: Goal): Html {
  const { baseline, source, target } = goalParts(view.t, view.lang, goal);
  return html`<p class="goal">${goal.indicator}${colon(view)} <b>${baseline}</b>${source} → <b>${target}</b></p>`;
}

export function outputsList(view: View, outputs: { value: number; unit: string }[]): Html {
  if (outputs.length === 0) return html``;
  return html`<ul class="outputs">${outputs.map(
    (o) => html`<li><b>${formatNumber(view.lang, o.value)}</b> ${o.unit}</li>`,
  )}</ul>`;
}

export function partnerLink(p: { slug: string; shortName: string; name?: string }): Html {
  if (!p.slug) return html`${p.shortName}`;
  return html`<a href="/partners/${encodeURIComponent(p.slug)}"${
    p.name && p.name !== p.shortName ? html` title="${p.name}"` : ""
  }>${p.shortName}</a>`;
}

export function joinHtml(items: Html[], separator = ", "): Html {
  return html`${items.map((item, i) => (i === 0 ? item : html`${separator}${item}`))}`;
}

/** The colon after a label: French sets a space before it, English does not. */
export function colon(view: View): string {
  return view.lang === "fr" ? "\u00a0:" : ":";
}
