// The bytes of a DHIS2 file as the readers take them: any stream or async iterable made into
// chunks of bytes, its first bytes looked at without being lost, gzip opened on the way (a
// corrupt stream is a read error, not a crash), and a cap on the bytes read once decompressed.
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { Dhis2ReadError, detectFormat, type Sniffed } from "./map.ts";

export type ByteSource = AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream;

export const DEFAULT_MAX_BYTES = 2 * 1024 ** 3;

/** How many bytes are looked at to tell the format (an XML prolog can be long). */
const SNIFF_BYTES = 64 * 1024;

export async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  for await (const chunk of source as AsyncIterable<Uint8Array | string>) {
    yield typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
  }
}

/** The first bytes (up to SNIFF_BYTES, fewer if the file is shorter) and all the bytes again. */
async function peek(
  chunks: AsyncIterator<Uint8Array>,
): Promise<{ head: Uint8Array; all: AsyncGenerator<Uint8Array>; close: () => Promise<void> }> {
  const seen: Uint8Array[] = [];
  let size = 0;
  while (size < SNIFF_BYTES) {
    const next = await chunks.next();
    if (next.done) break;
    seen.push(next.value);
    size += next.value.byteLength;
  }
  const joined = Buffer.concat(seen);
  // A UTF-8 byte order mark (Excel writes one) is dropped here, for every reader at once.
  const bom = joined[0] === 0xef && joined[1] === 0xbb && joined[2] === 0xbf ? 3 : 0;
  const head = joined.subarray(bom, SNIFF_BYTES);
  async function* all(): AsyncGenerator<Uint8Array> {
    try {
      if (joined.byteLength > bom) yield joined.subarray(bom);
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      // A reading stopped early (a refused file, a caller gone) closes the source with it.
      await chunks.return?.();
    }
  }
  const close = async () => {
    await chunks.return?.();
  };
  return { head, all: all(), close };
}

async function* capped(chunks: AsyncIterable<Uint8Array>, maxBytes: number) {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.byteLength;
    if (total > maxBytes) throw new Dhis2ReadError("too_large", null, { maxBytes });
    yield chunk;
  }
}

async function* gunzipped(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflating = createGunzip();
  pipeline(Readable.from(chunks), inflating, () => {});
  try {
    for await (const chunk of inflating) yield chunk as Buffer;
  } catch (error) {
    if (error instanceof Dhis2ReadError) throw error;
    throw new Dhis2ReadError("gzip_corrupt");
  } finally {
    inflating.destroy();
  }
}

/**
 * Opens a source: its format from its first bytes (through one gzip layer) and its bytes,
 * decompressed, refused beyond `maxBytes`.
 */
export async function openSource(
  source: ByteSource,
  maxBytes: number,
): Promise<{
  sniffed: Exclude<Sniffed, "gzip">;
  /** The first bytes (decompressed), which `bytes` yields again. */
  head: Uint8Array;
  bytes: AsyncGenerator<Uint8Array>;
  /** Closes the source unread, for a file refused from its first bytes. */
  close: () => Promise<void>;
}> {
  const raw = await peek(chunksOf(source)[Symbol.asyncIterator]());
  if (detectFormat(raw.head) !== "gzip") {
    const bytes = capped(raw.all, maxBytes);
    return { sniffed: plain(raw.head), head: raw.head, bytes, close: raw.close };
  }
  const inner = await peek(capped(gunzipped(raw.all), maxBytes)[Symbol.asyncIterator]());
  return { sniffed: plain(inner.head), head: inner.head, bytes: inner.all, close: inner.close };
}

/** A gzip inside a gzip is not a DHIS2 export: read as a file that is not text. */
function plain(head: Uint8Array): Exclude<Sniffed, "gzip"> {
  const sniffed = detectFormat(head);
  return sniffed === "gzip" ? "binary" : sniffed;
}
