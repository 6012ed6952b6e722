// Reads a DHIS2 metadata export (`/api/metadata`, JSON, gzipped or not) element by element of
// each known collection (@streamparser/json): one element is held at a time, so an export of
// tens of thousands of org units with their boundaries reads in flat memory.
import { Tokenizer, TokenParser } from "@streamparser/json";
import { Dhis2ReadError } from "../map.ts";
import { type ByteSource, DEFAULT_MAX_BYTES, openSource } from "../source.ts";
import {
  METADATA_COLLECTIONS,
  type MetadataCollection,
  type MetadataItem,
  metadataItem,
} from "./map.ts";

const isCollection = (key: unknown): key is MetadataCollection =>
  typeof key === "string" && Object.hasOwn(METADATA_COLLECTIONS, key);

export async function* readMetadata(
  source: ByteSource,
  options: { maxBytes?: number } = {},
): AsyncGenerator<MetadataItem> {
  const { sniffed, bytes, close } = await openSource(source, options.maxBytes ?? DEFAULT_MAX_BYTES);
  // Only JSON: its first byte is then `{`, so the root is an object.
  if (sniffed !== "json") {
    await close();
    throw new Dhis2ReadError(sniffed === "zip" ? "zip_unsupported" : "not_metadata");
  }
  const tokenizer = new Tokenizer();
  const parser = new TokenParser({
    paths: Object.keys(METADATA_COLLECTIONS).map((key) => `$.${key}.*`),
    keepStack: false,
  });
  tokenizer.onToken = (info) => parser.write(info);
  let pending: MetadataItem[] = [];
  let failure: Error | null = null;
  parser.onValue = ({ value, key, stack }) => {
    const collection = stack[1]?.key;
    if (!isCollection(collection) || typeof key !== "number") return;
    pending.push(metadataItem(collection, value, key));
  };
  const fail = (error: Error) => {
    failure ??= new Dhis2ReadError("json_malformed", null, { reason: error.message });
  };
  tokenizer.onError = fail;
  // The parser alone knows a document left open: it must be told the bytes have ended.
  tokenizer.onEnd = () => {
    if (!parser.isEnded) parser.end();
  };
  parser.onError = fail;
  for await (const chunk of bytes) {
    tokenizer.write(chunk);
    if (failure) throw failure;
    if (pending.length > 0) {
      yield* pending;
      pending = [];
    }
  }
  if (!tokenizer.isEnded) tokenizer.end();
  if (failure) throw failure;
  yield* pending;
}
