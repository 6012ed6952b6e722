// What a programme's results page reads in one go: the years asked (by default the three ending
// with the latest year of data, not before the programme's start), each field's problem, the
// yearly results per region and district, the chart of one indicator, the facilities where the
// programme's midwives work, and the before/after of the one chosen (one facility at a time:
// every facility's months at once would cost the page its time budget).
import { findProgramme } from "../../db/programme/programmes.ts";
import { deployedFacilities, resultIndicators } from "../../db/programme/results.ts";
import { holdsDemoData } from "../../db/shared/import-batches.ts";
import { firstPresence } from "../../domain/programme/before-after.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import type { Actor } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import type { ExplorerChart } from "../../reports/health/explorer-model.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import {
  type CentreAverages,
  type DistrictComparison,
  deployedBeforeAfter,
  type FacilityBeforeAfter,
  latestYear,
  type ResultsIndicator,
  type UnitYears,
  yearlyResults,
} from "./results.ts";

/** The form as the query string gives it. */
export interface ResultsParams {
  from: string;
  to: string;
  indicator: string;
  /** A facility where the programme deployed a midwife, by id: its before/after is shown. */
  facility: string;
}

/** At most this many years side by side: a phone's width holds five columns of figures. */
export const MAX_YEARS = 5;
/** At most this many lines on the chart (the table has every unit). */
export const MAX_CHART_LINES = 8;

const YEAR = /^(19[0-9]{2}|20[0-9]{2}|2100)$/;

export interface ResultsPage {
  programme: { id: number; name: string };
  /** The form as shown: what was typed, or the defaults. */
  form: ResultsParams;
  /** Each refused field and why ("invalid", "span"); nothing is read while one is. */
  errors: Record<string, string>;
  years: number[];
  comparison: DistrictComparison | null;
  averages: CentreAverages | null;
  /** Where the programme deployed a midwife, by name, with the first one's first day. */
  facilities: { id: number; name: string; parentName: string | null; start: string }[];
  /** The facility chosen, its months before its first midwife against as many after. */
  facility: FacilityBeforeAfter | null;
  indicators: { id: number; name: string }[];
  chart: { indicator: ResultsIndicator; model: ExplorerChart; capped: number | null } | null;
  /** Whether the demo's synthetic values are loaded (said on the page). */
  synthetic: boolean;
}

/** The years asked, filled in where empty, or each field's problem. */
export function yearsOf(
  params: ResultsParams,
  defaults: { latest: number; earliest: number },
): { from: string; to: string; years: number[]; errors: Record<string, string> } {
  let from = params.from.trim();
  let to = params.to.trim();
  if (from === "" && to === "") {
    to = String(defaults.latest);
    from = String(Math.min(defaults.latest, Math.max(defaults.earliest, defaults.latest - 2)));
  } else if (from === "" && YEAR.test(to)) from = String(Number(to) - 2);
  else if (to === "" && YEAR.test(from)) to = String(Number(from) + 2);
  const errors: Record<string, string> = {};
  if (!YEAR.test(from)) errors.from = "invalid";
  if (!YEAR.test(to) || (YEAR.test(from) && Number(to) < Number(from))) errors.to = "invalid";
  else if (YEAR.test(from) && Number(to) - Number(from) + 1 > MAX_YEARS) errors.to = "span";
  const years =
    Object.keys(errors).length > 0
      ? []
      : Array.from({ length: Number(to) - Number(from) + 1 }, (_, i) => Number(from) + i);
  return { from, to, years, errors };
}

const unitLabel = (row: UnitYears, regionLabel: (name: string) => string) =>
  row.unit.kind === "region" ? regionLabel(row.unit.name) : row.unit.name;

/** One indicator's rows as the explorer's chart draws them: lines over the years, or bars. */
export function chartOf(
  years: readonly number[],
  indicator: ResultsIndicator,
  rows: readonly UnitYears[],
  lang: Lang,
  regionLabel: (name: string) => string,
): { model: ExplorerChart; capped: number | null } | null {
  const withValues = rows.filter((r) => r.values.some((v) => v !== null));
  if (withValues.length === 0) return null;
  const shown = withValues.slice(0, MAX_CHART_LINES);
  const capped = withValues.length > shown.length ? withValues.length - shown.length : null;
  if (years.length === 1)
    return {
      model: {
        lang,
        kind: "bar",
        categories: shown.map((r) => unitLabel(r, regionLabel)),
        series: [{ name: indicator.name, values: shown.map((r) => r.values[0] ?? null) }],
        decimals: indicator.decimals,
      },
      capped,
    };
  return {
    model: {
      lang,
      kind: "line",
      categories: years.map(String),
      series: shown.map((r) => ({ name: unitLabel(r, regionLabel), values: [...r.values] })),
      decimals: indicator.decimals,
    },
    capped,
  };
}

export async function resultsPage(
  db: Db,
  actor: Actor,
  id: number,
  lang: Lang,
  params: ResultsParams,
  o: { regionLabel: (name: string) => string; today?: Date },
): Promise<ResultsPage> {
  authorise(actor, "programme.read");
  const programme = await findProgramme(db, id);
  if (!programme) throw notFound("programme", id);
  const thisYear = (o.today ?? new Date()).getUTCFullYear();
  const [indicators, deployedRows] = await Promise.all([
    resultIndicators(db, id),
    deployedFacilities(db, id),
  ]);
  const known = { indicators };
  const latest = (await latestYear(db, id, known)) ?? thisYear;
  const asked = yearsOf(params, {
    latest,
    earliest: Number(programme.startDate.slice(0, 4)),
  });
  const deployed = deployedRows.flatMap((f) => {
    const first = firstPresence(f.periods);
    return first
      ? [{ id: f.facilityId, name: f.name, parentName: f.parentName, start: first.start }]
      : [];
  });
  const facilityId = params.facility.trim();
  const errors = { ...asked.errors };
  const chosenRow = deployedRows.find(
    (f) => String(f.facilityId) === facilityId && firstPresence(f.periods) !== null,
  );
  if (facilityId !== "" && !chosenRow) errors.facility = "invalid";
  const base = {
    programme: { id: programme.id, name: programme.name },
    form: {
      from: asked.from,
      to: asked.to,
      indicator: params.indicator.trim(),
      facility: facilityId,
    },
    errors,
    years: asked.years,
    facilities: deployed,
    synthetic: await holdsDemoData(db),
  };
  if (Object.keys(errors).length > 0)
    return {
      ...base,
      comparison: null,
      averages: null,
      facility: null,
      indicators: [],
      chart: null,
    };
  const [{ comparison, averages }, facility] = await Promise.all([
    yearlyResults(db, actor, id, asked.years, lang, known),
    chosenRow ? deployedBeforeAfter(db, actor, indicators, chosenRow, lang) : null,
  ]);
  const chosen =
    comparison.indicators.find((i) => String(i.indicator.id) === base.form.indicator) ??
    comparison.indicators[0];
  const drawn = chosen
    ? chartOf(asked.years, chosen.indicator, chosen.rows, lang, o.regionLabel)
    : null;
  return {
    ...base,
    form: { ...base.form, indicator: chosen ? String(chosen.indicator.id) : "" },
    comparison,
    averages,
    facility,
    indicators: comparison.indicators.map((i) => ({ id: i.indicator.id, name: i.indicator.name })),
    chart: chosen && drawn ? { indicator: chosen.indicator, ...drawn } : null,
  };
}
