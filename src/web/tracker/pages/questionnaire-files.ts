// The questionnaire as a file on the page: the download link, the upload form, and the page that
// reports an import's outcome (counts and refused rows) or why the whole file was refused.

import { html } from "hono/html";
import { summaryCounts } from "../../../domain/shared/import-summary.ts";
import { partnerShortName } from "../../../domain/tracker/partner.ts";
import type { MessageKey } from "../../../i18n/index.ts";
import type { QuestionnaireView } from "../../../services/tracker/questionnaire.ts";
import type { ImportResult } from "../../../services/tracker/questionnaire-files.ts";
import { csrfField } from "../../shared/forms.ts";
import { page } from "../../shared/layout.ts";
import type { Html, View } from "../../shared/view.ts";

const base = (q: Pick<QuestionnaireView, "cycle" | "partner">) =>
  `/q/${encodeURIComponent(q.cycle.slug)}/${encodeURIComponent(q.partner.slug)}`;

/** The download link for every reader; the upload form where answers are accepted. */
export function filesSection(view: View, q: QuestionnaireView): Html {
  const { t } = view;
  return html`<section class="card" aria-labelledby="files"><h2 id="files">${t("files.title")}</h2>
<p>${t("files.intro")}</p>
<p><a href="${base(q)}/questionnaire.xlsx" download>${t("files.download")}</a></p>
<p>${t("files.print")} <a href="${base(q)}/questionnaire.pdf" download>PDF</a> · <a href="${base(q)}/questionnaire.docx" download>Word</a>
· ${t("files.printBlank")} <a href="${base(q)}/questionnaire.pdf?blank=1" download>PDF</a> · <a href="${base(q)}/questionnaire.docx?blank=1" download>Word</a></p>
${
  q.editable
    ? html`<form method="post" action="${base(q)}/import" enctype="multipart/form-data">
${csrfField(view)}
<div class="field"><label for="import-file">${t("files.file")}</label>
<input id="import-file" type="file" name="file" required accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></div>
<label class="choice"><input type="checkbox" name="dryRun" value="1"> ${t("files.dryRun")}</label>
<p class="actions"><button class="primary" type="submit">${t("files.import")}</button></p>
</form>`
    : ""
}
</section>`;
}

export type ImportOutcome = ImportResult | { ok: false; reason: "missing" };

export function importResultPage(
  view: View,
  q: Pick<QuestionnaireView, "cycle" | "partner">,
  result: ImportOutcome,
): Html {
  const { t } = view;
  const back = html`<p><a href="${base(q)}">${t("files.back")}</a></p>`;
  if (!result.ok) {
    return page(view, {
      title: t("files.refused.title"),
      body: html`<h1>${t("files.refused.title")}</h1>
<p class="alert" role="alert">${t(`files.refused.${result.reason}` as MessageKey)}</p>${back}`,
    });
  }
  return page(view, {
    title: t("files.result.title"),
    body: html`<h1>${t("files.result.title")}</h1>
<p class="muted">${partnerShortName(q.partner)} — ${q.cycle.label}</p>
${result.dryRun ? html`<p class="notice">${t("files.result.dryRun")}</p>` : ""}
<p class="notice" role="status">${t("files.result.counts", summaryCounts(result.summary))}</p>
${
  !result.dryRun && result.summary.imported + result.summary.updated > 0
    ? html`<p>${t("files.result.drafts")}</p>`
    : ""
}
${
  result.summary.rejected.length > 0
    ? html`<h2>${t("files.result.rows")}</h2><ul class="errors">${result.summary.rejected.map(
        (r) =>
          html`<li>${t("files.row", {
            row: r.row,
            reason: t(`files.reason.${r.reason}` as MessageKey, { value: r.value }),
          })}</li>`,
      )}</ul>`
    : ""
}
${back}`,
  });
}
