// The health-data import pages: the upload form with the recent imports, and one import's page —
// its progress while it runs (the page reloads itself every few seconds, no script needed), then
// DHIS2's kind of summary with every refused row and its reason.
import { html, raw } from "hono/html";
import { isDhis2PullCode } from "../../../domain/health/dhis2-pull.ts";
import { formatDate, formatDateTime, formatNumber } from "../../../domain/shared/format.ts";
import { dhis2Message } from "../../../i18n/health/dhis2.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type { DataImportSummary, ImportJobView } from "../../../services/health/import-jobs.ts";
import { UPLOAD_KINDS } from "../../../services/health/uploads.ts";
import { csrfField } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";
import { facilityWarnings, fileFormats, unitsSummary } from "./import-files.ts";

const stateLabel = (view: View, job: ImportJobView) =>
  view.t(`himp.state.${job.status.state}` as MessageKey);

export function importsPage(
  view: View,
  jobs: readonly ImportJobView[],
  o: { missing?: boolean } = {},
): Html {
  const { t } = view;
  return page(view, {
    title: t("himp.title"),
    body: html`<h1>${t("himp.title")}</h1>
<p>${t("himp.intro")}</p>
<form class="card" method="post" action="/health/imports" enctype="multipart/form-data">
${csrfField(view)}
${o.missing ? html`<p class="alert" role="alert">${t("himp.missing")}</p>` : ""}
<div class="field"><label for="himp-file">${t("himp.file")}</label>
<input id="himp-file" type="file" name="file" required accept=".json,.gz,.xml,.csv,.adx,.xlsx,application/json,application/xml,text/csv,application/gzip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></div>
<fieldset><legend>${t("himp.kind")}</legend>
${UPLOAD_KINDS.map(
  (k) =>
    html`<label class="choice"><input type="radio" name="kind" value="${k}"${k === "auto" ? raw(" checked") : ""}> ${t(`himp.kind.${k}`)}</label>`,
)}
</fieldset>
<label class="choice"><input type="checkbox" name="dryRun" value="1"> ${t("himp.dryRun")}</label>
<p class="actions"><button class="primary" type="submit">${t("himp.submit")}</button></p>
</form>
${fileFormats(view)}
<p><a href="/health/connections">${t("dcon.link")}</a></p>
<h2>${t("himp.recent")}</h2>
${
  jobs.length === 0
    ? html`<p class="muted">${t("himp.none")}</p>`
    : html`<ul class="list">${jobs.map(
        (j) =>
          html`<li><a href="/health/imports/${j.id}">${j.source === "dhis2" ? t("himp.job.pullTitle", { name: j.name }) : j.name}</a> — ${stateLabel(view, j)}${j.dryRun ? html` (${t("himp.dryRun")})` : ""} <span class="muted">${formatDate(view.lang, j.createdAt.toISOString().slice(0, 10))}</span></li>`,
      )}</ul>`
}`,
  });
}

/** The limit a refusal names: a byte cap in megabytes, a count as a number, else the upload's. */
function maxOf(view: View, details: Readonly<Record<string, string | number>>): string {
  const mb = view.lang === "fr" ? "Mo" : "MB";
  if (typeof details.maxBytes === "number")
    return `${formatNumber(view.lang, Math.round(details.maxBytes / 1024 / 1024))}\u00a0${mb}`;
  if (typeof details.max === "number") return formatNumber(view.lang, details.max);
  return `200\u00a0${mb}`;
}

export function importJobPage(view: View, job: ImportJobView): Html {
  const { t } = view;
  const s = job.status;
  const waiting =
    s.state === "queued" ||
    s.state === "running" ||
    (s.state === "pull_failed" && s.retryAt !== null);
  let body: Html;
  if (s.state === "queued")
    body = html`<p class="notice" role="status">${t("himp.job.queued")}</p>`;
  else if (s.state === "running")
    body = html`<p class="notice" role="status">${
      s.merged
        ? t("himp.job.merging", {
            done: s.merged.done,
            of: s.merged.of,
            percent: Math.floor((100 * s.merged.done) / Math.max(1, s.merged.of)),
          })
        : t("himp.job.running", { values: s.valuesRead })
    }</p>`;
  else if (s.state === "refused")
    body = html`<p class="alert" role="alert">${t("himp.job.refused", {
      reason: t(`read.${s.code}` as MessageKey, {
        columns: "",
        column: "",
        ...s.details,
        max: maxOf(view, s.details),
      }),
    })}</p>`;
  else if (s.state === "failed")
    body = html`<p class="alert" role="alert">${t("himp.job.failed")}</p>`;
  else if (s.state === "pull_failed") {
    const reason = isDhis2PullCode(s.code)
      ? dhis2Message(view.lang, s.code, s.details)
      : t("himp.job.failed");
    body = html`<p class="alert" role="alert">${t("himp.job.pullFailed", { reason })}</p>${
      s.retryAt
        ? html`<p class="notice">${t("himp.job.retryAt", { at: formatDateTime(view.lang, s.retryAt) })}</p>`
        : ""
    }`;
  } else body = summary(view, s.result);
  const title =
    job.source === "dhis2"
      ? t("himp.job.pullTitle", { name: job.name })
      : t("himp.job.title", { name: job.name });
  return page(view, {
    title,
    ...(waiting ? { head: html`<meta http-equiv="refresh" content="3">` } : {}),
    body: html`<h1>${title}</h1>
${job.dryRun ? html`<p class="notice">${t("himp.job.dryRun")}</p>` : ""}
${body}
<p><a href="/health/imports">${t("himp.back")}</a>${
      job.source === "dhis2" ? html` · <a href="/health/connections">${t("dcon.back")}</a>` : ""
    }</p>`,
  });
}

function summary(
  view: View,
  result: Extract<ImportJobView["status"], { state: "done" }>["result"],
): Html {
  const { t } = view;
  if (result.kind === "units") return unitsSummary(view, result.summary);
  if (result.kind === "facility")
    return html`${valuesSummary(view, result.result.summary)}${facilityWarnings(view, result.result)}`;
  if (result.kind === "metadata") {
    const m = result.summary;
    return html`<p class="notice" role="status">${t("himp.sum.metadata", { imported: m.imported, updated: m.updated, ignored: m.ignored })}</p>
${
  m.rejected.length > 0
    ? html`<h2>${t("himp.rows")}</h2><table><thead><tr><th>${t("himp.row")}</th><th>${t("himp.reason")}</th></tr></thead><tbody>${m.rejected.map(
        (r) =>
          html`<tr><td>${r.collection} ${r.row}${r.id ? ` (${r.id})` : ""}</td><td>${r.reason
            .split(",")
            .map((code) =>
              code.startsWith("expression_")
                ? t("meta.expression", { code: code.slice(11) })
                : t(`meta.${code}` as MessageKey),
            )
            .join(" ")}</td></tr>`,
      )}</tbody></table>`
    : ""
}`;
  }
  return valuesSummary(view, result.summary);
}

function valuesSummary(view: View, v: DataImportSummary): Html {
  const { t } = view;
  const rejected = v.rejected.length + v.rejectedNotListed;
  const cells = [
    ["himp.sum.imported", v.imported],
    ["himp.sum.updated", v.updated],
    ["himp.sum.deleted", v.deleted],
    ["himp.sum.ignored", v.ignored],
    ["himp.sum.rejected", rejected],
  ] as const;
  return html`<ul class="counts" role="status">${cells.map(
    ([k, n]) => html`<li><b>${formatNumber(view.lang, n)}</b> ${t(k)}</li>`,
  )}</ul>
${
  v.rejected.length > 0
    ? html`<h2>${t("himp.rows")}</h2><table><thead><tr><th>${t("himp.row")}</th><th>${t("himp.reason")}</th></tr></thead><tbody>${v.rejected.map(
        (r) =>
          html`<tr><td>${r.row}</td><td>${t(`row.${r.reason}` as MessageKey, {
            dataElement: r.dataElement ?? "",
            orgUnit: r.orgUnit ?? "",
            period: r.period ?? "",
            value: r.value ?? "",
          })}</td></tr>`,
      )}</tbody></table>
${v.rejectedNotListed > 0 ? html`<p>${t("himp.rowsNotListed", { count: v.rejectedNotListed })}</p>` : ""}`
    : ""
}`;
}
