// The arithmetic behind a programme's results: an indicator per unit and year, computed as the
// analytics service does (each operand added up over the unit's subtree and the year's buckets,
// summed or averaged over them, then the expression once) from totals the database adds up per
// year; and the analytics service's own answer for a few units and months, as cells.
import { constantValues, dataElementLookup, optionComboLookup } from "../../db/health/catalogue.ts";
import { type ResultIndicator, type YearTotal, yearTotals } from "../../db/programme/results.ts";
import {
  type Expression,
  type Operand,
  operandsOf,
  parseExpression,
} from "../../domain/health/expressions.ts";
import { evaluateIndicator } from "../../domain/health/indicators.ts";
import { parsePeriod } from "../../domain/health/periods.ts";
import type { Actor } from "../../domain/shared/policy.ts";
import { isProblem } from "../../domain/shared/problem.ts";
import { bucketsOf, runAnalytics } from "../health/analytics.ts";
import type { Db } from "../shared/db.ts";

/** One indicator at one unit in one year; `months`: the months holding its numerator's values. */
export interface YearCell {
  value: number;
  numerator: number;
  denominator: number;
  months: number;
}

/**
 * Every indicator's figure per unit (over its subtree) and year, as a function of the three; an
 * indicator whose expressions cannot be read has none.
 */
export async function yearCells(
  db: Db,
  indicators: readonly ResultIndicator[],
  unitIds: readonly number[],
  years: readonly number[],
): Promise<(i: ResultIndicator, year: number, unitId: number) => YearCell | null> {
  const [elements, combos, constants] = await Promise.all([
    dataElementLookup(db),
    optionComboLookup(db),
    constantValues(db),
  ]);
  const formulas = new Map<number, { numerator: Expression; denominator: Expression }>();
  const elementIds = new Set<number>();
  for (const i of indicators) {
    const numerator = parseExpression(i.numerator);
    const denominator = parseExpression(i.denominator);
    // An indicator the engine cannot read has no figures: its rows show dashes.
    if (!numerator.ok || !denominator.ok) continue;
    formulas.set(i.id, { numerator: numerator.value, denominator: denominator.value });
    for (const o of [...operandsOf(numerator.value), ...operandsOf(denominator.value)]) {
      const de = elements.get(o.dataElement);
      if (de) elementIds.add(de.id);
    }
  }
  const buckets = years.flatMap((year) => {
    const period = parsePeriod(String(year));
    return period ? bucketsOf(period) : [];
  });
  const totals = await yearTotals(db, {
    orgUnitIds: unitIds,
    dataElementIds: [...elementIds],
    buckets,
  });
  const index = new Map<string, YearTotal[]>();
  for (const t of totals) {
    const k = `${t.orgUnitId}|${t.dataElementId}|${t.year}`;
    const list = index.get(k);
    if (list) list.push(t);
    else index.set(k, [t]);
  }
  /** One operand's figure and its months; combos are added up unless the operand names one. */
  const operand = (o: Operand, unitId: number, year: number) => {
    const de = elements.get(o.dataElement);
    if (!de) return null;
    const cocId = o.coc === null ? null : (combos.get(o.coc)?.id ?? -1);
    const rows = (index.get(`${unitId}|${de.id}|${year}`) ?? []).filter(
      (t) => cocId === null || t.cocId === cocId,
    );
    if (rows.length === 0) return null;
    const sum = rows.reduce((a, t) => a + t.sum, 0);
    // Combos of one element are reported together: the months of the most complete one.
    const months = Math.max(...rows.map((t) => t.buckets));
    return { value: de.aggregation === "sum" ? sum : sum / months, months };
  };
  return (i, year, unitId) => {
    const f = formulas.get(i.id);
    if (!f) return null;
    const result = evaluateIndicator(
      { ...f, factor: i.factor },
      (o) => operand(o, unitId, year)?.value ?? null,
      (uid) => constants.get(uid) ?? null,
    );
    if (result === null) return null;
    const months = Math.max(
      0,
      ...operandsOf(f.numerator).map((o) => operand(o, unitId, year)?.months ?? 0),
    );
    return { ...result, months };
  };
}

export interface Cell {
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/**
 * Analytics for dx × pe × ou with numerators and denominators, as a map "dx|pe|ou" → cell. An
 * indicator the engine cannot answer (a broken expression) leaves its cells empty.
 */
export async function analyticsCells(
  db: Db,
  actor: Actor,
  dx: readonly string[],
  pe: readonly string[],
  ou: readonly string[],
): Promise<Map<string, Cell>> {
  const out = new Map<string, Cell>();
  if (dx.length === 0 || pe.length === 0 || ou.length === 0) return out;
  const answer = await runAnalytics(
    db,
    { actor },
    {
      dimensions: [
        { name: "dx", items: [...dx] },
        { name: "pe", items: [...pe] },
        { name: "ou", items: [...ou] },
      ],
      filters: [],
      skipMeta: true,
      skipData: false,
      includeNumDen: true,
      displayProperty: "NAME",
    },
  ).catch((e: unknown) => {
    if (isProblem(e)) return null;
    throw e;
  });
  if (answer === null) return out;
  const at = (name: string) => answer.headers.findIndex((h) => h.name === name);
  const [d, p, o, v, n, q] = ["dx", "pe", "ou", "value", "numerator", "denominator"].map(at);
  const num = (text: string | undefined) =>
    text === undefined || text === "" ? null : Number(text);
  for (const r of answer.rows) {
    const value = num(r[v as number]);
    if (value === null || !Number.isFinite(value)) continue;
    out.set(`${r[d as number]}|${r[p as number]}|${r[o as number]}`, {
      value,
      numerator: num(r[n as number]),
      denominator: num(r[q as number]),
    });
  }
  return out;
}
