// The templates of the imports page, made from what is stored: the facility file (one value a
// line) pre-filled with a facility, last month and every numeric element and disaggregation,
// its value left empty — an empty value is skipped, so the template imports as is — beside a
// catalogue of the stored facilities and elements; and the units' file with example lines.
import { defaultOptionCombo } from "../../db/health/catalogue.ts";
import { entryElements, entryUnits } from "../../db/health/entry.ts";
import { FACILITY_TEMPLATE_HEADER } from "../../domain/health/facility-file.ts";
import { periodOf, previousPeriod } from "../../domain/health/periods.ts";
import { UNIT_TEMPLATE } from "../../domain/health/unit-file.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import type { Actor } from "../../domain/shared/policy.ts";
import { translator } from "../../i18n/index.ts";
import {
  type ImportTemplate,
  renderTemplateCsv,
  type TemplateSheet,
} from "../../reports/health/import-template.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import type { Renderer } from "../shared/rendering.ts";

export async function facilityTemplate(
  db: Db,
  actor: Actor,
  lang: Lang,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<ImportTemplate> {
  authorise(actor, "health.write");
  const t = translator(lang);
  const units = await entryUnits(db);
  const elements = await entryElements(db, await defaultOptionCombo(db));
  const numeric = elements.filter((e) => e.valueType !== "TEXT");
  const month = previousPeriod(periodOf("Monthly", today), 1).id;
  const first = units[0];
  const codeOf = (u: { key: string }) => u.key;
  const values: TemplateSheet = {
    name: t("himp.tpl.values"),
    header: FACILITY_TEMPLATE_HEADER[lang],
    rows: first
      ? numeric.flatMap((e) =>
          e.combos.map((c) => [
            codeOf(first),
            `${month.slice(0, 4)}-${month.slice(4)}`,
            e.key,
            null,
            e.combos.length > 1 ? c.key : null,
          ]),
        )
      : [],
  };
  const facilities: TemplateSheet = {
    name: t("himp.tpl.facilities"),
    header: [t("himp.tpl.code"), t("himp.tpl.name"), t("himp.tpl.parent")],
    rows: units.map((u) => [u.key, u.name, u.parentName]),
  };
  const catalogue: TemplateSheet = {
    name: t("himp.tpl.elements"),
    header: [t("himp.tpl.code"), t("himp.tpl.name"), t("himp.tpl.combo"), t("himp.tpl.comboName")],
    rows: numeric.flatMap((e) => e.combos.map((c) => [e.key, e.name, c.key, c.name])),
  };
  return { title: t("himp.tpl.facilityTitle"), sheets: [values, facilities, catalogue] };
}

export function unitTemplate(actor: Actor, lang: Lang): ImportTemplate {
  authorise(actor, "health.write");
  const t = translator(lang);
  return {
    title: t("himp.tpl.unitsTitle"),
    sheets: [
      { name: t("himp.tpl.units"), header: UNIT_TEMPLATE.header[lang], rows: UNIT_TEMPLATE.rows },
    ],
  };
}

export type TemplateName = "facility.csv" | "facility.xlsx" | "units.csv";

/** A template as a file to download: CSV drawn here, a workbook in the rendering worker. */
export async function templateFile(
  db: Db,
  renderer: Renderer,
  actor: Actor,
  lang: Lang,
  name: TemplateName,
): Promise<{ bytes: Uint8Array; type: string; name: string }> {
  const template =
    name === "units.csv" ? unitTemplate(actor, lang) : await facilityTemplate(db, actor, lang);
  const file = `jalon-${name.replace(".", `-${lang}.`)}`;
  if (name.endsWith(".csv")) {
    const sheet = template.sheets[0] as TemplateSheet;
    return {
      bytes: new TextEncoder().encode(renderTemplateCsv(sheet, lang)),
      type: "text/csv; charset=utf-8",
      name: file,
    };
  }
  return {
    bytes: await renderer.render({ kind: "import-template-xlsx", model: template }),
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    name: file,
  };
}
