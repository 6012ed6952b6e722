// The form that sets one target of a programme: an indicator it follows, one of its regions or
// their districts, a year and the value aimed at (empty removes the target).
import { html } from "hono/html";
import type { MessageKey } from "../../../i18n/index.ts";
import type { UnitName } from "../../../services/programme/programme-pages.ts";
import type { TargetForm } from "../../../services/programme/targets.ts";
import {
  csrfField,
  errorSummary,
  type FieldErrors,
  field,
  selectField,
} from "../../shared/forms.ts";
import type { Html, View } from "../../shared/view.ts";

export const TARGET_FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  "period.invalid": "prog.e.targetPeriod",
  "value.invalid": "prog.e.targetValue",
};

export const EMPTY_TARGET_FORM: TargetForm = { indicator: "", unit: "", period: "", value: "" };

export function targetForm(
  view: View,
  o: {
    programmeId: number;
    indicators: readonly { indicatorId: number; name: string }[];
    units: readonly UnitName[];
    values: TargetForm;
    errors: FieldErrors;
  },
): Html {
  const { t } = view;
  const { values, errors } = o;
  const choose: [string, string][] = [["", "—"]];
  return html`<form class="card" method="post" action="/programme/${o.programmeId}/targets" novalidate id="targets">${csrfField(view)}
${errorSummary(view, errors)}
<p class="muted">${t("prog.targets.hint")}</p>
${selectField({
  name: "indicator",
  label: t("prog.f.targetIndicator"),
  value: values.indicator,
  options: [
    ...choose,
    ...o.indicators.map((i): [string, string] => [String(i.indicatorId), i.name]),
  ],
  error: errors.indicator,
})}
${selectField({
  name: "unit",
  label: t("prog.f.targetUnit"),
  value: values.unit,
  options: [...choose, ...o.units.map((u): [string, string] => [String(u.id), u.name])],
  error: errors.unit,
})}
${field({ name: "period", label: t("prog.f.targetPeriod"), value: values.period, error: errors.period, attrs: html` inputmode="numeric" maxlength="4"` })}
${field({ name: "value", label: t("prog.f.targetValue"), value: values.value, error: errors.value, attrs: html` inputmode="decimal"` })}
<p class="actions"><button class="secondary" type="submit">${t("prog.saveTarget")}</button></p>
</form>`;
}
