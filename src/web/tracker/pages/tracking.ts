// Tracking pages: a cycle's response tracking with its reminders, the WhatsApp hand-over of a
// new link, the e-mail outbox; and the reminder e-mail's text.
import { html } from "hono/html";
import { PROGRESS, type Progress } from "../../../domain/tracker/tracking.ts";
import { formatDate, formatNumber, formatValue, translator } from "../../../i18n/index.ts";
import type { OutboxMessage, ReminderMessage } from "../../../services/tracker/reminders.ts";
import type {
  PartnerTracking,
  TrackingView,
  WhatsappLink,
} from "../../../services/tracker/tracking.ts";
import { copyField, csrfField, field } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import { pager } from "../../shared/pager.ts";
import type { Html, View } from "../../shared/view.ts";
import { cycleTabs, stateBadge } from "../../shared/workspace.ts";
import { colon } from "../components.ts";

/** A reminder in its recipient's language (French unless the address was invited in English). */
export function reminderMail(): ReminderMessage {
  return (lang, m) => {
    const t = translator(lang);
    return {
      subject: t("track.mail.subject", { partner: m.partner, cycle: m.cycle }),
      body: t("track.mail.body", {
        partner: m.partner,
        cycle: m.cycle,
        deadline: m.deadline ? formatDate(lang, m.deadline) : t("ws.noDeadline"),
        url: m.url,
      }),
    };
  };
}

// Progress marks reuse the answer-state colours: grey, yellow, blue, green.
const PROGRESS_CLASS: Record<Progress, string> = {
  not_started: "as-draft",
  in_progress: "st-collection",
  submitted: "as-submitted",
  validated: "as-validated",
};

function progressMark(view: View, p: Progress): Html {
  return html`<span class="mark ${PROGRESS_CLASS[p]}">${view.t(`track.progress.${p}`)}</span>`;
}

function percent(view: View, rate: number | null): string {
  return rate === null ? "—" : formatValue(view.lang, Math.round(rate * 100), "%");
}

function meter(rate: number | null): Html {
  const step = Math.round((rate ?? 0) * 10);
  return html`<span class="meter w${step}"></span>`;
}

/** What the last action did, read back from the redirect's query. */
export type TrackingNotice =
  | {
      kind: "partner";
      outcome: "queued" | "already" | "no_address" | "responded";
      slug: string;
      partner: string;
    }
  | { kind: "all"; queued: number; already: number; noAddress: number };

function noticeText(view: View, n: TrackingNotice): string {
  // Every late partner has one outcome, so the three counts add up to the partners late.
  if (n.kind === "all")
    return view.t("track.done.all", { ...n, late: n.queued + n.already + n.noAddress });
  return view.t(`track.done.${n.outcome}`, { partner: n.partner });
}

function partnerRow(
  view: View,
  v: TrackingView,
  p: PartnerTracking,
  notice?: TrackingNotice,
): Html {
  const { t, lang } = view;
  const base = `/manage/cycles/${encodeURIComponent(v.cycle.slug)}`;
  const action = `${base}/tracking/partners/${encodeURIComponent(p.slug)}`;
  // Reminders and new links only for a partner still asked (the cycle collects, or its extension).
  const late = p.collects && p.progress !== "submitted" && p.progress !== "validated";
  // Empty cells say "nothing yet": the phone layout hides them instead of repeating "none".
  const reminders =
    p.reminders.count === 0 || p.reminders.lastAt === null
      ? ""
      : `${t("track.reminders.count", {
          count: p.reminders.count,
          date: formatDate(lang, p.reminders.lastAt),
        })} (${p.reminders.lastSent ? t("track.reminders.sent") : t("track.reminders.queued")})`;
  const actions = html`<div class="actions">${
    late && p.addresses > 0
      ? html`<form method="post" action="${action}/remind">${csrfField(view)}<button class="secondary" type="submit">${t("track.remind")}</button></form>`
      : ""
  }${
    p.collects
      ? html`<form method="post" action="${action}/whatsapp">${csrfField(view)}<button class="secondary" type="submit">${t("track.whatsapp")}</button></form>`
      : ""
  }</div>${
    late && p.addresses === 0 ? html`<small class="muted">${t("track.noAddress")}</small>` : ""
  }`;
  const done =
    notice?.kind === "partner" && notice.slug === p.slug
      ? html`<p class="notice" role="status">${noticeText(view, notice)}</p>`
      : "";
  return html`<tr id="p-${p.slug}">
<td><a href="${base}/partners/${encodeURIComponent(p.slug)}" title="${p.name}"><b>${p.shortName}</b></a> ${progressMark(view, p.progress)}${
    p.overdue ? html` <span class="mark as-returned">${t("track.overdue")}</span>` : ""
  }${
    p.extended && p.deadline
      ? html`<br><small class="muted">${t("track.extended", { date: formatDate(lang, p.deadline) })}</small>`
      : ""
  }${done}</td>
<td data-label="${t("track.col.answered")}">${t("track.answered", { answered: p.answered, mapped: p.mapped, submitted: p.submitted, rate: percent(view, p.mapped === 0 ? null : p.submitted / p.mapped) })}</td>
<td data-label="${t("track.col.activity")}">${p.lastActivity ? formatDate(lang, p.lastActivity) : ""}</td>
<td data-label="${t("track.col.reminders")}">${reminders}</td>
${v.canRemind ? html`<td>${actions}</td>` : ""}
</tr>`;
}

/** The rates count answers: a partner that submitted 2 of its 3 indicators counts for 2. */
function ratesSection(view: View, v: TrackingView): Html {
  const { t, lang } = view;
  const { overall, byCategory } = v.rates;
  return html`<section class="card" aria-labelledby="rate">
<h2 id="rate">${t("track.rate.title")}${colon(view)} ${percent(view, overall.rate)}</h2>
<p>${t("track.rate.answers", { submitted: formatNumber(lang, overall.submitted), asked: formatNumber(lang, overall.asked) })}</p>
${meter(overall.rate)}
<p class="muted">${t("track.rate.overall", { responded: formatNumber(lang, overall.partnersResponded), asked: formatNumber(lang, overall.partnersAsked) })}</p>
<h3>${t("track.rate.byCategory")}</h3>
<ul class="marks">${byCategory.map(
    (r) =>
      html`<li><span>${t(`category.${r.category}`)}</span><span><b>${percent(view, r.rate)}</b> <small class="muted">(${r.submitted} / ${r.asked})</small></span></li>`,
  )}</ul>
<details><summary>${t("track.rate.byIndicator")}</summary>
<ul class="marks">${v.indicators.map(
    (i) =>
      html`<li><span><b>${i.number}</b> ${i.title}</span><span><b>${percent(view, i.rate)}</b> <small class="muted">${t("track.rate.partners", { submitted: i.submitted, asked: i.asked })}</small></span></li>`,
  )}</ul></details>
</section>`;
}

export function trackingPage(view: View, v: TrackingView, notice?: TrackingNotice): Html {
  const { t, lang } = view;
  const base = `/manage/cycles/${encodeURIComponent(v.cycle.slug)}`;
  const rowSlugs = new Set(v.groups.flatMap((g) => g.partners.map((p) => p.slug)));
  const tracking = `${base}/tracking`;
  // The first page keeps the address it always had.
  const pages = pager(view, v.pages, (n) => (n > 1 ? `${tracking}?page=${n}` : tracking));
  const title = `${t("ws.tab.tracking")} – ${v.cycle.label}`;
  return page(view, {
    title:
      v.pages.count > 1
        ? `${title} – ${t("pager.position", { page: v.pages.current, count: v.pages.count })}`
        : title,
    body: html`${cycleTabs(view, v.cycle.slug, "tracking")}
<h1>${t("ws.tab.tracking")}</h1>
<p><b>${v.cycle.label}</b> ${stateBadge(view, v.cycle.state)} <span class="muted">${t(
      "ws.deadline",
      {
        date: v.cycle.deadline ? formatDate(lang, v.cycle.deadline) : t("ws.noDeadline"),
      },
    )}</span></p>
${
  // A partner's notice shows in its row, where the redirect lands; anything else shows here.
  notice && !(notice.kind === "partner" && rowSlugs.has(notice.slug))
    ? html`<p class="notice" role="status">${noticeText(view, notice)}</p>`
    : ""
}
<ul class="counts">${PROGRESS.map(
      (p) =>
        html`<li><b>${formatNumber(lang, v.progressCounts[p])}</b> ${progressMark(view, p)}</li>`,
    )}</ul>
${v.overdue > 0 ? html`<p>${t("track.overdueCount", { count: v.overdue })}</p>` : ""}
${ratesSection(view, v)}
<section class="card">
${v.collecting ? html`<p>${t("track.schedule")}</p><p><b>${v.nextReminder ? t("track.next", { date: formatDate(lang, v.nextReminder) }) : t("track.noNext")}</b></p>` : html`<p>${t("track.notCollecting")}</p>`}
${
  // The button counts every late partner, as its result does; those without an address are
  // named apart, since an e-mail cannot reach them.
  v.canRemind && v.late > v.lateWithoutAddress
    ? html`<form method="post" action="${base}/tracking/remind">${csrfField(view)}<p><button class="primary" type="submit">${t("track.remindAll", { count: v.late })}</button></p>${
        v.lateWithoutAddress > 0
          ? html`<p class="muted">${t("track.remindAll.noAddress", { count: v.lateWithoutAddress })}</p>`
          : ""
      }</form>`
    : ""
}
<p><a href="/manage/outbox">${t("track.outboxLink")}</a></p>
</section>
<h2 id="partners">${t("track.partners")}</h2>
${pages}
${v.groups.map(
  // One table per category: on a phone each becomes a list of cards under its heading.
  (g) => html`<h3>${t(`category.${g.category}`)}</h3>
<table class="stack">
<thead><tr><th scope="col">${t("track.col.partner")}</th><th scope="col">${t("track.col.answered")}</th><th scope="col">${t("track.col.activity")}</th><th scope="col">${t("track.col.reminders")}</th>${v.canRemind ? html`<th scope="col">${t("track.col.actions")}</th>` : ""}</tr></thead>
<tbody>${g.partners.map((p) => partnerRow(view, v, p, notice))}</tbody>
</table>`,
)}
${pages}`,
  });
}

export function whatsappPage(view: View, link: WhatsappLink): Html {
  const { t } = view;
  // The message is French whatever the coordinator's language: partners read it in French.
  const fr = translator("fr");
  const text = fr("ws.whatsapp.text", {
    partner: link.partner,
    cycle: link.cycleLabel,
    deadline: link.deadline ? formatDate("fr", link.deadline) : fr("ws.noDeadline"),
    url: link.url,
  });
  const tracking = `/manage/cycles/${encodeURIComponent(link.cycleSlug)}/tracking`;
  return page(view, {
    title: t("track.wa.title", { partner: link.partner }),
    body: html`${cycleTabs(view, link.cycleSlug, "tracking")}
<h1>${t("track.wa.title", { partner: link.partner })}</h1>
<section class="card" aria-live="polite">
<p class="notice">${t("ws.invite.created")}</p>
<p><a class="button" href="https://wa.me/?text=${encodeURIComponent(text)}" rel="noopener noreferrer" target="_blank">${t("track.wa.open")}</a></p>
${field({ name: "message", label: t("track.wa.message"), value: text, multiline: true, attrs: html` readonly rows="7" lang="fr"` })}
${copyField(view, { name: "link", label: t("ws.invite.link"), value: link.url })}
</section>
<p><a href="${tracking}">${t("track.back")}</a></p>`,
  });
}

function messageCard(view: View, m: OutboxMessage): Html {
  const { t, lang } = view;
  const stateClass = { queued: "as-draft", sent: "as-validated", failed: "as-returned" }[m.state];
  return html`<article class="card">
<h2>${m.subject}</h2>
<p><span class="mark ${stateClass}">${t(`outbox.state.${m.state}`)}</span> <span class="muted">${t(`outbox.kind.${m.kind as "reminder"}`)}</span></p>
<p>${t("outbox.to")}${colon(view)} ${m.recipient === null ? html`<span class="muted">${t("contact.hidden")}</span>` : html`<b>${m.recipient}</b>`}</p>
<p class="muted">${t("outbox.created", { date: formatDate(lang, m.createdAt) })}${m.sentAt ? html` · ${t("outbox.sentAt", { date: formatDate(lang, m.sentAt) })}` : ""}${m.attempts > 0 ? html` · ${t("outbox.attempts", { count: m.attempts, max: m.maxAttempts })}` : ""}</p>
${m.lastError && m.state !== "sent" ? html`<p class="error">${t("outbox.error", { error: m.lastError })}</p>` : ""}
<details><summary>${t("outbox.body")}</summary><p class="pre">${m.body}</p></details>
</article>`;
}

export function outboxPage(
  view: View,
  o: { messages: OutboxMessage[]; mailer: boolean; canSend: boolean },
  result?: { sent: number; failed: number },
): Html {
  const { t } = view;
  return page(view, {
    title: t("outbox.title"),
    body: html`<p class="crumbs"><a href="/manage">${t("nav.workspace")}</a></p>
<h1>${t("outbox.title")}</h1>
${result ? html`<p class="notice" role="status">${t("outbox.sent", result)}</p>` : ""}
<p class="${o.mailer ? "" : "alert"}">${o.mailer ? t("outbox.mailer") : t("outbox.noMailer")}</p>
${
  o.canSend
    ? html`<form method="post" action="/manage/outbox/send">${csrfField(view)}<p><button class="primary" type="submit">${t("outbox.send")}</button></p></form>`
    : ""
}
<p class="muted">${t("outbox.hidden")}</p>
${o.messages.length === 0 ? html`<p class="muted">${t("outbox.empty")}</p>` : o.messages.map((m) => messageCard(view, m))}`,
  });
}
