// What the DHIS2 reader tests share: the fixtures, byte sources cut into chunks of any size,
// and every record of a reading gathered.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { DataValueRecord } from "../../../src/importers/health/dhis2/map.ts";
import { type ReadOptions, readDataValues } from "../../../src/importers/health/dhis2/read.ts";

export const FIXTURES = join(import.meta.dirname, "../../fixtures/dhis2");

export function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** The bytes as a stream of chunks of `size` bytes (1: every multi-byte character split). */
export async function* chunked(bytes: Uint8Array | string, size = 64 * 1024) {
  const all = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  for (let at = 0; at < all.byteLength; at += size) yield all.subarray(at, at + size);
}

export async function readAll(
  bytes: Uint8Array | string,
  options: ReadOptions & { chunk?: number } = {},
): Promise<DataValueRecord[]> {
  const out: DataValueRecord[] = [];
  for await (const batch of readDataValues(chunked(bytes, options.chunk), options))
    out.push(...batch);
  return out;
}

/** The error a reading fails with (the test fails if it does not). */
export async function readError(
  bytes: Uint8Array | string,
  options: ReadOptions & { chunk?: number } = {},
) {
  try {
    await readAll(bytes, options);
  } catch (error) {
    return error;
  }
  throw new Error("the reading did not fail");
}
