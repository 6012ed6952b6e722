// The saved DHIS2 connections pages: the list (what each pulls, its last import and the next,
// "import now"), and the form to add or change one — where a secret is never typed: the form
// asks for the NAMES of the environment variables that hold it, and says whether this server
// has them set. Works without script.
import { html, raw } from "hono/html";
import {
  DEFAULT_PASSWORD_VAR,
  DEFAULT_TOKEN_VAR,
  DEFAULT_USERNAME_VAR,
  DHIS2_SCHEDULES,
  isDhis2PullCode,
} from "../../../domain/health/dhis2-pull.ts";
import { formatDateTime } from "../../../domain/shared/format.ts";
import { dhis2Message } from "../../../i18n/health/dhis2.ts";
import type { ConnectionView } from "../../../services/health/dhis2-connections.ts";
import { csrfField, errorSummary, type FieldErrors, field } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

/** The form as typed (every field text), so that it comes back as it was. */
export interface ConnectionForm {
  name: string;
  baseUrl: string;
  authKind: string;
  tokenVar: string;
  usernameVar: string;
  passwordVar: string;
  dataSet: string;
  orgUnit: string;
  periods: string;
  withMetadata: string;
  schedule: string;
}

export const EMPTY_CONNECTION_FORM: ConnectionForm = {
  name: "",
  baseUrl: "https://",
  authKind: "token",
  tokenVar: DEFAULT_TOKEN_VAR,
  usernameVar: DEFAULT_USERNAME_VAR,
  passwordVar: DEFAULT_PASSWORD_VAR,
  dataSet: "",
  orgUnit: "",
  periods: "LAST_12_MONTHS",
  withMetadata: "",
  schedule: "none",
};

/** Whether this server's environment has each variable: a name, never a value. */
export type VarCheck = (name: string) => boolean | null;

const variablesOf = (c: ConnectionView): string[] =>
  c.auth.kind === "token" ? [c.auth.tokenVar] : [c.auth.usernameVar, c.auth.passwordVar];

function varNote(view: View, name: string, isSet: boolean | null): Html {
  if (isSet === null) return html``;
  return isSet
    ? html`<li class="muted">${view.t("dcon.varSet", { variable: name })}</li>`
    : html`<li><b>${view.t("dcon.varMissing", { variable: name })}</b></li>`;
}

function lastOutcome(view: View, c: ConnectionView): Html {
  const { t } = view;
  const r = c.lastResult as
    | { ok: true; imported: number; updated: number; ignored: number; rejected: number }
    | { ok: false; code: string; status: number | null }
    | null;
  const pulled = c.lastPulledAt
    ? t("dcon.lastPull", { at: formatDateTime(view.lang, c.lastPulledAt) })
    : t("dcon.neverPulled");
  if (!r) return html`<li>${pulled}</li>`;
  if (r.ok)
    return html`<li>${pulled}</li><li>${t("dcon.lastOk", {
      imported: r.imported,
      updated: r.updated,
      ignored: r.ignored,
      rejected: r.rejected,
    })}</li>`;
  const vars = variablesOf(c).join(", ");
  const reason = isDhis2PullCode(r.code)
    ? dhis2Message(view.lang, r.code, { url: c.baseUrl, status: r.status ?? "", variable: vars })
    : t("himp.job.failed");
  return html`<li>${pulled}</li><li class="error">${t("dcon.lastFailed", { reason })}</li>`;
}

function nextRun(view: View, c: ConnectionView): Html {
  const { t } = view;
  if (c.running)
    return html`<li><b>${t("dcon.running")}</b> — <a href="/health/imports/${c.running.id}">${t("dcon.follow")}</a></li>`;
  return html`<li>${c.waiting ? t("dcon.next", { at: formatDateTime(view.lang, c.waiting.runAt) }) : t("dcon.nextNone")}</li>`;
}

export function connectionsPage(
  view: View,
  connections: readonly ConnectionView[],
  o: { notice?: string; hasVar: VarCheck },
): Html {
  const { t } = view;
  return page(view, {
    title: t("dcon.title"),
    body: html`<p class="crumbs"><a href="/health/imports">${t("himp.title")}</a></p>
<h1>${t("dcon.title")}</h1>
<p>${t("dcon.intro")}</p>
${o.notice ? html`<p class="notice" role="status">${o.notice}</p>` : ""}
${
  connections.length === 0
    ? html`<p class="muted">${t("dcon.none")}</p>`
    : connections.map(
        (c) => html`<section class="card" aria-labelledby="dcon-${c.id}">
<h2 id="dcon-${c.id}">${c.name}</h2>
<p class="wrap-any"><span class="muted">${c.baseUrl}</span><br>${t("dcon.what", { dataSet: c.dataSet, orgUnit: c.orgUnit, periods: c.periods })} · ${t(`dcon.schedule.${c.schedule}`)}</p>
<ul class="plain">${lastOutcome(view, c)}${nextRun(view, c)}${variablesOf(c).map((v) => varNote(view, v, o.hasVar(v)))}</ul>
<div class="actions"><form method="post" action="/health/connections/${c.id}/pull" class="inline">${csrfField(view)}<button class="primary" type="submit">${t("dcon.pull")}</button></form> <a href="/health/connections/${c.id}">${t("dcon.edit")}</a></div>
</section>`,
      )
}
<p><a class="button" href="/health/connections/new">${t("dcon.add")}</a></p>`,
  });
}

const checked = (on: boolean) => (on ? raw(" checked") : "");

export function connectionFormPage(
  view: View,
  o: {
    id?: number;
    form: ConnectionForm;
    errors?: FieldErrors;
    hasVar: VarCheck;
  },
): Html {
  const { t } = view;
  const f = o.form;
  const errors = o.errors ?? {};
  const title = o.id === undefined ? t("dcon.newTitle") : t("dcon.editTitle", { name: f.name });
  const action = o.id === undefined ? "/health/connections" : `/health/connections/${o.id}`;
  const varField = (name: "tokenVar" | "usernameVar" | "passwordVar", label: string) => {
    const isSet = f[name] && errors[name] === undefined ? o.hasVar(f[name]) : null;
    return field({
      name,
      label,
      value: f[name],
      error: errors[name],
      hint:
        isSet === null
          ? undefined
          : t(isSet ? "dcon.varSet" : "dcon.varUnset", { variable: f[name] }),
      attrs: html` autocomplete="off" spellcheck="false" autocapitalize="characters" maxlength="100"`,
    });
  };
  return page(view, {
    title,
    body: html`<p class="crumbs"><a href="/health/connections">${t("dcon.title")}</a></p>
<h1>${title}</h1>
${errorSummary(view, errors)}
<form class="card" method="post" action="${action}" novalidate>
${csrfField(view)}
${field({ name: "name", label: t("dcon.f.name"), value: f.name, required: true, error: errors.name, attrs: html` maxlength="100"` })}
${field({ name: "baseUrl", label: t("dcon.f.baseUrl"), type: "url", value: f.baseUrl, required: true, error: errors.baseUrl, hint: t("dcon.f.baseUrlHint"), attrs: html` inputmode="url" spellcheck="false" autocapitalize="off"` })}
<fieldset><legend>${t("dcon.f.auth")}</legend>
<p>${t("dcon.f.secrets")}</p>
<label class="choice"><input type="radio" name="authKind" value="token"${checked(f.authKind !== "basic")}> ${t("dcon.f.auth.token")}</label>
${varField("tokenVar", t("dcon.f.tokenVar"))}
<label class="choice"><input type="radio" name="authKind" value="basic"${checked(f.authKind === "basic")}> ${t("dcon.f.auth.basic")}</label>
${varField("usernameVar", t("dcon.f.usernameVar"))}
${varField("passwordVar", t("dcon.f.passwordVar"))}
</fieldset>
${field({ name: "dataSet", label: t("dcon.f.dataSet"), value: f.dataSet, required: true, error: errors.dataSet, hint: t("dcon.f.uidHint"), attrs: html` maxlength="11" spellcheck="false" autocapitalize="off"` })}
${field({ name: "orgUnit", label: t("dcon.f.orgUnit"), value: f.orgUnit, required: true, error: errors.orgUnit, hint: t("dcon.f.uidHint"), attrs: html` maxlength="11" spellcheck="false" autocapitalize="off"` })}
${field({ name: "periods", label: t("dcon.f.periods"), value: f.periods, required: true, error: errors.periods, hint: t("dcon.f.periodsHint"), attrs: html` spellcheck="false" autocapitalize="characters"` })}
<label class="choice"><input type="checkbox" name="withMetadata" value="1"${checked(f.withMetadata === "1")}> ${t("dcon.f.withMetadata")}</label>
<div class="field"><label for="f-schedule">${t("dcon.f.schedule")}</label><select id="f-schedule" name="schedule"${errors.schedule ? html` aria-invalid="true"` : ""}>${DHIS2_SCHEDULES.map(
      (s) =>
        html`<option value="${s}"${f.schedule === s ? raw(" selected") : ""}>${t(`dcon.schedule.${s}`)}</option>`,
    )}</select></div>
<p class="actions"><button class="primary" type="submit">${t("dcon.f.save")}</button></p>
</form>
${
  o.id === undefined
    ? ""
    : html`<form class="card" method="post" action="/health/connections/${o.id}/delete">${csrfField(view)}
<p class="muted">${t("dcon.deleteHint")}</p>
<p><button class="secondary" type="submit">${t("dcon.delete")}</button></p>
</form>`
}`,
  });
}
