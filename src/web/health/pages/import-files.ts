// The parts of the imports page for files made without DHIS2: how to lay out the units' CSV and
// the facility file with their templates, a units import's summary with every refused line and
// its reasons, and a facility import's warnings (which did not refuse anything).
import { html } from "hono/html";
import { formatNumber } from "../../../domain/shared/format.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type { FacilityImportResult } from "../../../services/health/facility-import.ts";
import type { UnitImportSummary } from "../../../services/health/unit-import.ts";
import type { Html, View } from "../../shared/view.ts";

export function fileFormats(view: View): Html {
  const { t } = view;
  const lang = `?lang=${view.lang}`;
  return html`<h2>${t("himp.fmt.title")}</h2>
<p>${t("himp.fmt.units")}</p>
<p>${t("himp.fmt.facility")}</p>
<h3>${t("himp.tpl.title")}</h3>
<ul class="list">
<li><a href="/health/imports/templates/facility.csv${lang}" download>${t("himp.tpl.facilityCsv")}</a></li>
<li><a href="/health/imports/templates/facility.xlsx${lang}" download>${t("himp.tpl.facilityXlsx")}</a></li>
<li><a href="/health/imports/templates/units.csv${lang}" download>${t("himp.tpl.unitsCsv")}</a></li>
</ul>`;
}

export function unitsSummary(view: View, s: UnitImportSummary): Html {
  const { t } = view;
  return html`<p class="notice" role="status">${t("himp.sum.units", {
    imported: s.imported,
    updated: s.updated,
    moved: s.moved,
    ignored: s.ignored,
    rejected: s.rejected.length,
  })}</p>
${
  s.rejected.length > 0
    ? html`<h2>${t("himp.rows")}</h2><table><thead><tr><th>${t("himp.row")}</th><th>${t("himp.reason")}</th></tr></thead><tbody>${s.rejected.map(
        (r) =>
          html`<tr><td>${r.row}${r.code ? ` (${r.code})` : ""}</td><td>${r.problems
            .map((p) => t(`unit.${p}` as MessageKey))
            .join(" ")}</td></tr>`,
      )}</tbody></table>`
    : ""
}`;
}

export function facilityWarnings(view: View, result: FacilityImportResult): Html {
  const { t } = view;
  if (result.warnings.length === 0) return html``;
  const n = (x: number) => formatNumber(view.lang, x);
  return html`<h2>${t("himp.warnings")}</h2>
<p>${t("himp.warnings.intro")}</p>
<table><thead><tr><th>${t("himp.row")}</th><th>${t("himp.warning")}</th></tr></thead><tbody>${result.warnings.map(
    (w) =>
      html`<tr><td>${w.row}</td><td>${
        w.code === "outside_history"
          ? t("himp.warn.outside_history", {
              orgUnit: w.orgUnit,
              period: w.period,
              field: w.field,
              value: n(w.value),
              median: n(w.median),
            })
          : t("himp.warn.numerator_above_denominator", {
              orgUnit: w.orgUnit,
              period: w.period,
              indicator: w.indicator,
              numerator: n(w.numerator),
              denominator: n(w.denominator),
            })
      }</td></tr>`,
  )}</tbody></table>
${result.warningsNotListed > 0 ? html`<p>${t("himp.warningsNotListed", { count: result.warningsNotListed })}</p>` : ""}`;
}
