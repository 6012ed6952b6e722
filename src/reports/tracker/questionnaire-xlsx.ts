// A partner's questionnaire for one cycle as an Excel workbook to fill offline and upload back:
// instructions in French and English, one row per indicator pre-filled with the current answers,
// and hidden ids (cycle, partner, indicator code, answer version) that the import checks. Rows
// kept as typed (not valid yet) are written as typed, so that the import keeps them.
import ExcelJS from "exceljs";
import type { Lang } from "../../domain/shared/lang.ts";
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

const HEADERS: Record<Lang, Record<QuestionnaireColumn, string>> = {
  fr: {
    commitment: "Engagement",
    number: "Indicateur",
    title: "Intitulé",
    contributes: "Contribue (Oui/Non)",
    activities: "Activités menées",
    collaborators: "Partenaires associés",
    difficulties: "Difficultés",
    outputs: "Résultats chiffrés (valeur unité; valeur unité)",
    evidence: "Liens vers les preuves (un par ligne)",
    code: "code",
    version: "version",
  },
  en: {
    commitment: "Commitment",
    number: "Indicator",
    title: "Title",
    contributes: "Contributes (Yes/No)",
    activities: "Activities carried out",
    collaborators: "Collaborating partners",
    difficulties: "Difficulties",
    outputs: "Quantified outputs (value unit; value unit)",
    evidence: "Links to evidence (one per line)",
    code: "code",
    version: "version",
  },
};

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

const INSTRUCTIONS: Record<Lang, (m: QuestionnaireFileModel) => string[]> = {
  fr: (m) => [
    `Questionnaire de ${m.partner.acronym ?? m.partner.name} — ${m.cycle.label}`,
    "Remplissez une ligne par indicateur dans la feuille « Questionnaire », puis déposez le fichier sur la page du questionnaire (bouton « Importer »).",
    "Contribue : Oui ou Non (laisser vide si vous ne savez pas).",
    "Résultats chiffrés : une valeur puis son unité, séparés par « ; », par exemple « 619 prestataires formés; 12 sessions ».",
    "Preuves : une adresse web (http:// ou https://) par ligne, suivie si vous le souhaitez d’un titre.",
    "Ne modifiez pas les colonnes ni les feuilles masquées : elles identifient la période, le partenaire et l’indicateur.",
    "Une réponse modifiée en ligne depuis le téléchargement du fichier n’est pas écrasée : la ligne est refusée.",
  ],
  en: (m) => [
    `Questionnaire of ${m.partner.acronym ?? m.partner.name} — ${m.cycle.label}`,
    "Fill in one row per indicator in the “Questionnaire” sheet, then upload the file on the questionnaire page (“Import” button).",
    "Contributes: Yes or No (leave empty if you do not know).",
    "Quantified outputs: a value then its unit, separated by “;”, for example “619 providers trained; 12 sessions”.",
    "Evidence: one web address (http:// or https://) per line, optionally followed by a title.",
    "Do not change the hidden columns or sheets: they identify the cycle, the partner and the indicator.",
    "An answer changed online since the file was downloaded is not overwritten: the row is refused.",
  ],
};

const text = (value: string | null): string | null =>
  value === null || value === "" ? null : neutralise(value);

export async function renderQuestionnaireXlsx(
  model: QuestionnaireFileModel,
  lang: Lang,
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = "Jalon";
  book.title = `${model.partner.acronym ?? model.partner.name} — ${model.cycle.label}`;

  const instructions = book.addWorksheet(QUESTIONNAIRE_FILE.instructions);
  instructions.getColumn(1).width = 110;
  const lines = [...INSTRUCTIONS.fr(model), "", ...INSTRUCTIONS.en(model)];
  for (const line of lines) instructions.addRow([text(line)]);
  for (const n of [1, INSTRUCTIONS.fr(model).length + 2])
    instructions.getRow(n).font = { bold: true };
  instructions.getColumn(1).alignment = { wrapText: true, vertical: "top" };

  const sheet = book.addWorksheet(QUESTIONNAIRE_FILE.questionnaire, {
    views: [{ state: "frozen", ySplit: 1, xSplit: 3 }],
  });
  sheet.columns = QUESTIONNAIRE_COLUMNS.map((key) => ({
    key,
    header: HEADERS[lang][key],
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
  header.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE8F0" } };

  const ids = book.addWorksheet(QUESTIONNAIRE_FILE.ids, { state: "hidden" });
  ids.addRow(["format", QUESTIONNAIRE_FILE.format]);
  ids.addRow(["cycle", model.cycle.slug]);
  ids.addRow(["partner", model.partner.slug]);

  return new Uint8Array(await book.xlsx.writeBuffer());
}
