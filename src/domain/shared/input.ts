// Limits that every value from outside must respect before it reaches the database: ids fit
// PostgreSQL's int4, dates are real calendar days, text holds no NUL (PostgreSQL refuses it).

/** The largest id a `serial`/`integer` column holds. */
export const INT4_MAX = 2_147_483_647;

/** A positive integer that fits an int4 id column. */
export function isId(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= INT4_MAX;
}

/** The id written as decimal digits (no sign, no exponent, no spaces), or null. */
export function parseId(text: string | null | undefined): number | null {
  if (typeof text !== "string" || !/^[0-9]{1,10}$/.test(text)) return null;
  const n = Number(text);
  return isId(n) ? n : null;
}

/** A version counter from an If-Match header (`"3"`, `W/"3"` or `3`), or null when malformed. */
export function parseVersionTag(header: string): number | null {
  const m = /^\s*(?:W\/)?"?([0-9]{1,10})"?\s*$/.exec(header);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  return n <= INT4_MAX ? n : null;
}

/** YYYY-MM-DD naming a day that exists (2023-02-30 does not), years 1000–9999. */
export function isCalendarDate(text: string): boolean {
  const m = /^([1-9][0-9]{3})-([0-9]{2})-([0-9]{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days;
}

/** True when the text holds a NUL character, which no text column can store. */
export function hasNul(text: string): boolean {
  return text.includes("\u0000");
}
