// The part of DHIS2's analytics query that Jalon answers, read from a query string: `dimension=`
// and `filter=` for dx (indicators, data elements, element.combo operands), pe (ISO periods) and
// ou (units, with LEVEL-n inside them), plus the few options that change the answer's shape. Any
// other parameter or item is refused by name, so a DHIS2 tool learns at once what is missing.

export type DimensionName = "dx" | "pe" | "ou";

export interface AnalyticsQuery {
  /** The dimensions in the order asked, each with its items as written. */
  dimensions: { name: DimensionName; items: string[] }[];
  /** Filters: their items are aggregated together and not shown as columns. */
  filters: { name: DimensionName; items: string[] }[];
  skipMeta: boolean;
  skipData: boolean;
  includeNumDen: boolean;
  displayProperty: "NAME" | "SHORTNAME";
}

export type QueryProblem =
  | { code: "unsupported_parameter"; item: string }
  | { code: "unsupported_dimension"; item: string }
  | { code: "dimension_repeated"; item: string }
  | { code: "dimension_empty"; item: string }
  | { code: "invalid_option"; item: string }
  | { code: "dx_missing"; item: string }
  | { code: "pe_missing"; item: string }
  | { code: "ou_missing"; item: string };

const OPTIONS = new Set(["skipMeta", "skipData", "includeNumDen", "displayProperty"]);

/** Parses `dimension=dx:a;b&dimension=pe:202201&filter=ou:x` (already URL-decoded pairs). */
export function parseAnalyticsQuery(
  pairs: Iterable<[string, string]>,
): { ok: true; query: AnalyticsQuery } | { ok: false; problems: QueryProblem[] } {
  const problems: QueryProblem[] = [];
  const query: AnalyticsQuery = {
    dimensions: [],
    filters: [],
    skipMeta: false,
    skipData: false,
    includeNumDen: false,
    displayProperty: "NAME",
  };
  const seen = new Set<string>();
  for (const [key, value] of pairs) {
    if (key === "dimension" || key === "filter") {
      const colon = value.indexOf(":");
      const name = colon < 0 ? value : value.slice(0, colon);
      if (name !== "dx" && name !== "pe" && name !== "ou") {
        problems.push({ code: "unsupported_dimension", item: name });
        continue;
      }
      if (seen.has(name)) {
        problems.push({ code: "dimension_repeated", item: name });
        continue;
      }
      seen.add(name);
      const items =
        colon < 0
          ? []
          : value
              .slice(colon + 1)
              .split(";")
              .map((i) => i.trim())
              .filter((i) => i !== "");
      if (items.length === 0) {
        problems.push({ code: "dimension_empty", item: name });
        continue;
      }
      (key === "dimension" ? query.dimensions : query.filters).push({ name, items });
    } else if (OPTIONS.has(key)) {
      if (key === "displayProperty") {
        const v = value.toUpperCase();
        if (v === "NAME" || v === "SHORTNAME") query.displayProperty = v;
        else problems.push({ code: "invalid_option", item: `${key}=${value}` });
        continue;
      }
      if (value !== "true" && value !== "false") {
        problems.push({ code: "invalid_option", item: `${key}=${value}` });
        continue;
      }
      query[key as "skipMeta" | "skipData" | "includeNumDen"] = value === "true";
    } else problems.push({ code: "unsupported_parameter", item: key });
  }
  for (const name of ["dx", "pe", "ou"] as const)
    if (!seen.has(name) && !problems.some((p) => p.item === name))
      problems.push({ code: `${name}_missing`, item: name });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, query };
}

/** A `LEVEL-n` item of the ou dimension: every unit at depth n inside the units named beside it. */
export function levelItem(item: string): number | null {
  const m = /^LEVEL-(\d{1,2})$/.exec(item);
  return m ? Number(m[1]) : null;
}

/** A dx item `element.combo` (a data element operand), else the item whole. */
export function splitOperand(item: string): { element: string; combo: string | null } {
  const dot = item.indexOf(".");
  return dot < 0
    ? { element: item, combo: null }
    : { element: item.slice(0, dot), combo: item.slice(dot + 1) };
}

export interface AnalyticsHeader {
  name: string;
  column: string;
  valueType: "TEXT" | "NUMBER";
  type: "java.lang.String" | "java.lang.Double";
  hidden: false;
  meta: boolean;
}

export interface AnalyticsResponse {
  headers: AnalyticsHeader[];
  metaData?: {
    items: Record<string, { name: string }>;
    dimensions: Record<string, string[]>;
  };
  rows: string[][];
  headerWidth: number;
  height: number;
  width: number;
}

const COLUMN: Record<DimensionName, string> = { dx: "Data", pe: "Period", ou: "Organisation unit" };

export interface ResultRow {
  /** The dimension items, in the query's order of dimensions. */
  keys: string[];
  value: number;
  numerator?: number | null;
  denominator?: number | null;
  factor?: number | null;
}

/** DHIS2's response shape: text headers for each dimension, the value, rows of strings. */
export function analyticsResponse(
  query: AnalyticsQuery,
  rows: readonly ResultRow[],
  meta: { items: Record<string, { name: string }>; dimensions: Record<string, string[]> },
): AnalyticsResponse {
  const headers: AnalyticsHeader[] = query.dimensions.map((d) => ({
    name: d.name,
    column: COLUMN[d.name],
    valueType: "TEXT",
    type: "java.lang.String",
    hidden: false,
    meta: true,
  }));
  const numeric = (name: string, column: string): AnalyticsHeader => ({
    name,
    column,
    valueType: "NUMBER",
    type: "java.lang.Double",
    hidden: false,
    meta: false,
  });
  headers.push(numeric("value", "Value"));
  if (query.includeNumDen)
    headers.push(
      numeric("numerator", "Numerator"),
      numeric("denominator", "Denominator"),
      numeric("factor", "Factor"),
    );
  // Fifteen significant digits; an integer below 10^15 is already exact at that precision.
  const text = (n: number | null | undefined) =>
    n === null || n === undefined
      ? ""
      : Number.isInteger(n) && Math.abs(n) < 1e15
        ? String(n)
        : String(Number(n.toPrecision(15)));
  const out = query.skipData
    ? []
    : rows.map((r) => {
        const row = [...r.keys, text(r.value)];
        if (query.includeNumDen) row.push(text(r.numerator), text(r.denominator), text(r.factor));
        return row;
      });
  return {
    headers,
    ...(query.skipMeta ? {} : { metaData: meta }),
    rows: out,
    headerWidth: headers.length,
    height: out.length,
    width: headers.length,
  };
}
