// A partner's questionnaire for one cycle as an Excel workbook to fill offline and upload back:
// instructions in French and English (src/i18n's workbook catalogue), one row per indicator pre-filled with the current answers,
// and hidden ids (cycle, partner, indicator code, answer version) that the import checks. Rows
// kept as typed (not valid yet) are written as typed, so that the import keeps them.

import ExcelJS from "exceljs";
import type { Lang } from "../../domain/shared/lang.ts";
import { bareHex, PAPER } from "../../domain/shared/theme.ts";
import { partnerShortName } from "../../domain/tracker/partner.ts";
import {
  CONTRIBUTES_CHOICES,
  contributesWord,
  formatEvidence,
  formatOutputs,
  formatTypedOutputs,
  QUESTIONNAIRE_COLUMNS,
  QUESTIONNAIRE_FILE,
  type QuestionnaireColumn,
} from "../../domain/tracker/questionnaire-file.ts";
import type {
  Contributes,
  Evidence,
  QuantifiedOutput,
  TypedRows,
} from "../../domain/tracker/response.ts";
import { workbookHeaders, workbookInstructions } from "../../i18n/questionnaire-files.ts";
import { neutralise } from "./xlsx.ts";

export interface QuestionnaireFileModel {
  cycle: { slug: string; label: string };
  partner: { slug: string; name: string; acronym: string | null };
  commitments: {
    number: number;
    title: string;
    indicators: {
      code: string;
      number: string;
      title: string;
      answer: {
        contributes: Contributes;
        activities: string | null;
        collaboratorsText: string | null;
        difficulties: string | null;
        outputs: QuantifiedOutput[];
        evidence: Evidence[];
        /** Every row as typed while some are not valid yet: written instead of the valid ones. */
        held: TypedRows | null;
        version: number;
      } | null;
    }[];
  }[];
}

const WIDTHS: Record<QuestionnaireColumn, number> = {
  commitment: 11,
  number: 10,
  title: 45,
  contributes: 14,
  activities: 60,
  collaborators: 25,
  difficulties: 40,
  outputs: 35,
  evidence: 45,
  code: 8,
  version: 8,
};

const text = (value: string | null): string | null =>
  value === null || value === "" ? null : neutralise(value);

export async function renderQuestionnaireXlsx(
  model: QuestionnaireFileModel,
  lang: Lang,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = "Jalon";
  book.title = `${partnerShortName(model.partner)} — ${model.cycle.label}`;

  const instructions = book.addWorksheet(QUESTIONNAIRE_FILE.instructions);
  instructions.getColumn(1).width = 110;
  const names = { partner: partnerShortName(model.partner), cycle: model.cycle.label };
  const french = workbookInstructions("fr", names);
  const lines = [...french, "", ...workbookInstructions("en", names)];
  for (const line of lines) instructions.addRow([text(line)]);
  for (const n of [1, french.length + 2]) instructions.getRow(n).font = { bold: true };
  instructions.getColumn(1).alignment = { wrapText: true, vertical: "top" };

  const sheet = book.addWorksheet(QUESTIONNAIRE_FILE.questionnaire, {
    views: [{ state: "frozen", ySplit: 1, xSplit: 3 }],
  });
  const headers = workbookHeaders(lang);
  sheet.columns = QUESTIONNAIRE_COLUMNS.map((key) => ({
    key,
    header: headers[key],
    width: WIDTHS[key],
  }));
  for (const c of model.commitments) {
    for (const i of c.indicators) {
      const a = i.answer;
      sheet.addRow({
        commitment: c.number,
        number: text(i.number),
        title: text(i.title),
        contributes: a ? contributesWord(a.contributes, lang) || null : null,
        activities: text(a?.activities ?? null),
        collaborators: text(a?.collaboratorsText ?? null),
        difficulties: text(a?.difficulties ?? null),
        outputs: text(
          a?.held
            ? formatTypedOutputs(a.held.outputs, lang)
            : formatOutputs(a?.outputs ?? [], lang),
        ),
        evidence: text(formatEvidence(a?.held ? a.held.evidence : (a?.evidence ?? []))),
        code: i.code,
        version: a?.version ?? 0,
      });
    }
  }
  const last = Math.max(2, sheet.rowCount);
  const contributes = QUESTIONNAIRE_COLUMNS.indexOf("contributes") + 1;
  for (let r = 2; r <= last; r++) {
    sheet.getCell(r, contributes).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${CONTRIBUTES_CHOICES.join(",")}"`],
      showErrorMessage: true,
    };
  }
  for (const [n, key] of QUESTIONNAIRE_COLUMNS.entries()) {
    const column = sheet.getColumn(n + 1);
    column.alignment = { wrapText: true, vertical: "top" };
    if (key === "code" || key === "version") column.hidden = true;
    // Texts stay texts: Excel must not turn "1.10" or "2024-01" into numbers or dates.
    if (key !== "commitment" && key !== "version") column.numFmt = "@";
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = {
    type: "pattern",
    pattern: "solid",
    fgColor: { argb: `FF${bareHex(PAPER.headerFill)}` },
  };

  const ids = book.addWorksheet(QUESTIONNAIRE_FILE.ids, { state: "hidden" });
  ids.addRow(["format", QUESTIONNAIRE_FILE.format]);
  ids.addRow(["cycle", model.cycle.slug]);
  ids.addRow(["partner", model.partner.slug]);

  return new Uint8Array(await book.xlsx.writeBuffer());
}
