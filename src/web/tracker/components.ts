// Small pieces shared by pages: status marks, goals, outputs, partner links.
import { html } from "hono/html";
import type { Goal } from "../../domain/tracker/commitment.ts";
import type { Status } from "../../domain/tracker/status.ts";
import { STATUSES } from "../../domain/tracker/status.ts";
import type { StatusCounts } from "../../domain/tracker/synthesis.ts";
import { formatNumber } from "../../i18n/index.ts";
import { goalParts, type OutcomeFacts, outcomeParts } from "../../i18n/tracker/goal.ts";
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

/** A goal's computed suggestion, outlined and named as computed: never a validated status. */
export function suggestionMark(
  view: View,
  suggestion: OutcomeFacts["reading"]["suggestion"],
): Html {
  return html`<span class="mark sg sg-${suggestion}">${view.t(`outcome.suggestion.${suggestion}`)}</span>`;
}

type OutcomeItem = OutcomeFacts & {
  label: string;
  reading: OutcomeFacts["reading"] & { latest: { url: string | null } | null };
};

/**
 * A commitment's outcome goals in full: baseline, target, the latest value and who published
 * it, what the trajectory expects, the pace still needed and the computed suggestion — with
 * the validated status of the process indicators beside it.
 */
export function outcomeBlock(view: View, outcomes: readonly OutcomeItem[], verdict: Status): Html {
  const { t } = view;
  if (outcomes.length === 0) return html``;
  return html`<section class="card outcome" aria-labelledby="outcomes">
<h2 id="outcomes">${t("outcome.title")}</h2>
${outcomes.map((o) => {
  const p = outcomeParts(t, view.lang, o);
  const url = o.reading.latest?.url ?? null;
  return html`<h3>${o.label}</h3>
<dl class="facts">
<dt>${t("outcome.baseline")}</dt><dd>${p.baseline}</dd>
<dt>${t("outcome.target")}</dt><dd>${p.target}</dd>
<dt>${t("outcome.latest")}</dt><dd><b>${p.latest}</b>${p.latestSource ? html`<br><small>${url ? html`<a href="${url}" rel="noopener">${p.latestSource}</a>` : p.latestSource}</small>` : ""}</dd>
${p.expectedLabel ? html`<dt>${p.expectedLabel}</dt><dd>${p.expected}</dd>` : ""}
${p.pace ? html`<dt>${t("outcome.needed")}</dt><dd>${p.pace}</dd>` : ""}
<dt>${t("outcome.suggestion")}</dt><dd>${suggestionMark(view, o.reading.suggestion)}</dd>
</dl>`;
})}
<p><small class="muted">${t("outcome.note")}</small></p>
<p>${t("outcome.validated")}${colon(view)} ${verdictMark(view, verdict)}</p>
</section>`;
}

/** The scorecard's one line per goal: the latest value and the computed suggestion. */
export function outcomeLine(view: View, o: OutcomeItem): Html {
  const p = outcomeParts(view.t, view.lang, o);
  return html`<p class="outcome-line"><small>${o.label}${colon(view)} ${p.latest} → ${p.target}<br>${view.t("outcome.suggestion")}${colon(view)} ${suggestionMark(view, o.reading.suggestion)}</small></p>`;
}
