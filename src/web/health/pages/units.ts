// The organisation-unit pages: the tree by level (a link per level) or by a search, as a list
// that reads on a phone; one unit with its ancestors, the form that edits, moves or closes it,
// and the units inside it; the form that adds a unit. Every error is said beside its field.
import { html } from "hono/html";
import { formatDate } from "../../../domain/shared/format.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type {
  TreePage,
  TreeRow,
  UnitFields,
  UnitView,
} from "../../../services/health/org-units.ts";
import { csrfField, errorSummary, type FieldErrors, field } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

/** The form's own words for a refusal (`field.reason`), before the general ones. */
export const UNIT_FIELD_MESSAGES: Readonly<Record<string, MessageKey>> = {
  "code.taken": "hou.e.code.taken",
  "uid.taken": "hou.e.uid.taken",
  "uid.invalid": "hou.e.uid.invalid",
  "parent.not_found": "hou.e.parent.not_found",
  "parent.under_itself": "hou.e.parent.under_itself",
  "parent.under_descendant": "hou.e.parent.under_descendant",
  "openingDate.invalid": "hou.e.date.invalid",
  "closedDate.invalid": "hou.e.date.invalid",
  "closedDate.before_opening": "hou.e.closedDate.before_opening",
};

function rowsList(view: View, rows: readonly TreeRow[]): Html {
  const { t } = view;
  if (rows.length === 0) return html`<p class="muted">${t("hou.none")}</p>`;
  return html`<ul class="list">${rows.map(
    (r) =>
      html`<li><a href="/health/units/${r.id}">${r.name}</a>${r.code ? html` <span class="muted">${r.code}</span>` : ""}${
        r.parentName ? html` — ${r.parentName}` : ""
      }${r.children > 0 ? html` · ${r.children} ${t("hou.col.children").toLowerCase()}` : ""}${
        r.closedDate
          ? html` · <b>${t("hou.closed", { date: formatDate(view.lang, r.closedDate) })}</b>`
          : ""
      }</li>`,
  )}</ul>`;
}

export function treePage(view: View, data: TreePage): Html {
  const { t } = view;
  return page(view, {
    title: t("hou.title"),
    body: html`<h1>${t("hou.title")}</h1>
<p>${t("hou.intro")}</p>
<p class="actions"><a class="button primary" href="/health/units/new">${t("hou.add")}</a> <a href="/health/imports">${t("hou.import")}</a></p>
<form class="card" method="get" action="/health/units" role="search">
<div class="field"><label for="hou-q">${t("hou.search")}</label>
<input id="hou-q" type="search" name="q" value="${data.search}"></div>
<p class="actions"><button class="secondary" type="submit">${t("hou.searchButton")}</button></p>
</form>
<nav aria-label="${t("hou.levels")}"><h2>${t("hou.levels")}</h2><ul class="list">${data.levels.map(
      (l) =>
        html`<li>${
          data.level === l.level
            ? html`<b aria-current="page">${l.level}. ${l.name}</b>`
            : html`<a href="/health/units?level=${l.level}">${l.level}. ${l.name}</a>`
        } <span class="muted">(${l.count})</span></li>`,
    )}</ul></nav>
${
  data.search !== ""
    ? html`<p role="status">${t("hou.found", { count: data.rows.length, search: data.search })}</p>`
    : html`<h2>${data.levels.find((l) => l.level === data.level)?.name ?? ""}</h2>`
}
${rowsList(view, data.rows)}
${data.more ? html`<p class="muted">${t("hou.more", { max: data.rows.length })}</p>` : ""}`,
  });
}

/** Where a new unit's form posts: a unit not yet placed has no parent to change. */
const NEW_UNIT_ACTION = "/health/units";

function unitForm(
  view: View,
  o: { action: string; values: UnitFields; errors: FieldErrors; submit: MessageKey },
): Html {
  const { t } = view;
  const f = (
    name: keyof UnitFields,
    label: MessageKey,
    extra: Partial<Parameters<typeof field>[0]> = {},
  ) => field({ name, label: t(label), value: o.values[name], error: o.errors[name], ...extra });
  return html`<form class="card" method="post" action="${o.action}" novalidate>${csrfField(view)}
${errorSummary(view, o.errors)}
${f("name", "hou.f.name", { required: true })}
${f("code", "hou.f.code")}
${f("parent", "hou.f.parent", o.action === NEW_UNIT_ACTION ? {} : { hint: t("hou.f.parent.hint") })}
${f("shortName", "hou.f.shortName")}
${f("uid", "hou.f.uid")}
${f("openingDate", "hou.f.openingDate", { type: "date" })}
${f("closedDate", "hou.f.closedDate", { type: "date", hint: t("hou.f.closedDate.hint") })}
<p class="actions"><button class="primary" type="submit">${t(o.submit)}</button></p>
</form>`;
}

export const fieldsOf = (v: UnitView): UnitFields => ({
  code: v.unit.code ?? "",
  name: v.unit.name,
  shortName: v.unit.shortName ?? "",
  uid: v.unit.uid ?? "",
  parent: v.parentKey,
  openingDate: v.unit.openingDate ?? "",
  closedDate: v.unit.closedDate ?? "",
});

export function unitPage(
  view: View,
  data: UnitView,
  o: { values?: UnitFields; errors?: FieldErrors; notice?: MessageKey } = {},
): Html {
  const { t } = view;
  const u = data.unit;
  return page(view, {
    title: u.name,
    body: html`<p><a href="/health/units?level=${u.level}">${t("hou.back")}</a></p>
${
  data.ancestors.length > 0
    ? html`<nav aria-label="${t("hou.col.parent")}"><p class="muted">${data.ancestors.map(
        (a, i) => html`${i > 0 ? " › " : ""}<a href="/health/units/${a.id}">${a.name}</a>`,
      )}</p></nav>`
    : ""
}
<h1>${u.name}</h1>
<p class="muted">${t("hou.level", { level: u.level, name: data.levelName })}${
      u.closedDate
        ? html` · <b>${t("hou.closed", { date: formatDate(view.lang, u.closedDate) })}</b>`
        : ""
    }</p>
${o.notice ? html`<p class="notice" role="status">${t(o.notice)}</p>` : ""}
<h2>${t("hou.edit")}</h2>
${unitForm(view, {
  action: `/health/units/${u.id}`,
  values: o.values ?? fieldsOf(data),
  errors: o.errors ?? {},
  submit: "hou.save",
})}
<h2>${t("hou.children")}</h2>
<p><a href="/health/units/new?parent=${encodeURIComponent(data.unit.code ?? data.unit.uid ?? "")}">${t("hou.addChild")}</a></p>
${rowsList(view, data.children)}
${data.moreChildren ? html`<p class="muted">${t("hou.more", { max: data.children.length })}</p>` : ""}`,
  });
}

export function newUnitPage(view: View, values: UnitFields, errors: FieldErrors = {}): Html {
  const { t } = view;
  return page(view, {
    title: t("hou.new"),
    body: html`<p><a href="/health/units">${t("hou.back")}</a></p>
<h1>${t("hou.new")}</h1>
${unitForm(view, { action: NEW_UNIT_ACTION, values, errors, submit: "hou.create" })}`,
  });
}
