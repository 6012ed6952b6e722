// The questionnaire as a file (issue 4): download a partner's questionnaire as a workbook, fill it
// offline, upload it back. An upload is all or nothing at the file level (wrong kind of file,
// another partner's, a closed cycle) and row by row inside: bad rows are reported, the good ones
// stored in one transaction. A file uploaded twice changes nothing the second time.

import { createHash } from "node:crypto";
import { finishBatch, startBatch } from "../../db/shared/import-batches.ts";
import { parseDecimal } from "../../domain/shared/decimal.ts";
import { emptySummary, type ImportSummary } from "../../domain/shared/import-summary.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { Problem } from "../../domain/shared/problem.ts";
import {
  formatOutputs,
  MAX_QUESTIONNAIRE_FILE,
  QUESTIONNAIRE_FILE,
} from "../../domain/tracker/questionnaire-file.ts";
import { isEmptyAnswer, readRows, type TypedRows } from "../../domain/tracker/response.ts";
import {
  type MappedAnswer,
  mapRows,
  type RowRejection,
} from "../../importers/tracker/spreadsheet/map.ts";
import type { ReadRefusal } from "../../importers/tracker/spreadsheet/read.ts";
import type { PrintQuestionnaire } from "../../reports/tracker/questionnaire-print.ts";
import { requireSignedIn } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import type { Renderer } from "../shared/rendering.ts";
import { type ImportedAnswer, saveImportedAnswers } from "./imported-answers.ts";
import { getQuestionnaire, type QuestionAnswer } from "./questionnaire.ts";
import type { WorkbookReader } from "./upload-reading.ts";

export const XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function questionnaireWorkbook(
  db: Db,
  actor: Actor,
  cycleSlug: string,
  partnerSlug: string,
  lang: Lang,
  renderer: Renderer,
): Promise<{ name: string; bytes: Uint8Array }> {
  const q = await getQuestionnaire(db, actor, cycleSlug, partnerSlug, lang);
  return {
    name: `questionnaire-${q.partner.slug}-${q.cycle.slug}.xlsx`,
    bytes: await renderer.render({ kind: "questionnaire-xlsx", model: q, lang }),
  };
}

export const PRINT_MEDIA_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;
export type PrintFormat = keyof typeof PRINT_MEDIA_TYPES;

/** The printable form (annex 1) for interviews and paper answers: blank, or with the answers. */
export async function printableQuestionnaire(
  db: Db,
  actor: Actor,
  cycleSlug: string,
  partnerSlug: string,
  options: { format: PrintFormat; blank: boolean },
  lang: Lang,
  renderer: Renderer,
): Promise<{ name: string; bytes: Uint8Array }> {
  // Reading it authorises as the page does: another partner's questionnaire is not found.
  const q = await getQuestionnaire(db, actor, cycleSlug, partnerSlug, lang);
  const names = new Map(q.partners.map((p) => [p.id, p.shortName]));
  const model: PrintQuestionnaire = {
    lang,
    blank: options.blank,
    cycle: { slug: q.cycle.slug, label: q.cycle.label },
    partner: { slug: q.partner.slug, name: q.partner.name, acronym: q.partner.acronym },
    commitments: q.commitments.map((c) => ({
      number: c.number,
      title: c.title,
      indicators: c.indicators.map((i) => {
        const a = options.blank ? null : i.answer;
        const collaborators = a
          ? [
              ...a.collaboratorIds.flatMap((id) => names.get(id) ?? []),
              ...(a.collaboratorsText ? [a.collaboratorsText] : []),
            ].join(", ")
          : "";
        return {
          code: i.code,
          number: i.number,
          title: i.title,
          answer: a && {
            contributes: a.contributes,
            activities: a.activities,
            collaborators: collaborators || null,
            difficulties: a.difficulties,
            outputs: a.outputs.map((o) => formatOutputs([o], lang)),
            evidence: a.evidence.map((e) => (e.title ? `${e.url} ${e.title}` : e.url)),
          },
        };
      }),
    })),
  };
  const suffix = options.blank ? "-vierge" : "";
  return {
    name: `questionnaire-${q.partner.slug}-${q.cycle.slug}${suffix}.${options.format}`,
    bytes: await renderer.render({ kind: "questionnaire-print", model, format: options.format }),
  };
}

export type FileRefusal = ReadRefusal | "too_large" | "other_questionnaire" | "cycle_closed";

export type ImportResult =
  | {
      ok: true;
      dryRun: boolean;
      cycleSlug: string;
      partnerSlug: string;
      summary: ImportSummary<RowRejection>;
    }
  | { ok: false; reason: FileRefusal };

export interface ImportOptions {
  dryRun: boolean;
  /** The questionnaire the upload was made from: a file made for another one is refused. */
  expected?: { cycleSlug: string; partnerSlug: string };
}

/** Thrown to roll a dry run back once its outcome is known. */
class DryRun extends Error {
  readonly result: ImportResult;
  constructor(result: ImportResult) {
    super("dry run");
    this.result = result;
  }
}

const staleRow = (row: number, code: string): RowRejection => ({
  row,
  reason: "stale",
  column: "version",
  value: code,
});

/** Rows compared by what they say: "12,5" typed and 12.5 stored are the same quantity. */
function rowsKey(rows: TypedRows): string {
  const { kept } = readRows(rows);
  return JSON.stringify({
    outputs: kept.outputs.map((o) => {
      const read = typeof o.value === "string" ? parseDecimal(o.value) : null;
      return [read?.ok ? read.value : o.value, o.unit];
    }),
    evidence: kept.evidence.map((e) => [e.url, e.title]),
  });
}

function same(stored: QuestionAnswer, a: MappedAnswer): boolean {
  // An answer with rows kept as typed is all of them; otherwise its valid rows.
  const rows = stored.held ?? { outputs: stored.outputs, evidence: stored.evidence };
  return (
    stored.contributes === a.contributes &&
    stored.activities === a.activities &&
    stored.collaboratorsText === a.collaboratorsText &&
    stored.difficulties === a.difficulties &&
    rowsKey(rows) === rowsKey({ outputs: a.outputs, evidence: a.evidence })
  );
}

export async function importQuestionnaire(
  db: Db,
  actor: Actor,
  bytes: Uint8Array,
  options: ImportOptions,
  lang: Lang,
  reader: WorkbookReader,
): Promise<ImportResult> {
  requireSignedIn(actor, "questionnaire");
  if (bytes.byteLength > MAX_QUESTIONNAIRE_FILE) return { ok: false, reason: "too_large" };
  const read = await reader.read(bytes);
  if (!read.ok) return read;
  const { cycleSlug, partnerSlug, format, rows } = read.file;
  if (format !== QUESTIONNAIRE_FILE.format || !cycleSlug || !partnerSlug)
    return { ok: false, reason: "not_questionnaire" };
  const expected = options.expected;
  if (expected && (expected.cycleSlug !== cycleSlug || expected.partnerSlug !== partnerSlug))
    return { ok: false, reason: "other_questionnaire" };
  try {
    return await db.transaction().execute(async (trx) => {
      // Reading it authorises as the page does: another partner's questionnaire is not found.
      const q = await getQuestionnaire(trx, actor, cycleSlug, partnerSlug, lang);
      if (!q.editable) {
        if (q.cycle.state === "collection") throw new Problem("forbidden", "questionnaire");
        return { ok: false, reason: "cycle_closed" } as const;
      }
      const indicators = new Map(
        q.commitments.flatMap((c) => c.indicators).map((i) => [i.code, i]),
      );
      const summary = emptySummary<RowRejection>();
      const reject = (r: RowRejection) => {
        summary.rejected.push({ row: r.row, reason: r.reason, column: r.column, value: r.value });
      };
      const held = new Map(
        [...indicators].flatMap(([code, i]) => (i.answer?.held ? [[code, i.answer.held]] : [])),
      );
      // Every row is judged first; the answers to store are then written together.
      const toWrite: (ImportedAnswer & { row: number; current: QuestionAnswer | null })[] = [];
      for (const r of mapRows(rows, new Set(indicators.keys()), held)) {
        if (r.kind === "rejected") {
          reject(r);
          continue;
        }
        const current = indicators.get(r.code)?.answer ?? null;
        const unchanged = current
          ? same(current, r.answer)
          : isEmptyAnswer(
              { ...r.answer, outputs: [], evidence: [], collaboratorIds: [] },
              r.answer,
            );
        // After collection only answers sent back (or an extended partner's) may change.
        if (indicators.get(r.code)?.editable === false) {
          if (!unchanged) reject({ row: r.row, reason: "closed", column: "code", value: r.code });
          else summary.ignored++;
          continue;
        }
        if (unchanged) {
          summary.ignored++;
          continue;
        }
        // An answer changed since the file was made is not overwritten with the file's copy.
        if ((current?.version ?? 0) !== r.version) {
          reject(staleRow(r.row, r.code));
          continue;
        }
        toWrite.push({
          row: r.row,
          current,
          indicatorCode: r.code,
          version: r.version,
          answer: { ...r.answer, collaboratorIds: current?.collaboratorIds ?? [] },
        });
      }
      const batch = await startBatch(trx, {
        source: "questionnaire_workbook",
        actor: actorLabel(actor),
        fileHash: createHash("sha256").update(bytes).digest("hex"),
        scope: { cycle: cycleSlug, partner: partnerSlug },
      });
      const outcomes = await saveImportedAnswers(
        trx,
        actor,
        { cycleSlug, partnerSlug },
        toWrite,
        lang,
      );
      const before: unknown[] = [];
      const written: unknown[] = [];
      for (const [i, o] of outcomes.entries()) {
        const w = toWrite[i];
        if (!w) continue;
        if (o.outcome === "stale") {
          reject(staleRow(w.row, w.indicatorCode));
          continue;
        }
        if (o.outcome === "updated") summary.updated++;
        else summary.imported++;
        written.push({ responseId: o.responseId, indicator: o.indicatorCode, version: o.version });
        // What an updated answer said before, as the per-answer audit record kept it.
        if (w.current) before.push({ responseId: o.responseId, ...w.current });
      }
      summary.rejected.sort((a, b) => a.row - b.row);
      await finishBatch(trx, batch, {
        counts: {
          inserted: summary.imported,
          updated: summary.updated,
          unchanged: summary.ignored,
          rejected: summary.rejected.length,
        },
        before,
        written,
      });
      const result: ImportResult = {
        ok: true,
        dryRun: options.dryRun,
        cycleSlug,
        partnerSlug,
        summary,
      };
      if (options.dryRun) throw new DryRun(result);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}
