// What a data value may be: the numeric value types Jalon stores (DHIS2's names), how an element
// aggregates, and the check of one value as written in a file or a form against its element's
// type. A refused value is a reason code, never a throw.

export const VALUE_TYPES = [
  "NUMBER",
  "INTEGER",
  "INTEGER_POSITIVE",
  "INTEGER_NEGATIVE",
  "INTEGER_ZERO_OR_POSITIVE",
  "PERCENTAGE",
  "UNIT_INTERVAL",
  "BOOLEAN",
  "TRUE_ONLY",
] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const AGGREGATIONS = ["sum", "average"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** What a number stored against an indicator and a unit says: where it started, where it aims. */
export const TARGET_KINDS = ["baseline", "target"] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export function isValueType(text: string): text is ValueType {
  return (VALUE_TYPES as readonly string[]).includes(text);
}

/** DHIS2's aggregation types, as Jalon rolls them up: averages over time, sums otherwise. */
export function aggregationOf(dhis2Type: string | null | undefined): Aggregation {
  const t = (dhis2Type ?? "SUM").toUpperCase();
  return t.startsWith("AVERAGE") ? "average" : "sum";
}

/** Why a value was refused. */
export type ValueRefusal =
  | "value_missing"
  | "value_not_numeric"
  | "value_not_integer"
  | "value_not_positive"
  | "value_negative"
  | "value_not_negative"
  | "value_out_of_range"
  | "value_not_boolean";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The number a value stands for, or why it cannot be stored for an element of this type. */
export function checkValue(
  type: ValueType,
  text: string | number | boolean | null | undefined,
): { ok: true; value: number } | { ok: false; reason: ValueRefusal } {
  if (text === null || text === undefined) return { ok: false, reason: "value_missing" };
  const raw = String(text).trim();
  if (raw === "") return { ok: false, reason: "value_missing" };
  if (type === "BOOLEAN" || type === "TRUE_ONLY") {
    const t = raw.toLowerCase();
    if (t === "true" || t === "1") return { ok: true, value: 1 };
    if (type === "BOOLEAN" && (t === "false" || t === "0")) return { ok: true, value: 0 };
    return { ok: false, reason: "value_not_boolean" };
  }
  // A decimal comma is how Mali writes numbers; DHIS2 files use the point.
  const normal = raw.replace(",", ".");
  if (!NUMBER.test(normal)) return { ok: false, reason: "value_not_numeric" };
  const value = Number(normal);
  if (!Number.isFinite(value)) return { ok: false, reason: "value_not_numeric" };
  switch (type) {
    case "NUMBER":
      return { ok: true, value };
    case "PERCENTAGE":
      return value < 0 || value > 100
        ? { ok: false, reason: "value_out_of_range" }
        : { ok: true, value };
    case "UNIT_INTERVAL":
      return value < 0 || value > 1
        ? { ok: false, reason: "value_out_of_range" }
        : { ok: true, value };
    default: {
      if (!Number.isInteger(value)) return { ok: false, reason: "value_not_integer" };
      if (type === "INTEGER_POSITIVE" && value <= 0)
        return { ok: false, reason: "value_not_positive" };
      if (type === "INTEGER_ZERO_OR_POSITIVE" && value < 0)
        return { ok: false, reason: "value_negative" };
      if (type === "INTEGER_NEGATIVE" && value >= 0)
        return { ok: false, reason: "value_not_negative" };
      return { ok: true, value };
    }
  }
}
