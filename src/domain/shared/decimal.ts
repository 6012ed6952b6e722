// Numbers as people type them: "12,5" and "12.5", "1 234,5" with ordinary, no-break or narrow
// no-break spaces between thousands, "33 000 000". One rule for pages, the API and imports.

export type DecimalReason = "empty" | "not_a_number" | "negative";

export type DecimalResult = { ok: true; value: number } | { ok: false; reason: DecimalReason };

export interface DecimalOptions {
  /** Quantities are never negative unless a field says otherwise. */
  allowNegative?: boolean;
}

// Spaces that may group thousands: ordinary, no-break (U+00A0), narrow no-break (U+202F), thin.
const SPACE = "[ \\u00a0\\u202f\\u2009]";
const PLAIN = /^(\d*)(?:([.,])(\d+))?$/;
const SPACED = new RegExp(`^(\\d{1,3}(?:${SPACE}\\d{3})+)(?:([.,])(\\d+))?$`);
// Commas or dots between thousands are read as such only where they cannot be the decimal mark:
// "1,234,567", "1,234.5", "1.234.567", "1.234,5". A single "1,234" is the French 1.234.
const COMMAS = /^(\d{1,3}(?:,\d{3}){2,})(?:(\.)(\d+))?$|^(\d{1,3},\d{3})(\.)(\d+)$/;
const DOTS = /^(\d{1,3}(?:\.\d{3}){2,})(?:(,)(\d+))?$|^(\d{1,3}\.\d{3})(,)(\d+)$/;

function digitsOf(text: string): { whole: string; fraction: string } | null {
  const plain = PLAIN.exec(text);
  if (plain) {
    const whole = plain[1] ?? "";
    const fraction = plain[3] ?? "";
    // "," alone or "12," is not a number; ",5" is half.
    if (whole === "" && fraction === "") return null;
    return { whole: whole === "" ? "0" : whole, fraction };
  }
  const spaced = SPACED.exec(text);
  if (spaced) return { whole: (spaced[1] ?? "").replace(/\D/g, ""), fraction: spaced[3] ?? "" };
  for (const pattern of [COMMAS, DOTS]) {
    const m = pattern.exec(text);
    if (m) {
      const whole = m[1] ?? m[4] ?? "";
      return { whole: whole.replace(/\D/g, ""), fraction: m[3] ?? m[6] ?? "" };
    }
  }
  return null;
}

/** Reads a typed number; refuses "1,2,3", "12abc", "1e5" and, unless allowed, negatives. */
export function parseDecimal(text: string, options: DecimalOptions = {}): DecimalResult {
  const trimmed = text.replace(/^[\s\u00a0\u202f\u2009]+|[\s\u00a0\u202f\u2009]+$/g, "");
  if (trimmed === "") return { ok: false, reason: "empty" };
  // A minus may be typed as a hyphen or as the true minus sign (U+2212).
  const sign = /^[-+\u2212]/.exec(trimmed)?.[0] ?? "";
  const digits = digitsOf(trimmed.slice(sign.length).replace(/^[\s\u00a0\u202f]+/, ""));
  if (!digits) return { ok: false, reason: "not_a_number" };
  const magnitude = Number(`${digits.whole}.${digits.fraction || "0"}`);
  if (!Number.isFinite(magnitude)) return { ok: false, reason: "not_a_number" };
  const negative = sign !== "" && sign !== "+" && magnitude !== 0;
  if (negative && !options.allowNegative) return { ok: false, reason: "negative" };
  return { ok: true, value: negative ? -magnitude : magnitude };
}

/**
 * Splits "33 000 000 FCFA" or "12,5 km" into the number and what follows it. The number is the
 * longest leading run of digits, separators and spaces that parseDecimal reads; null when none is.
 */
export function leadingDecimal(
  text: string,
  options: DecimalOptions = {},
): { value: number; rest: string } | { value: null; rest: string; reason: DecimalReason } {
  const trimmed = text.trim();
  const run = /^[-+\u2212]?[\d.,\s\u00a0\u202f\u2009]*/.exec(trimmed)?.[0] ?? "";
  // Try the longest run first, then shorter ones ending on a digit ("1 234 prestataires").
  for (let end = run.length; end > 0; end--) {
    const head = trimmed.slice(0, end);
    if (!/\d$/.test(head)) continue;
    const after = trimmed.slice(end);
    // The number must end at a word break: "12abc" is not 12 followed by "abc".
    if (after !== "" && !/^[\s\u00a0\u202f\u2009]/.test(after)) continue;
    const parsed = parseDecimal(head, options);
    if (parsed.ok) return { value: parsed.value, rest: after.trim() };
    if (parsed.reason === "negative")
      return { value: null, rest: after.trim(), reason: "negative" };
  }
  const first = trimmed.split(/[\s\u00a0\u202f\u2009]+/)[0] ?? "";
  return {
    value: null,
    rest: trimmed.slice(first.length).trim(),
    reason: first === "" ? "empty" : "not_a_number",
  };
}
