// Drives a csv-parse parser over a byte stream and hands on what its row handler gathered, in
// groups as the chunks come: each write's callback comes once the chunk is parsed, so the rows
// of that chunk are all gathered then. The first failure the handlers record stops the reading.
import type { Parser } from "csv-parse";

export async function* parsedGroups<T>(
  parser: Parser,
  bytes: AsyncIterable<Uint8Array>,
  take: () => T[],
  failure: () => Error | null,
): AsyncGenerator<T[]> {
  const feed = (chunk: Uint8Array | null) =>
    new Promise<void>((resolve) => {
      if (chunk === null) parser.end(resolve);
      else parser.write(chunk, () => resolve());
    });
  try {
    for await (const chunk of bytes) {
      await feed(chunk);
      const failed = failure();
      if (failed) throw failed;
      const group = take();
      if (group.length > 0) yield group;
    }
    await feed(null);
    const failed = failure();
    if (failed) throw failed;
    const group = take();
    if (group.length > 0) yield group;
  } finally {
    parser.destroy();
  }
}
