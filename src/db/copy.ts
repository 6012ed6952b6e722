// Bulk loading with COPY: rows become CSV text, sent to PostgreSQL as one COPY … FROM STDIN
// streamed over the connection, or to PGlite as COPY … FROM '/dev/blob' in chunks inside one
// transaction. Either way a load stores every row or none.
import { setImmediate as nextTurn } from "node:timers/promises";
import type pg from "pg";
import { quoteIdent } from "./pglite-thread.ts";

/**
 * Rows to load: each an array of values in the order of the columns named, or text already in
 * COPY's CSV form (`csv`: chunks of whole lines, e.g. made by a worker thread), sent as it is.
 */
export type CopyRows =
  | AsyncIterable<readonly unknown[]>
  | Iterable<readonly unknown[]>
  | { csv: Iterable<Uint8Array<ArrayBuffer>> | AsyncIterable<Uint8Array<ArrayBuffer>> };

/** CSV chunks of about this many bytes are sent at once. */
export const CHUNK_BYTES = 4 * 1024 * 1024;

/** `COPY "table" ("a", "b") FROM <source> WITH (FORMAT csv)`. */
export function copyStatement(table: string, columns: readonly string[], source: string): string {
  const names = columns.map(quoteIdent).join(", ");
  return `copy ${quoteIdent(table)} (${names}) from ${source} with (format csv)`;
}

/**
 * One value as a CSV field. NULL is the empty unquoted field; every text is quoted, so an empty
 * string stays distinct from NULL and commas, quotes and line breaks survive.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  let text: string;
  if (typeof value === "string") text = value;
  else if (value instanceof Date) text = value.toISOString();
  else if (value instanceof Uint8Array) text = `\\x${Buffer.from(value).toString("hex")}`;
  else text = JSON.stringify(value);
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvLine(row: readonly unknown[], width: number): string {
  if (row.length !== width) {
    throw new Error(`copy: a row has ${row.length} values for ${width} columns`);
  }
  let line = csvField(row[0]);
  for (let i = 1; i < width; i++) line += `,${csvField(row[i])}`;
  return `${line}\n`;
}

/** Lines joined into one flat string at a time. */
const BLOCK_LINES = 500;

/** Lines written between two turns of the event loop. */
const LINES_PER_TURN = 1000;

/**
 * The rows as CSV byte chunks of about CHUNK_BYTES each. Rows an async generator hands on
 * without waiting come through microtasks only, which would hold the event loop for a whole
 * chunk: every LINES_PER_TURN lines, other work gets a turn.
 */
export async function* csvChunks(
  rows: CopyRows,
  width: number,
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  if ("csv" in rows) {
    yield* rows.csv;
    return;
  }
  const encoder = new TextEncoder();
  // A line built by concatenation is a tree of string pieces, several times its length in
  // memory: every BLOCK_LINES lines are joined into one flat string, so that a chunk being
  // filled takes about its own size rather than several times it.
  let blocks: string[] = [];
  let lines: string[] = [];
  let size = 0;
  const take = (): Uint8Array<ArrayBuffer> => {
    blocks.push(lines.join(""));
    const chunk = encoder.encode(blocks.join(""));
    blocks = [];
    lines = [];
    size = 0;
    return chunk;
  };
  /** Adds a row; the chunk to send when it is full. */
  const add = (row: readonly unknown[]): Uint8Array<ArrayBuffer> | null => {
    const line = csvLine(row, width);
    lines.push(line);
    size += line.length;
    if (size >= CHUNK_BYTES) return take();
    if (lines.length >= BLOCK_LINES) {
      blocks.push(lines.join(""));
      lines = [];
    }
    return null;
  };
  let sinceTurn = 0;
  if (Symbol.asyncIterator in rows) {
    for await (const row of rows) {
      const chunk = add(row);
      if (chunk) yield chunk;
      if (++sinceTurn >= LINES_PER_TURN) {
        sinceTurn = 0;
        await nextTurn();
      }
    }
  } else {
    // Rows already in hand are read in a plain loop: `for await` would add a microtask per row.
    for (const row of rows) {
      const chunk = add(row);
      if (chunk) yield chunk;
      if (++sinceTurn >= LINES_PER_TURN) {
        sinceTurn = 0;
        await nextTurn();
      }
    }
  }
  if (size > 0) yield take();
}

/**
 * COPY … FROM STDIN on one pg client, through pg's documented extension point for custom
 * queries (an object with `submit`, as pg-cursor uses): pg hands us the connection when the
 * server asks for data, and we stream the chunks with backpressure. Resolves with the row count.
 */
export function copyFromStdin(
  client: pg.PoolClient,
  sql: string,
  chunks: AsyncIterable<Uint8Array>,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let count = 0;
    let failed: Error | null = null;
    let sending: Promise<void> | null = null;
    const submittable = {
      submit(connection: CopyConnection) {
        connection.query(sql);
      },
      handleCopyInResponse(connection: CopyConnection) {
        sending = send(connection).catch((error: Error) => {
          failed ??= error;
          connection.sendCopyFail(error.message.slice(0, 200));
        });
      },
      handleCommandComplete(message: { text?: string }) {
        const n = Number.parseInt(message.text?.split(" ").pop() ?? "", 10);
        if (Number.isInteger(n)) count = n;
      },
      // After an error pg forgets the query (ReadyForQuery is not passed on), so this settles;
      // it waits for the sender to stop, so that the client goes back to the pool quiet.
      handleError(error: Error) {
        failed ??= error;
        const settle = () => reject(failed);
        if (sending) void sending.then(settle);
        else settle();
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve(count);
      },
      // Messages a COPY FROM never receives; pg calls them by name if they came.
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    const send = async (connection: CopyConnection) => {
      for await (const chunk of chunks) {
        if (failed) return;
        connection.sendCopyFromChunk(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
        if (connection.stream.writableNeedDrain) await drained(connection.stream);
      }
      if (!failed) connection.endCopyFrom();
    };
    (client as unknown as { query(s: unknown): void }).query(submittable);
  });
}

/** Resolves when the socket can take more, or is gone. */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise<void>((done) => {
    const finish = () => {
      stream.off("drain", finish);
      stream.off("close", finish);
      done();
    };
    stream.on("drain", finish);
    stream.on("close", finish);
  });
}

/** The part of pg's internal connection a COPY FROM STDIN uses. */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain: boolean };
}
