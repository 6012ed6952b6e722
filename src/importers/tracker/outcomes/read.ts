// Reads an uploaded series file into rows for map.ts: size-capped (a series is a few hundred
// rows: a file over the cap is not one), decoded as UTF-8 with or without its byte-order mark,
// CSV split on the separator its header uses (";" where Excel is set to French), JSON parsed.
import { parse } from "csv-parse/sync";
import {
  type MapOptions,
  type Mapped,
  mapDhsJson,
  mapGenericCsv,
  mapTrack20Csv,
  type SeriesFormat,
} from "./map.ts";

/**
 * 900 KB, under the 1 MB body limit of an ordinary form: a country's Track20 table or a DHS
 * answer is a few tens of kilobytes.
 */
export const MAX_SERIES_FILE_BYTES = 900 * 1024;

function decode(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function separatorOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [";", ",", "\t"].map((s) => [s, header.split(s).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? counts[0][0] : ",";
}

export function readSeriesFile(
  bytes: Uint8Array,
  format: SeriesFormat,
  options: MapOptions,
): Mapped {
  if (bytes.byteLength > MAX_SERIES_FILE_BYTES) return { ok: false, problem: "too_large" };
  const text = decode(bytes);
  if (text === null) return { ok: false, problem: "unreadable" };
  if (format === "dhs") {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      return { ok: false, problem: "not_dhs" };
    }
    return mapDhsJson(data, options);
  }
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: separatorOf(text),
      bom: true,
      relax_column_count: true,
      trim: true,
    }) as string[][];
  } catch {
    return { ok: false, problem: "unreadable" };
  }
  return format === "track20" ? mapTrack20Csv(records, options) : mapGenericCsv(records, options);
}
