// The indicator explorer's table and chart as plain data: what the page shows, the CSV and the
// workbook print and the chart draws. Built by services/health/explorer.ts, structured-clonable
// so that the rendering worker can take it.
import type { Lang } from "../../domain/shared/lang.ts";

export interface ExplorerRow {
  unit: string;
  unitId: string;
  /** The period as the page writes it ("janv. 2022", "T1 2022") and its DHIS2 id. */
  period: string;
  periodId: string;
  /** Null where the unit has no value for the period (the table shows every pair). */
  value: number | null;
  /** An indicator's numerator and denominator; null for a data element. */
  numerator: number | null;
  denominator: number | null;
}

export interface ExplorerSheet {
  lang: Lang;
  /** The indicator or data element, then the unit and range, as one line each. */
  title: string;
  subtitle: string;
  /** The column headers in the order of ExplorerRow's fields. */
  headers: {
    unit: string;
    unitId: string;
    period: string;
    periodId: string;
    value: string;
    numerator: string;
    denominator: string;
  };
  /** False for a data element: no numerator or denominator columns. */
  withNumDen: boolean;
  /** Decimals the value is rounded to where it is written as text. */
  decimals: number;
  rows: ExplorerRow[];
}

export interface ExplorerChart {
  lang: Lang;
  /** A line per unit over the periods, or bars (one per unit) for one period. */
  kind: "line" | "bar";
  /** The x axis: periods for lines, units for bars. */
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  decimals: number;
}
