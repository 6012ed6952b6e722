// Importing the register from a file: the upload form the register page shows to those who
// write (a programme, a file, the templates), the preview of what the file would do (rows to
// import, to update, unchanged, refused with row and reasons) with the form that confirms it,
// and the same summary once imported.
import { html } from "hono/html";
import { formatNumber } from "../../../domain/shared/format.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type {
  RegisterPreview,
  RegisterUploadRefusal,
} from "../../../services/programme/register-uploads.ts";
import { csrfField } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

/** Refused rows listed at most; the others are counted. */
const LISTED = 500;

function refusalText(view: View, refusal: RegisterUploadRefusal): string {
  const { t } = view;
  if (refusal.kind === "missing") return t("mwimp.missing");
  if (refusal.kind === "programme") return t("mwimp.badProgramme");
  return t("mwimp.refused", {
    reason: t(`read.${refusal.code}` as MessageKey, {
      max: "20 Mo",
      columns: "",
      column: "",
      ...refusal.details,
    }),
  });
}

export function registerUploadForm(
  view: View,
  programmes: readonly { id: number; name: string }[],
  o: { refusal?: RegisterUploadRefusal | undefined; programmeId?: number | null } = {},
): Html {
  const { t } = view;
  const lang = `?lang=${view.lang}`;
  const templates = html`<h3>${t("mwimp.templates")}</h3>
<ul class="list">
<li><a href="/programme/midwives/templates/register.csv${lang}" download>${t("mwimp.tplCsv")}</a></li>
<li><a href="/programme/midwives/templates/register.xlsx${lang}" download>${t("mwimp.tplXlsx")}</a></li>
</ul>`;
  const chosen = o.programmeId ?? (programmes.length === 1 ? programmes[0]?.id : null);
  return html`<section aria-labelledby="mwimp-title"><h2 id="mwimp-title">${t("mwimp.title")}</h2>
<p>${t("mwimp.intro")}</p>
${
  programmes.length === 0
    ? html`<p class="muted">${t("mwimp.noProgramme")}</p>`
    : html`<form class="card" method="post" action="/programme/midwives/import" enctype="multipart/form-data">${csrfField(view)}
${o.refusal ? html`<p class="alert" role="alert">${refusalText(view, o.refusal)}</p>` : ""}
<div class="field"><label for="mwimp-programme">${t("mwimp.programme")}</label><select id="mwimp-programme" name="programme" required>${programmes.map(
        (p) =>
          html`<option value="${p.id}"${p.id === chosen ? html` selected` : ""}>${p.name}</option>`,
      )}</select></div>
<div class="field"><label for="mwimp-file">${t("mwimp.file")}</label><input id="mwimp-file" type="file" name="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></div>
<p class="actions"><button class="primary" type="submit">${t("mwimp.check")}</button></p>
</form>`
}
${templates}
</section>`;
}

/** The upload form alone, when an upload was refused as a whole (missing, unreadable…). */
export function registerUploadRefusedPage(
  view: View,
  programmes: readonly { id: number; name: string }[],
  refusal: RegisterUploadRefusal,
  programmeId: number | null,
): Html {
  const { t } = view;
  return page(view, {
    title: t("mwimp.title"),
    body: html`<p class="crumbs"><a href="/programme/midwives">${t("mwimp.cancel")}</a></p>
<h1>${t("mwimp.title")}</h1>
${registerUploadForm(view, programmes, { refusal, programmeId })}`,
  });
}

function counts(view: View, preview: Omit<RegisterPreview, "token">, done: boolean): Html {
  const { t } = view;
  const s = preview.summary;
  return html`<ul class="list">
<li>${t(done ? "mwimp.imported" : "mwimp.toImport", { count: s.imported })}</li>
<li>${t(done ? "mwimp.updated" : "mwimp.toUpdate", { count: s.updated })}</li>
<li>${t("mwimp.unchanged", { count: s.ignored })}</li>
<li>${t("mwimp.rejected", { count: s.rejected.length })}</li>
</ul>
<p class="muted">${t("mwimp.added", s.added)}</p>`;
}

function rejectedRows(view: View, preview: Omit<RegisterPreview, "token">): Html {
  const { t, lang } = view;
  const rejected = preview.summary.rejected;
  if (rejected.length === 0) return html``;
  const more = rejected.length - LISTED;
  return html`<section aria-labelledby="mwimp-rejected"><h2 id="mwimp-rejected">${t("mwimp.rejectedTitle")}</h2>
<p>${t("mwimp.rejectedIntro")}</p>
<ul class="list">${rejected
    .slice(0, LISTED)
    .map(
      (r) =>
        html`<li><b>${t("mwimp.row", { row: formatNumber(lang, r.row) })}</b>${r.name ? html` — ${r.name}` : ""}<br>${r.problems
          .map((p) => t(`mwrow.${p}` as MessageKey))
          .join(" ")}</li>`,
    )}</ul>
${more > 0 ? html`<p>${t("mwimp.notListed", { count: more })}</p>` : ""}
</section>`;
}

/** What the file would do, and the form that imports it (when it changes anything). */
export function registerPreviewPage(view: View, preview: RegisterPreview): Html {
  const { t } = view;
  return page(view, {
    title: t("mwimp.previewTitle"),
    body: html`<p class="crumbs"><a href="/programme/midwives">${t("mwimp.cancel")}</a></p>
<h1>${t("mwimp.previewTitle")}</h1>
<p>${t("mwimp.previewIntro", { file: preview.fileName, programme: preview.programme.name })}</p>
${counts(view, preview, false)}
${
  preview.token
    ? html`<form method="post" action="/programme/midwives/import/confirm">${csrfField(view)}<input type="hidden" name="token" value="${preview.token}">
<p class="actions"><button class="primary" type="submit">${t("mwimp.confirm")}</button> <a href="/programme/midwives">${t("mwimp.cancel")}</a></p>
</form>`
    : html`<p class="notice" role="status">${t("mwimp.nothing")}</p>`
}
${rejectedRows(view, preview)}`,
  });
}

/** The summary once the file is imported. */
export function registerImportedPage(view: View, result: Omit<RegisterPreview, "token">): Html {
  const { t } = view;
  return page(view, {
    title: t("mwimp.doneTitle"),
    body: html`<p class="crumbs"><a href="/programme/midwives">${t("mwimp.cancel")}</a></p>
<h1>${t("mwimp.doneTitle")}</h1>
<p class="notice" role="status">${t("mwimp.doneIntro", { file: result.fileName, programme: result.programme.name })}</p>
${counts(view, result, true)}
${rejectedRows(view, result)}`,
  });
}

/** A confirmation whose upload is no longer kept: send the file again. */
export function registerExpiredPage(
  view: View,
  programmes: readonly { id: number; name: string }[],
): Html {
  const { t } = view;
  return page(view, {
    title: t("mwimp.title"),
    body: html`<p class="crumbs"><a href="/programme/midwives">${t("mwimp.cancel")}</a></p>
<h1>${t("mwimp.title")}</h1>
<p class="alert" role="alert">${t("mwimp.expired")}</p>
${registerUploadForm(view, programmes)}`,
  });
}
