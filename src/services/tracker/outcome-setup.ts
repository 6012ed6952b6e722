// Coordinators define outcome goals and their series ("cycle.setup"): a commitment's goal
// (label, baseline, target, direction, the series measuring it), a series (imported, or a
// public health indicator at a unit), and a series file imported (generic CSV, Track20/FPET
// CSV, DHS Program API JSON). Every field is checked before anything is written; each write is
// audited in its transaction.
import {
  appendOutcomeGoal,
  insertSeries,
  listOutcomeGoals,
  listSeries,
  type StoredSeries,
  savePoints,
  seriesCodeTaken,
  updateOutcomeGoal,
} from "../../db/tracker/outcomes.ts";
import { parseDecimal } from "../../domain/shared/decimal.ts";
import type { ImportSummary } from "../../domain/shared/import-summary.ts";
import { type Lang, pick } from "../../domain/shared/lang.ts";
import { type Actor, actorLabel } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import {
  type GoalDirection,
  type GoalField,
  MAX_LABEL_LENGTH,
  MAX_SOURCE_LENGTH,
  MAX_UNIT_LENGTH,
  MAX_URL_LENGTH,
  type OutcomeSourceKind,
  outcomeGoalProblems,
  SERIES_CODE_PATTERN,
  safeUrl,
} from "../../domain/tracker/outcome.ts";
import type {
  FileProblem,
  OutcomeRejection,
  SeriesFormat,
} from "../../importers/tracker/outcomes/map.ts";
import { readSeriesFile } from "../../importers/tracker/outcomes/read.ts";

export type { OutcomeRejection };

import { findIndicatorAtUnit } from "../health/indicator-years.ts";
import { authorise } from "../shared/access.ts";
import type { Db, Tx } from "../shared/db.ts";
import { commitmentsIn, loadTracker } from "./context.ts";
import { type OutcomeView, outcomesOf } from "./outcomes.ts";

export interface OutcomeSetup {
  commitments: { id: number; number: number; title: string; goals: OutcomeView[] }[];
  series: (Omit<StoredSeries, "name"> & { name: string })[];
}

export async function getOutcomeSetup(db: Db, actor: Actor, lang: Lang): Promise<OutcomeSetup> {
  authorise(actor, "cycle.setup");
  const tracker = await loadTracker(db, lang);
  const commitments = await commitmentsIn(db, tracker.id, lang);
  const outcomes = await outcomesOf(
    db,
    commitments.map((c) => c.id),
    lang,
  );
  const series = await listSeries(db, tracker.id);
  return {
    commitments: commitments.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      goals: outcomes.get(c.id) ?? [],
    })),
    series: series.map((s) => ({ ...s, name: pick(s.name, lang) })),
  };
}

/** The goal form as typed: every field a text. */
export interface GoalForm {
  label: string;
  labelEn: string;
  unit: string;
  baselineYear: string;
  baselineValue: string;
  baselineSource: string;
  targetYear: string;
  targetValue: string;
  direction: string;
  series: string;
}

export type GoalErrors = Partial<Record<GoalField | "series", string>>;
export type FormOutcome<E> = { ok: true } | { ok: false; errors: E };

export const GOAL_LIMITS = {
  label: MAX_LABEL_LENGTH,
  label_en: MAX_LABEL_LENGTH,
  unit: MAX_UNIT_LENGTH,
  baseline_source: MAX_SOURCE_LENGTH,
} as const;

function number(text: string): number | null | "invalid" {
  if (text.trim() === "") return null;
  const r = parseDecimal(text, { allowNegative: true });
  return r.ok ? r.value : "invalid";
}

function year(text: string): number | null | "invalid" {
  if (text.trim() === "") return null;
  return /^\d{4}$/.test(text.trim()) ? Number(text.trim()) : "invalid";
}

/**
 * Saves a commitment's goal: the goal `goalId` (one of this commitment's), or a new one after
 * its last when `goalId` is null.
 */
export async function saveOutcomeGoal(
  db: Db,
  actor: Actor,
  commitmentNumber: number,
  goalId: number | null,
  form: GoalForm,
  lang: Lang,
): Promise<FormOutcome<GoalErrors>> {
  authorise(actor, "cycle.setup");
  const tracker = await loadTracker(db, lang);
  const commitment = (await commitmentsIn(db, tracker.id, lang)).find(
    (c) => c.number === commitmentNumber,
  );
  if (!commitment) throw notFound("commitment", commitmentNumber);
  if (goalId !== null) {
    const goals = await listOutcomeGoals(db, [commitment.id]);
    if (!goals.some((g) => g.id === goalId)) throw notFound("goal", goalId);
  }
  const values = {
    baselineYear: year(form.baselineYear),
    baselineValue: number(form.baselineValue),
    targetYear: year(form.targetYear),
    targetValue: number(form.targetValue),
  };
  const errors: GoalErrors = {};
  const typed = (v: number | null | "invalid") => (v === "invalid" ? null : v);
  Object.assign(
    errors,
    outcomeGoalProblems({
      label: form.label,
      labelEn: form.labelEn,
      unit: form.unit,
      baselineYear: typed(values.baselineYear),
      baselineValue: typed(values.baselineValue),
      baselineSource: form.baselineSource,
      targetYear: typed(values.targetYear),
      targetValue: typed(values.targetValue),
      direction: form.direction,
    }),
  );
  // A number typed wrongly is "invalid", not "required" as its absence would be.
  if (values.baselineYear === "invalid") errors.baseline_year = "invalid";
  if (values.baselineValue === "invalid") errors.baseline_value = "invalid";
  if (values.targetYear === "invalid") errors.target_year = "invalid";
  if (values.targetValue === "invalid") errors.target_value = "invalid";
  let seriesId: number | null = null;
  if (form.series.trim() !== "") {
    const found = (await listSeries(db, tracker.id)).find((s) => s.code === form.series.trim());
    if (!found) errors.series = "unknown";
    else seriesId = found.id;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const clean = (s: string) => (s.trim() === "" ? null : s.trim());
  const write = {
    label: form.label.trim(),
    labelEn: clean(form.labelEn),
    unit: form.unit.trim(),
    baselineYear: typed(values.baselineYear),
    baselineValue: typed(values.baselineValue),
    baselineSource: clean(form.baselineSource),
    targetYear: typed(values.targetYear) as number,
    targetValue: typed(values.targetValue) as number,
    direction: form.direction as GoalDirection,
    seriesId,
  };
  await db.transaction().execute(async (trx) => {
    if (goalId === null) await appendOutcomeGoal(trx, actorLabel(actor), commitment.id, write);
    else await updateOutcomeGoal(trx, actorLabel(actor), goalId, write);
  });
  return { ok: true };
}

export interface SeriesForm {
  code: string;
  name: string;
  nameEn: string;
  unit: string;
  sourceKind: string;
  indicator: string;
  orgUnit: string;
}

export type SeriesErrors = Partial<
  Record<"code" | "name" | "name_en" | "unit" | "source_kind" | "indicator" | "org_unit", string>
>;

export const SERIES_LIMITS = {
  name: MAX_LABEL_LENGTH,
  name_en: MAX_LABEL_LENGTH,
  unit: MAX_UNIT_LENGTH,
};

export async function createSeries(
  db: Db,
  actor: Actor,
  form: SeriesForm,
  lang: Lang,
): Promise<FormOutcome<SeriesErrors>> {
  authorise(actor, "cycle.setup");
  const tracker = await loadTracker(db, lang);
  const errors: SeriesErrors = {};
  const code = form.code.trim();
  if (code === "") errors.code = "required";
  else if (!SERIES_CODE_PATTERN.test(code)) errors.code = "format";
  else if (await seriesCodeTaken(db, tracker.id, code)) errors.code = "taken";
  const name = form.name.trim();
  if (name === "") errors.name = "required";
  else if (name.length > MAX_LABEL_LENGTH) errors.name = "too_long";
  if (form.nameEn.trim().length > MAX_LABEL_LENGTH) errors.name_en = "too_long";
  if (form.unit.trim().length > MAX_UNIT_LENGTH) errors.unit = "too_long";
  const kind = form.sourceKind as OutcomeSourceKind;
  let health: { indicatorId: number; orgUnitId: number } | null = null;
  if (kind === "health_indicator") {
    const found = await findIndicatorAtUnit(db, form.indicator, form.orgUnit);
    if (!found.ok) {
      for (const what of found.unknown) {
        const field = what === "indicator" ? "indicator" : "org_unit";
        errors[field] =
          (what === "indicator" ? form.indicator : form.orgUnit).trim() === ""
            ? "required"
            : "unknown";
      }
    } else if (!found.found.isPublic) errors.indicator = "not_public";
    else health = found.found;
  } else if (kind !== "imported") errors.source_kind = "required";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  await db.transaction().execute((trx) =>
    insertSeries(trx, actorLabel(actor), {
      trackerId: tracker.id,
      code,
      name,
      nameEn: form.nameEn.trim() === "" ? null : form.nameEn.trim(),
      unit: form.unit.trim(),
      sourceKind: kind,
      healthIndicatorId: health?.indicatorId ?? null,
      orgUnitId: health?.orgUnitId ?? null,
    }),
  );
  return { ok: true };
}

export interface SeriesImport {
  series: string;
  format: SeriesFormat;
  bytes: Uint8Array;
  source: string;
  url: string;
  indicator: string;
  group: string;
  dryRun?: boolean;
}

export type SeriesImportOutcome =
  | { ok: true; summary: ImportSummary<OutcomeRejection>; scaled: boolean; series: string }
  | {
      ok: false;
      errors: Partial<Record<"series" | "file" | "source" | "url", string>>;
      columns?: string;
    };

const DEFAULT_SOURCE: Record<SeriesFormat, string> = {
  csv: "",
  track20: "Track20 FPET",
  dhs: "DHS Program",
};

/** Reads a series file into an imported series; a dry run counts without storing. */
export async function importSeries(
  db: Db,
  actor: Actor,
  input: SeriesImport,
  lang: Lang,
): Promise<SeriesImportOutcome> {
  authorise(actor, "cycle.setup");
  const tracker = await loadTracker(db, lang);
  const errors: Partial<Record<"series" | "file" | "source" | "url", string>> = {};
  const series = (await listSeries(db, tracker.id)).find((s) => s.code === input.series.trim());
  if (!series) errors.series = input.series.trim() === "" ? "required" : "unknown";
  else if (series.sourceKind !== "imported") errors.series = "not_imported";
  const source = input.source.trim() || DEFAULT_SOURCE[input.format];
  if (source.length > MAX_SOURCE_LENGTH) errors.source = "too_long";
  const url = input.url.trim() === "" ? null : safeUrl(input.url);
  if (input.url.trim() !== "" && (url === null || input.url.trim().length > MAX_URL_LENGTH))
    errors.url = "invalid";
  if (input.bytes.byteLength === 0) errors.file = "required";
  if (Object.keys(errors).length > 0 || !series) return { ok: false, errors };
  const mapped = readSeriesFile(input.bytes, input.format, {
    source,
    url,
    indicator: input.indicator.trim() || null,
    group: input.group.trim() || null,
  });
  if (!mapped.ok)
    return {
      ok: false,
      errors: { file: mapped.problem satisfies FileProblem },
      ...(mapped.columns ? { columns: mapped.columns } : {}),
    };
  const summary = mapped.summary;
  const write = async (trx: Tx) =>
    savePoints(trx, actorLabel(actor), series.id, mapped.points, {
      series: series.code,
      format: input.format,
      rejected: summary.rejected.length,
    });
  const written = input.dryRun
    ? await db
        .transaction()
        .execute(async (trx) => {
          const w = await write(trx);
          throw new DryRun(w);
        })
        .catch((e: unknown) => {
          if (e instanceof DryRun) return e.written;
          throw e;
        })
    : await db.transaction().execute(write);
  return {
    ok: true,
    series: series.code,
    scaled: mapped.scaled,
    summary: {
      imported: written.imported,
      updated: written.updated,
      ignored: summary.ignored + written.ignored,
      rejected: summary.rejected,
    },
  };
}

/** Thrown to roll a dry run back once its counts are known. */
class DryRun extends Error {
  readonly written: { imported: number; updated: number; ignored: number };
  constructor(written: { imported: number; updated: number; ignored: number }) {
    super("dry run");
    this.written = written;
  }
}
