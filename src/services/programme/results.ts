// A programme's results where its midwives work, read from the health indicators it follows
// with the analytics service's arithmetic (results-figures.ts: from the pre-aggregated values,
// never a scan of the raw ones): each indicator per region and district of its regions and per year with the change,
// the monthly average per centre of each indicator's count, and for a facility with a midwife
// the months before her start against as many months after.
import { elementIdsByKeys } from "../../db/health/catalogue.ts";
import { latestMonth } from "../../db/health/explorer.ts";
import { type UnitSummary, unitsAtLevel } from "../../db/health/org-units.ts";
import { findProgramme, programmeRegions } from "../../db/programme/programmes.ts";
import {
  centreCounts,
  type DeployedFacility,
  deployedFacilities,
  type ResultIndicator,
  resultIndicators,
} from "../../db/programme/results.ts";
import { operandsOf, parseExpression } from "../../domain/health/expressions.ts";
import {
  addMonths,
  type BeforeAfterReason,
  beforeAfterWindows,
  DEFAULT_WINDOW,
  firstPresence,
  type Month,
  type MonthFigure,
  type WindowFigure,
  windowFigure,
} from "../../domain/programme/before-after.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import type { Actor } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import { REGION_LEVEL } from "./register-page.ts";
import { analyticsCells, yearCells } from "./results-figures.ts";

export interface ResultsIndicator {
  id: number;
  name: string;
  /** What its numerator counts (assisted deliveries…), else the indicator's own name. */
  count: string;
  factor: number;
  decimals: number;
}

const indicatorOf = (i: ResultIndicator, lang: Lang): ResultsIndicator => ({
  id: i.id,
  name: (lang === "en" ? i.nameEn : null) ?? i.name,
  count: i.numeratorDescription ?? i.name,
  factor: i.factor,
  decimals: i.decimals ?? 1,
});

/** A region, or a district of one of the programme's regions. */
export interface ResultUnit {
  id: number;
  name: string;
  kind: "region" | "district";
  /** A district's region (null for a region). */
  regionId: number | null;
}

export interface UnitYears {
  unit: ResultUnit;
  /** One per year asked, in order; null where there is no value. */
  values: (number | null)[];
  /** The last year's value less the first's, when both exist. */
  change: number | null;
}

export interface DistrictComparison {
  years: number[];
  indicators: { indicator: ResultsIndicator; rows: UnitYears[] }[];
}

export interface CentreAverages {
  years: number[];
  indicators: {
    indicator: ResultsIndicator;
    rows: (UnitYears & { centres: number })[];
  }[];
}

/** "2024-03" → "202403", as analytics names a month. */
const monthId = (m: Month) => m.replace("-", "");

/** The programme's regions and their districts, each region followed by its districts. */
async function resultUnits(db: Db, programmeId: number): Promise<(ResultUnit & UnitSummary)[]> {
  const covered = await programmeRegions(db, programmeId);
  if (covered.length === 0) return [];
  const [regions, districts] = await Promise.all([
    unitsAtLevel(db, REGION_LEVEL, covered),
    unitsAtLevel(db, REGION_LEVEL + 1, covered),
  ]);
  const out: (ResultUnit & UnitSummary)[] = [];
  const placed = new Set<number>();
  const parentOf = (u: UnitSummary) => u.path.split("/").filter(Boolean).map(Number).at(-2);
  for (const r of regions) {
    out.push({ ...r, kind: "region", regionId: null });
    for (const d of districts)
      if (parentOf(d) === r.id) {
        out.push({ ...d, kind: "district", regionId: r.id });
        placed.add(d.id);
      }
  }
  // A district covered on its own, its region not.
  for (const d of districts)
    if (!placed.has(d.id)) out.push({ ...d, kind: "district", regionId: null });
  return out;
}

const plainUnit = (u: ResultUnit): ResultUnit => ({
  id: u.id,
  name: u.name,
  kind: u.kind,
  regionId: u.regionId,
});

/** What the caller has already read of a programme it found (the page reads it once). */
export interface Known {
  indicators: ResultIndicator[];
}

async function programmeOrFail(db: Db, actor: Actor, programmeId: number) {
  authorise(actor, "programme.read");
  const programme = await findProgramme(db, programmeId);
  if (!programme) throw notFound("programme", programmeId);
  return programme;
}

/**
 * The yearly figures of every indicator at every region and district of the programme
 * (results-figures.ts computes them).
 */
async function yearlyFigures(
  db: Db,
  actor: Actor,
  programmeId: number,
  years: number[],
  lang: Lang,
  known?: Known,
) {
  if (known) authorise(actor, "programme.read");
  else await programmeOrFail(db, actor, programmeId);
  authorise(actor, "health.read");
  const [indicators, units] = await Promise.all([
    known?.indicators ?? resultIndicators(db, programmeId),
    resultUnits(db, programmeId),
  ]);
  const at = await yearCells(
    db,
    indicators,
    units.map((u) => u.id),
    years,
  );
  const cell = (i: ResultIndicator, year: number, u: UnitSummary) => at(i, year, u.id);
  return { indicators, units, cell, lang };
}

type Figures = Awaited<ReturnType<typeof yearlyFigures>>;

function comparisonOf(f: Figures, years: number[]): DistrictComparison {
  return {
    years,
    indicators: f.indicators.map((i) => ({
      indicator: indicatorOf(i, f.lang),
      rows: f.units.map((u) => {
        const values = years.map((y) => f.cell(i, y, u)?.value ?? null);
        const first = values[0] ?? null;
        const last = values.at(-1) ?? null;
        return {
          unit: plainUnit(u),
          values,
          change: years.length > 1 && first !== null && last !== null ? last - first : null,
        };
      }),
    })),
  };
}

async function averagesOf(db: Db, f: Figures, years: number[]): Promise<CentreAverages> {
  const centres = await centreCounts(
    db,
    f.units.map((u) => u.id),
  );
  return {
    years,
    indicators: f.indicators.map((i) => ({
      indicator: indicatorOf(i, f.lang),
      rows: f.units.map((u) => {
        const count = centres.get(u.id) ?? 0;
        const values = years.map((y) => {
          const c = f.cell(i, y, u);
          return c === null || c.months === 0 || count === 0
            ? null
            : c.numerator / c.months / count;
        });
        const first = values[0] ?? null;
        const last = values.at(-1) ?? null;
        return {
          unit: plainUnit(u),
          centres: count,
          values,
          change: years.length > 1 && first !== null && last !== null ? last - first : null,
        };
      }),
    })),
  };
}

/**
 * Each indicator the programme follows, per region and district of its regions and per year
 * (oldest first), with the change from the first year to the last.
 */
export async function districtComparison(
  db: Db,
  actor: Actor,
  programmeId: number,
  years: number[],
  lang: Lang = "fr",
): Promise<DistrictComparison> {
  return comparisonOf(await yearlyFigures(db, actor, programmeId, years, lang), years);
}

/**
 * Per region and district and per year, each indicator's count (its numerator: assisted
 * deliveries, ANC1 visits…) as a monthly average per centre: the year's total over the months
 * holding a value, over the centres (units with none below them) the unit holds.
 */
export async function centreAverages(
  db: Db,
  actor: Actor,
  programmeId: number,
  years: number[],
  lang: Lang = "fr",
): Promise<CentreAverages> {
  return averagesOf(db, await yearlyFigures(db, actor, programmeId, years, lang), years);
}

/** Both, from one reading of the figures, for the results page. */
export async function yearlyResults(
  db: Db,
  actor: Actor,
  programmeId: number,
  years: number[],
  lang: Lang,
  known?: Known,
): Promise<{ comparison: DistrictComparison; averages: CentreAverages }> {
  const f = await yearlyFigures(db, actor, programmeId, years, lang, known);
  return { comparison: comparisonOf(f, years), averages: await averagesOf(db, f, years) };
}

export interface IndicatorBeforeAfter {
  indicator: ResultsIndicator;
  before: WindowFigure;
  after: WindowFigure;
}

export type FacilityBeforeAfter = {
  facilityId: number;
  name: string;
  parentName: string | null;
  /** The first midwife's first day, and the last day of the presence that followed. */
  start: string;
  end: string | null;
} & (
  | {
      ok: true;
      window: number;
      before: Month[];
      after: Month[];
      missing: Month[];
      seasonal: boolean;
      indicators: IndicatorBeforeAfter[];
    }
  | { ok: false; reason: BeforeAfterReason }
);

/** Before/after for the given facilities, from one analytics query over the months around. */
async function beforeAfterOf(
  db: Db,
  actor: Actor,
  indicators: readonly ResultIndicator[],
  facilities: readonly DeployedFacility[],
  lang: Lang,
): Promise<FacilityBeforeAfter[]> {
  const presences = facilities.flatMap((f) => {
    const p = firstPresence(f.periods);
    return p ? [{ facility: f, ...p }] : [];
  });
  // The window is at most DEFAULT_WINDOW months on each side of the start month.
  const months = new Set<Month>();
  for (const p of presences) {
    const start = p.start.slice(0, 7);
    for (let i = -DEFAULT_WINDOW; i < DEFAULT_WINDOW; i++) {
      const m = addMonths(start, i);
      if (p.end === null || m <= p.end.slice(0, 7)) months.add(m);
    }
  }
  const sorted = [...months].sort();
  const found = await analyticsCells(
    db,
    actor,
    indicators.map((i) => i.key),
    sorted.map(monthId),
    presences.map((p) => p.facility.key),
  );
  return presences.map((p) => {
    const byIndicator = indicators.map((i) => {
      const byMonth = new Map<Month, MonthFigure>();
      for (const m of sorted) {
        const c = found.get(`${i.key}|${monthId(m)}|${p.facility.key}`);
        if (c) byMonth.set(m, { numerator: c.numerator, denominator: c.denominator });
      }
      return { indicator: i, byMonth };
    });
    const monthsWithData = sorted.filter((m) => byIndicator.some((b) => b.byMonth.has(m)));
    const head = {
      facilityId: p.facility.facilityId,
      name: p.facility.name,
      parentName: p.facility.parentName,
      start: p.start,
      end: p.end,
    };
    const w = beforeAfterWindows({ start: p.start, end: p.end, monthsWithData });
    if (!w.ok) return { ...head, ok: false, reason: w.reason };
    return {
      ...head,
      ...w,
      indicators: byIndicator.map((b) => ({
        indicator: indicatorOf(b.indicator, lang),
        before: windowFigure(w.before, b.byMonth, b.indicator.factor),
        after: windowFigure(w.after, b.byMonth, b.indicator.factor),
      })),
    };
  });
}

/**
 * For a facility where the programme deployed a midwife: the months before the first one's
 * start against as many months from it, each indicator over both, or why it cannot be said.
 */
export async function facilityBeforeAfter(
  db: Db,
  actor: Actor,
  programmeId: number,
  facilityId: number,
  lang: Lang = "fr",
): Promise<FacilityBeforeAfter> {
  await programmeOrFail(db, actor, programmeId);
  const [indicators, facilities] = await Promise.all([
    resultIndicators(db, programmeId),
    deployedFacilities(db, programmeId, facilityId),
  ]);
  const [one] = await beforeAfterOf(db, actor, indicators, facilities, lang);
  if (!one) throw notFound("deployment", facilityId);
  return one;
}

/** The same for a facility the caller has read, with the programme's indicators. */
export async function deployedBeforeAfter(
  db: Db,
  actor: Actor,
  indicators: ResultIndicator[],
  facility: DeployedFacility,
  lang: Lang,
): Promise<FacilityBeforeAfter> {
  authorise(actor, "programme.read");
  const [one] = await beforeAfterOf(db, actor, indicators, [facility], lang);
  if (!one) throw notFound("deployment", facility.facilityId);
  return one;
}

/** The same for every facility where the programme deployed a midwife, by name. */
export async function facilitiesBeforeAfter(
  db: Db,
  actor: Actor,
  programmeId: number,
  lang: Lang,
): Promise<FacilityBeforeAfter[]> {
  await programmeOrFail(db, actor, programmeId);
  const [indicators, facilities] = await Promise.all([
    resultIndicators(db, programmeId),
    deployedFacilities(db, programmeId),
  ]);
  return beforeAfterOf(db, actor, indicators, facilities, lang);
}

/** The latest year holding a value of an element the programme's indicators read, or null. */
export async function latestYear(
  db: Db,
  programmeId: number,
  known?: Known,
): Promise<number | null> {
  const indicators = known?.indicators ?? (await resultIndicators(db, programmeId));
  const keys = new Set<string>();
  for (const i of indicators)
    for (const text of [i.numerator, i.denominator]) {
      const parsed = parseExpression(text);
      if (parsed.ok) for (const o of operandsOf(parsed.value)) keys.add(o.dataElement);
    }
  const month = await latestMonth(db, await elementIdsByKeys(db, [...keys]));
  return month === null ? null : Number(month.slice(0, 4));
}
