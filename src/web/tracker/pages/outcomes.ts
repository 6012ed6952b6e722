// The coordinator's outcome goals: per commitment its goals (each a form, with what the public
// pages show of it), the data series with a form to add one, and the import of a series file.
// A refused form comes back with what was typed and each error beside its field.
import { html } from "hono/html";
import { formatInputNumber } from "../../../domain/shared/format.ts";
import type { ImportSummary } from "../../../domain/shared/import-summary.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import {
  GOAL_LIMITS,
  type GoalErrors,
  type GoalForm,
  type OutcomeRejection,
  type OutcomeSetup,
  SERIES_LIMITS,
  type SeriesErrors,
  type SeriesForm,
} from "../../../services/tracker/outcome-setup.ts";
import type { OutcomeView } from "../../../services/tracker/outcomes.ts";
import { csrfField, errorSummary, field, fieldMessages } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";
import { outcomeLine } from "../components.ts";

export interface ImportTyped {
  series: string;
  format: string;
  source: string;
  url: string;
  indicator: string;
  group: string;
}

export interface OutcomesState {
  notice?: string;
  /** The goal form that came back: "2:15" (commitment 2, goal 15) or "2:new". */
  goal?: { key: string; typed: GoalForm; errors: GoalErrors };
  series?: { typed: SeriesForm; errors: SeriesErrors };
  import?: {
    typed: ImportTyped;
    errors?: Record<string, string>;
    columns?: string;
    result?: { series: string; summary: ImportSummary<OutcomeRejection>; scaled: boolean };
  };
}

const SPECIFIC: Record<string, MessageKey> = {
  "baseline_year.after_target": "oc.error.afterTarget",
  "direction.contradicts": "oc.error.contradicts",
  "baseline_value.invalid": "oc.error.number",
  "target_value.invalid": "oc.error.number",
  "baseline_year.invalid": "oc.error.year",
  "target_year.invalid": "oc.error.year",
  "series.unknown": "oc.error.series.unknown",
  "series.not_imported": "oc.error.series.not_imported",
  "code.format": "oc.error.code.format",
  "indicator.unknown": "oc.error.unknown",
  "org_unit.unknown": "oc.error.unknown",
  "indicator.not_public": "oc.error.notPublic",
  "file.too_large": "oc.error.file.too_large",
  "file.unreadable": "oc.error.file.unreadable",
  "file.not_dhs": "oc.error.file.not_dhs",
  "file.too_many_rows": "oc.error.file.too_many_rows",
};

function goalTyped(view: View, g: OutcomeView | null): GoalForm {
  const n = (v: number | undefined | null) => (v == null ? "" : formatInputNumber(view.lang, v));
  return {
    label: g?.labels.fr ?? "",
    labelEn: g?.labels.en ?? "",
    unit: g?.unit ?? "%",
    baselineYear: g?.baseline ? String(g.baseline.year) : "",
    baselineValue: n(g?.baseline?.value),
    baselineSource: g?.baseline?.source ?? "",
    targetYear: g ? String(g.target.year) : "",
    targetValue: n(g?.target.value),
    direction: g?.direction ?? "increase",
    series: g?.series?.code ?? "",
  };
}

function goalForm(
  view: View,
  setup: OutcomeSetup,
  commitment: number,
  goal: OutcomeView | null,
  state: OutcomesState,
): Html {
  const { t } = view;
  const key = `${commitment}:${goal?.goalId ?? "new"}`;
  const back = state.goal?.key === key ? state.goal : undefined;
  const v = back?.typed ?? goalTyped(view, goal);
  const e = fieldMessages(view, back?.errors ?? {}, SPECIFIC, GOAL_LIMITS);
  const p = `g${commitment}-${goal?.goalId ?? "new"}-`;
  const f = (
    name: string,
    label: MessageKey,
    value: string,
    extra: Partial<Parameters<typeof field>[0]> = {},
  ) => field({ name, label: t(label), value, error: e[name], idPrefix: p, ...extra });
  const options = (selected: string, list: [string, string][]) =>
    list.map(
      ([value, label]) =>
        html`<option value="${value}"${value === selected ? html` selected` : ""}>${label}</option>`,
    );
  return html`<form method="post" action="/manage/outcomes/goals" id="${p}form" novalidate>${csrfField(view)}
<input type="hidden" name="commitment" value="${commitment}"><input type="hidden" name="goal" value="${goal?.goalId ?? ""}">
${errorSummary(view, e)}
${f("label", "oc.field.label", v.label, { required: true, attrs: html` maxlength="300" lang="fr"` })}
${f("label_en", "oc.field.labelEn", v.labelEn, { attrs: html` maxlength="300" lang="en"` })}
<div class="grid two">
${f("baseline_year", "oc.field.baselineYear", v.baselineYear, { attrs: html` inputmode="numeric" maxlength="4"` })}
${f("baseline_value", "oc.field.baselineValue", v.baselineValue, { attrs: html` inputmode="decimal"` })}
${f("target_year", "oc.field.targetYear", v.targetYear, { required: true, attrs: html` inputmode="numeric" maxlength="4"` })}
${f("target_value", "oc.field.targetValue", v.targetValue, { required: true, attrs: html` inputmode="decimal"` })}
${f("unit", "oc.field.unit", v.unit, { attrs: html` maxlength="20"` })}
${f("baseline_source", "oc.field.baselineSource", v.baselineSource, { attrs: html` maxlength="200"` })}
</div>
<div class="field"><label for="${p}direction">${t("oc.field.direction")}</label><select id="${p}direction" name="direction">${options(
    v.direction,
    [
      ["increase", t("oc.direction.increase")],
      ["decrease", t("oc.direction.decrease")],
    ],
  )}</select>${e.direction ? html`<p class="error">${e.direction}</p>` : ""}</div>
<div class="field"><label for="${p}series">${t("oc.field.series")}</label><select id="${p}series" name="series">${options(
    v.series,
    [
      ["", t("oc.series.none")],
      ...setup.series.map((s): [string, string] => [s.code, `${s.code} — ${s.name}`]),
    ],
  )}</select>${e.series ? html`<p class="error">${e.series}</p>` : ""}</div>
<p class="actions"><button class="primary" type="submit">${goal ? t("oc.goal.save") : t("oc.goal.new")}</button></p>
</form>`;
}

function seriesSection(view: View, setup: OutcomeSetup, state: OutcomesState): Html {
  const { t } = view;
  const v: SeriesForm = state.series?.typed ?? {
    code: "",
    name: "",
    nameEn: "",
    unit: "%",
    sourceKind: "imported",
    indicator: "",
    orgUnit: "",
  };
  const e = fieldMessages(view, state.series?.errors ?? {}, SPECIFIC, SERIES_LIMITS);
  return html`<section class="card" aria-labelledby="series"><h2 id="series">${t("oc.series.title")}</h2>
${
  setup.series.length === 0
    ? html`<p class="muted">${t("oc.series.empty")}</p>`
    : html`<ul>${setup.series.map(
        (s) =>
          html`<li><b>${s.code}</b> — ${s.name} <span class="muted">(${t(`oc.kind.${s.sourceKind}`)}${s.sourceKind === "imported" ? html`, ${t("oc.series.points", { count: s.points })}` : ""})</span></li>`,
      )}</ul>`
}
<h3>${t("oc.series.new")}</h3>
${errorSummary(view, e)}
<form method="post" action="/manage/outcomes/series" novalidate>${csrfField(view)}
${field({ name: "code", label: t("oc.field.code"), hint: t("oc.field.code.hint"), value: v.code, required: true, error: e.code, attrs: html` maxlength="40" spellcheck="false"` })}
${field({ name: "name", label: t("oc.field.name"), value: v.name, required: true, error: e.name, attrs: html` maxlength="300" lang="fr"` })}
${field({ name: "name_en", label: t("oc.field.nameEn"), value: v.nameEn, error: e.name_en, attrs: html` maxlength="300" lang="en"` })}
${field({ name: "unit", label: t("oc.field.unit"), value: v.unit, error: e.unit, attrs: html` maxlength="20"` })}
<fieldset><legend>${t("oc.field.sourceKind")}</legend>
${(["imported", "health_indicator"] as const).map((k) => html`<label><input type="radio" name="source_kind" value="${k}"${v.sourceKind === k ? html` checked` : ""}> ${t(`oc.kind.${k}`)}</label> `)}
${e.source_kind ? html`<p class="error">${e.source_kind}</p>` : ""}</fieldset>
${field({ name: "indicator", label: t("oc.field.indicator"), value: v.indicator, error: e.indicator, attrs: html` maxlength="50" spellcheck="false"` })}
${field({ name: "org_unit", label: t("oc.field.orgUnit"), value: v.orgUnit, error: e.org_unit, attrs: html` maxlength="50" spellcheck="false"` })}
<p class="actions"><button class="primary" type="submit">${t("oc.series.create")}</button></p>
</form></section>`;
}

function importSection(view: View, setup: OutcomesSetupLike, state: OutcomesState): Html {
  const { t } = view;
  const imp = state.import;
  const v: ImportTyped = imp?.typed ?? {
    series: "",
    format: "csv",
    source: "",
    url: "",
    indicator: "",
    group: "",
  };
  const reasons = { ...(imp?.errors ?? {}) };
  const e = fieldMessages(view, reasons, SPECIFIC);
  if (reasons.file === "columns_missing")
    e.file = t("oc.error.file.columns_missing", { columns: imp?.columns ?? "" });
  const result = imp?.result;
  const imported = setup.series.filter((s) => s.sourceKind === "imported");
  return html`<section class="card" aria-labelledby="import"><h2 id="import">${t("oc.import.title")}</h2>
<p class="muted">${t("oc.import.intro")}</p>
${
  result
    ? html`<div class="notice" role="status"><p>${t("oc.import.done", { series: result.series, imported: result.summary.imported, updated: result.summary.updated, ignored: result.summary.ignored, rejected: result.summary.rejected.length })}</p>
${result.scaled ? html`<p>${t("oc.import.scaled")}</p>` : ""}
${result.summary.rejected.length > 0 ? html`<ul>${result.summary.rejected.slice(0, 50).map((r) => html`<li>${t("oc.import.row", { row: r.row, reason: t(`oc.reason.${r.reason}`), value: r.value })}</li>`)}</ul>` : ""}</div>`
    : ""
}
${errorSummary(view, e)}
<form method="post" action="/manage/outcomes/import" enctype="multipart/form-data" novalidate>${csrfField(view)}
<div class="field"><label for="f-imp-series">${t("oc.field.series")}</label><select id="f-imp-series" name="series">${imported.map((s) => html`<option value="${s.code}"${s.code === v.series ? html` selected` : ""}>${s.code} — ${s.name}</option>`)}</select>${e.series ? html`<p class="error">${e.series}</p>` : ""}</div>
<div class="field"><label for="f-imp-format">${t("oc.field.format")}</label><select id="f-imp-format" name="format">${(["csv", "track20", "dhs"] as const).map((f) => html`<option value="${f}"${f === v.format ? html` selected` : ""}>${t(`oc.format.${f}`)}</option>`)}</select></div>
<div class="field"><label for="f-imp-file">${t("oc.field.file")}</label><input id="f-imp-file" type="file" name="file" accept=".csv,.json,text/csv,application/json"${e.file ? html` aria-invalid="true"` : ""}>${e.file ? html`<p class="error">${e.file}</p>` : ""}</div>
${field({ name: "source", label: t("oc.field.source"), value: v.source, error: e.source, idPrefix: "imp-", attrs: html` maxlength="200"` })}
${field({ name: "url", label: t("oc.field.url"), value: v.url, error: e.url, idPrefix: "imp-", type: "url", attrs: html` maxlength="500"` })}
${field({ name: "indicator", label: t("oc.field.filter"), value: v.indicator, idPrefix: "imp-", attrs: html` maxlength="80"` })}
${field({ name: "group", label: t("oc.field.group"), value: v.group, idPrefix: "imp-", attrs: html` maxlength="80"` })}
<p class="actions"><button class="primary" type="submit">${t("oc.import.submit")}</button></p>
</form></section>`;
}

type OutcomesSetupLike = Pick<OutcomeSetup, "series">;

export function outcomesPage(view: View, setup: OutcomeSetup, state: OutcomesState = {}): Html {
  const { t } = view;
  return page(view, {
    title: t("oc.title"),
    body: html`<p class="crumbs"><a href="/manage">${t("nav.workspace")}</a></p>
<h1>${t("oc.title")}</h1>
<p>${t("oc.intro")}</p>
${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : ""}
${setup.commitments.map(
  (c) => html`<section class="card" aria-labelledby="c${c.number}" id="commitment-${c.number}">
<h2 id="c${c.number}">${t("oc.commitment", { number: c.number })}</h2>
<p>${c.title}</p>
${c.goals.length === 0 ? html`<p class="muted">${t("oc.goal.none")}</p>` : ""}
${c.goals.map((g) => html`<details${state.goal?.key === `${c.number}:${g.goalId}` ? html` open` : ""}><summary>${g.label}</summary>${outcomeLine(view, g)}${goalForm(view, setup, c.number, g, state)}</details>`)}
<details${state.goal?.key === `${c.number}:new` ? html` open` : ""}><summary>${t("oc.goal.new")}</summary>${goalForm(view, setup, c.number, null, state)}</details>
</section>`,
)}
${seriesSection(view, setup, state)}
${importSection(view, setup, state)}`,
  });
}
