// Workspace pages: the cycles, a cycle's overview and actions, the mapping, a partner's panel.

import { html } from "hono/html";
import { CYCLE_LABEL_MAX, CYCLE_SLUG_MAX, type Cycle } from "../../../domain/tracker/cycle.ts";
import { partnerShortName } from "../../../domain/tracker/partner.ts";
import { REPORT_FORMATS } from "../../../domain/tracker/report-text.ts";
import { formatDate } from "../../../i18n/index.ts";
import type {
  cycleOverview,
  mappingGrid,
  partnerPanel,
} from "../../../services/tracker/workspace.ts";
import { copyField, csrfField, errorSummary, type FieldErrors, field } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";
import { cycleTabs, stateBadge } from "../../shared/workspace.ts";
import { colon } from "../components.ts";

type Overview = Awaited<ReturnType<typeof cycleOverview>>;
type Grid = Awaited<ReturnType<typeof mappingGrid>>;
type Panel = Awaited<ReturnType<typeof partnerPanel>>;

export interface NewCycleForm {
  slug?: string;
  label?: string;
  labelEn?: string;
  periodStart?: string;
  periodEnd?: string;
  fromSlug?: string;
}

/** The new cycle's form; it carries forward from the latest cycle unless told otherwise. */
function newCycleSection(
  view: View,
  cycles: Cycle[],
  form: NewCycleForm,
  errors: FieldErrors,
): Html {
  const { t } = view;
  const from = form.fromSlug ?? cycles[0]?.slug ?? "";
  const fromError = errors.fromSlug
    ? html` aria-invalid="true" aria-describedby="f-fromSlug-e"`
    : "";
  return html`<section class="card" aria-labelledby="new">
<h2 id="new">${t("ws.newCycle")}</h2>
${errorSummary(view, errors)}
<form method="post" action="/manage/cycles" novalidate>
${csrfField(view)}
${field({ name: "slug", label: t("ws.newCycle.slug"), hint: t("ws.newCycle.slugHint"), value: form.slug, required: true, error: errors.slug, attrs: html` maxlength="${CYCLE_SLUG_MAX}"` })}
${field({ name: "label", label: t("ws.newCycle.label"), value: form.label, required: true, error: errors.label, attrs: html` maxlength="${CYCLE_LABEL_MAX}"` })}
${field({ name: "labelEn", label: t("ws.newCycle.labelEn"), value: form.labelEn, error: errors.labelEn, attrs: html` maxlength="${CYCLE_LABEL_MAX}"` })}
${field({ name: "periodStart", label: t("ws.newCycle.start"), type: "date", value: form.periodStart, required: true, error: errors.periodStart })}
${field({ name: "periodEnd", label: t("ws.newCycle.end"), type: "date", value: form.periodEnd, required: true, error: errors.periodEnd })}
<div class="field"><label for="f-fromSlug">${t("ws.newCycle.from")}</label>
<select id="f-fromSlug" name="fromSlug"${fromError}><option value="">${t("ws.newCycle.none")}</option>${cycles.map(
    (c) =>
      html`<option value="${c.slug}"${from === c.slug ? html` selected` : ""}>${c.label}</option>`,
  )}</select>${errors.fromSlug ? html`<p class="error" id="f-fromSlug-e">${errors.fromSlug}</p>` : ""}</div>
<p><button class="primary" type="submit">${t("ws.newCycle.submit")}</button></p>
</form>
</section>`;
}

export function cyclesPage(
  view: View,
  w: {
    cycles: Cycle[];
    canCreate: boolean;
    canImportHealth?: boolean;
    canSeeProgrammes?: boolean;
    canBackup?: boolean;
  },
  form: NewCycleForm = {},
  errors: FieldErrors = {},
): Html {
  const { t } = view;
  const { cycles } = w;
  return page(view, {
    title: t("ws.title"),
    body: html`<h1>${t("ws.title")}</h1>
<p><a href="/manage/outbox">${t("ws.outbox")}</a> · <a href="/manage/users">${t("users.title")}</a> · <a href="/account/tokens">${t("tok.title")}</a>${w.canImportHealth ? html` · <a href="/health/imports">${t("himp.title")}</a> · <a href="/health/entry">${t("hent.title")}</a> · <a href="/health/units">${t("hou.title")}</a>` : ""}${w.canSeeProgrammes ? html` · <a href="/programme">${t("prog.title")}</a>` : ""}${w.canBackup ? html` · <a href="/manage/backup" download>${t("ws.backup")}</a>` : ""}</p>
<h2>${t("ws.cycles")}</h2>
${
  cycles.length === 0
    ? html`<p class="muted">${t("ws.noCycles")}</p>`
    : html`<ul class="marks">${cycles.map(
        (c) =>
          html`<li><a href="/manage/cycles/${encodeURIComponent(c.slug)}"><b>${c.label}</b></a>${stateBadge(view, c.state)}</li>`,
      )}</ul>`
}
${w.canCreate ? newCycleSection(view, cycles, form, errors) : ""}`,
  });
}

/** The annual report of the cycle: its downloads (a draft until published) and its texts. */
function reportSection(view: View, o: Overview): Html | string {
  if (!o.canDownloadReport && !o.canEditTexts) return "";
  const { t, lang } = view;
  const slug = encodeURIComponent(o.cycle.slug);
  const published = o.cycle.state === "published";
  return html`<section class="card" aria-labelledby="annual-report"><h2 id="annual-report">${t("ws.report.title")}</h2>
${
  o.canDownloadReport
    ? html`<p class="muted">${t(published ? "ws.report.published" : "ws.report.draft")}</p>
<ul class="downloads">${REPORT_FORMATS.map(
        (f) =>
          html`<li><a href="/cycles/${slug}/report.${f}?lang=${lang}"${f === "html" ? "" : html` download`}>${t(`report.${f}`)}</a></li>`,
      )}</ul>`
    : ""
}
${o.canEditTexts ? html`<p><a href="/manage/cycles/${slug}/report-texts">${t("texts.link")}</a></p><p><a href="/manage/cycles/${slug}/report-cover">${t("cover.link")}</a></p><p><a href="/manage/cycles/${slug}/translations">${t("tr.link")}</a></p><p><a href="/manage/acronyms">${t("acr.link")}</a></p><p><a href="/manage/outcomes">${t("oc.link")}</a></p>` : ""}
</section>`;
}

/** The box publishing needs ticked: the form says what publishing does before it is done. */
function confirmBox(view: View, error: string | undefined): Html {
  return html`<div class="field">${error ? html`<p class="error" id="confirm-e">${error}</p>` : ""}<label class="choice"><input type="checkbox" name="confirm" value="1" required${error ? html` aria-invalid="true" aria-describedby="confirm-e"` : ""}> ${view.t("ws.publish.confirm")}</label></div>`;
}

export function overviewPage(
  view: View,
  o: Overview,
  state: { errors?: FieldErrors; deadline?: string; reason?: string; notice?: string } = {},
): Html {
  const { t, lang } = view;
  const { cycle } = o;
  const base = `/manage/cycles/${encodeURIComponent(cycle.slug)}`;
  const errors = state.errors ?? {};
  // The date picker starts at today (UTC, as the server checks); older days are refused anyway.
  const today = new Date().toISOString().slice(0, 10);
  const action = (path: string, label: string, extra: Html = html``, primary = true) =>
    html`<form method="post" action="${base}/${path}" class="card">${csrfField(view)}${extra}<p><button class="${primary ? "primary" : "secondary"}" type="submit">${label}</button></p></form>`;
  return page(view, {
    title: cycle.label,
    body: html`${cycleTabs(view, cycle.slug, "overview")}
<h1>${cycle.label}</h1>
<p>${stateBadge(view, cycle.state)} <span class="muted">${t("ws.deadline", {
      date: cycle.deadline ? formatDate(lang, cycle.deadline) : t("ws.noDeadline"),
    })}</span></p>
${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : ""}
${errorSummary(view, errors)}
${reportSection(view, o)}
${o.canSetUp && cycle.state === "setup" ? action("open", t("ws.open.submit"), field({ name: "deadline", label: t("ws.open.deadline"), type: "date", value: state.deadline, required: true, error: errors.deadline, attrs: html` min="${today}"` })) : ""}
${
  o.canSetUp && cycle.state === "collection"
    ? html`${action("deadline", t("ws.deadline.change"), field({ name: "deadline", label: t("ws.deadline.new"), hint: t("ws.deadline.hint"), type: "date", value: state.deadline ?? cycle.deadline, required: true, error: errors.deadline, attrs: html` min="${today}"` }), false)}
${action("close", t("ws.close.submit"), html``, false)}`
    : ""
}
${o.canPublish && cycle.state === "validation" ? action("publish", t("ws.publish.submit"), confirmBox(view, errors.confirm)) : ""}
${o.canSetUp && cycle.state === "validation" ? action("reopen-collection", t("ws.reopenCollection.submit"), field({ name: "reason", label: t("ws.reopenCollection.reason"), value: state.reason, multiline: true, required: true, error: errors.reason }), false) : ""}
${cycle.state === "published" ? html`<p><a class="button" href="/cycles/${encodeURIComponent(cycle.slug)}">${t("ws.publicLink")}</a></p>` : ""}
${o.canPublish && cycle.state === "published" ? action("reopen", t("ws.reopen.submit"), field({ name: "reason", label: t("ws.reopen.reason"), value: state.reason, multiline: true, required: true, error: errors.reason }), false) : ""}
<h2>${t("ws.partners.title")} (${o.partnersAsked})</h2>
${o.groups
  .filter((g) => g.partners.length > 0)
  .map(
    (g) =>
      html`<h3>${t(`category.${g.category}`)}</h3><ul class="marks">${g.partners.map(
        (p) =>
          html`<li><a href="${base}/partners/${encodeURIComponent(p.slug)}"><b>${partnerShortName(p)}</b></a><small class="muted">${p.answered} / ${t("ws.partners.count", { count: p.mapped })}</small></li>`,
      )}</ul>`,
  )}`,
  });
}

export function mappingPage(view: View, g: Grid, notice?: string): Html {
  const { t } = view;
  const base = `/manage/cycles/${encodeURIComponent(g.cycle.slug)}`;
  const grid = g.groups
    .filter((group) => group.partners.length > 0)
    .map(
      (group) =>
        html`<h2>${t(`category.${group.category}`)}</h2>${group.partners.map(
          (
            p,
          ) => html`<details class="card"><summary><b>${p.shortName}</b> <span class="muted">${t("ws.partners.count", { count: p.mapped.size })}</span></summary>
<fieldset${g.canEdit ? "" : html` disabled`}><legend>${p.name}</legend>${g.indicators.map(
            (i) =>
              html`<div><label><input type="checkbox" name="m" value="${p.id}:${i.id}"${p.mapped.has(i.id) ? html` checked` : ""}${p.answered.has(i.id) ? html` data-answered="1"` : ""}> <b>${i.number}</b> ${i.title}</label></div>`,
          )}</fieldset></details>`,
        )}`,
    );
  return page(view, {
    title: `${t("ws.tab.mapping")} – ${g.cycle.label}`,
    body: html`${cycleTabs(view, g.cycle.slug, "mapping")}
<h1>${t("ws.tab.mapping")}</h1>
<p class="muted">${t(g.canEdit ? "ws.mapping.intro" : "ws.mapping.readOnly")}</p>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ""}
${
  // Only those who may change the mapping get a form; the others read it.
  g.canEdit
    ? html`<form method="post" action="${base}/mapping">
${csrfField(view)}
${grid}
<p><button class="primary" type="submit">${t("ws.mapping.save")}</button></p>
</form>`
    : grid
}`,
  });
}

export interface CreatedLink {
  url: string;
  emailed: boolean;
  whatsapp: string;
}

/** Extending collection for this partner: its last day, during or after collection. */
function extensionSection(
  view: View,
  p: Panel,
  base: string,
  until: string | undefined,
  error: string | undefined,
): Html {
  const { t, lang } = view;
  if (!p.canExtend) return html``;
  return html`<section class="card" aria-labelledby="ext">
<h2 id="ext">${t("ext.title")}</h2>
<p class="muted">${t("ext.intro")}</p>
${p.extendedUntil ? html`<p><b>${t("ext.current", { date: formatDate(lang, p.extendedUntil) })}</b></p>` : ""}
<form method="post" action="${base}/extend">
${csrfField(view)}
${field({ name: "until", label: t("ext.until"), type: "date", value: until ?? p.extendedUntil ?? "", required: true, error })}
<p><button class="secondary" type="submit">${t("ext.submit")}</button></p>
</form>
</section>`;
}

export function partnerPanelPage(
  view: View,
  p: Panel,
  o: {
    created?: CreatedLink;
    notice?: string;
    email?: string;
    until?: string;
    errors?: FieldErrors;
  } = {},
): Html {
  const { t, lang } = view;
  const base = `/manage/cycles/${encodeURIComponent(p.cycle.slug)}/partners/${encodeURIComponent(p.partner.slug)}`;
  const errors = o.errors ?? {};
  const short = partnerShortName(p.partner);
  return page(view, {
    title: t("ws.partner.title", { partner: short, cycle: p.cycle.label }),
    body: html`${cycleTabs(view, p.cycle.slug, "overview")}
<h1>${t("ws.partner.title", { partner: short, cycle: p.cycle.label })}</h1>
<p>${p.partner.name}</p>
<p class="muted">${p.answered} / ${t("ws.partners.count", { count: p.mapped })}</p>
<p><a class="button" href="/q/${encodeURIComponent(p.cycle.slug)}/${encodeURIComponent(p.partner.slug)}">${t(p.canEnter ? "ws.partner.questionnaire" : "ws.partner.questionnaireRead")}</a></p>
${o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : ""}
${
  o.created
    ? html`<section class="card" aria-live="polite"><p class="notice">${t("ws.invite.created")}${o.created.emailed ? html` ${t("ws.invite.emailed")}` : ""}</p>
${copyField(view, { name: "link", label: t("ws.invite.link"), value: o.created.url })}
<p><a class="button" href="${o.created.whatsapp}" rel="noopener" target="_blank">${t("ws.invite.whatsapp")}</a></p></section>`
    : ""
}
${extensionSection(view, p, base, o.until, errors.until)}
${
  p.canInvite
    ? html`<section class="card" aria-labelledby="inv">
<h2 id="inv">${t("ws.invite.title")}</h2>
${errorSummary(view, errors)}
<form method="post" action="${base}/invite">
${csrfField(view)}
${field({ name: "email", label: t("ws.invite.email"), hint: t("ws.invite.emailHint"), type: "email", value: o.email, error: errors.email })}
<p><button class="primary" type="submit">${t("ws.invite.submit")}</button></p>
</form>
</section>`
    : ""
}
${
  p.invitations.length > 0
    ? html`<section class="card"><h2>${t("ws.invite.list")}</h2><ul class="marks">${p.invitations.map(
        (i) =>
          html`<li><span>${i.hidden ? html`<span class="muted">${t("contact.hidden")}</span>` : (i.email ?? "—")}</span><small class="muted">${formatDate(lang, i.createdAt)}${colon(view)} ${
            i.state === "used"
              ? t("ws.invite.used")
              : i.state === "revoked"
                ? t("ws.invite.revokedMark")
                : t("ws.invite.pending")
          }</small></li>`,
      )}</ul>
${p.canInvite ? html`<form method="post" action="${base}/revoke">${csrfField(view)}<button class="secondary" type="submit">${t("ws.invite.revoke")}</button></form>` : ""}</section>`
    : ""
}`,
  });
}
