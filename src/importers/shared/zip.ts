// Reads a zip's central directory (PKWARE APPNOTE §4.3.12–16) without inflating anything, so an
// upload that would unpack to far more than a questionnaire can be refused before exceljs opens
// it. The declared sizes can lie; the reading worker's heap and time limits catch those.

export interface ZipSummary {
  entries: number;
  /** Sum of the declared uncompressed sizes. */
  uncompressed: number;
}

export type ZipCheck =
  | { ok: true; summary: ZipSummary }
  | { ok: false; reason: "unreadable" | "too_expanded" };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const EOCD_SIZE = 22;
/** The end record sits within the last 22 bytes plus a comment of at most 65 535. */
const MAX_BACK = EOCD_SIZE + 0xffff;

/** The central directory's totals, or a refusal once `limits` are passed (or it is damaged). */
export function checkZip(bytes: Uint8Array, limits: { bytes: number; entries: number }): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - EOCD_SIZE; i >= Math.max(0, bytes.length - MAX_BACK); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return { ok: false, reason: "unreadable" };
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  // 0xFFFF / 0xFFFFFFFF mean ZIP64: no questionnaire needs it.
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff)
    return { ok: false, reason: "too_expanded" };
  if (count > limits.entries) return { ok: false, reason: "too_expanded" };
  if (start + size > end) return { ok: false, reason: "unreadable" };
  let at = start;
  let uncompressed = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL)
      return { ok: false, reason: "unreadable" };
    const declared = view.getUint32(at + 24, true);
    if (declared === 0xffffffff) return { ok: false, reason: "too_expanded" };
    uncompressed += declared;
    if (uncompressed > limits.bytes) return { ok: false, reason: "too_expanded" };
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, summary: { entries: count, uncompressed } };
}
