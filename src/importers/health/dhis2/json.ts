// Reads a JSON data value set element by element: the document through a streaming parser
// (@streamparser/json), each object of `dataValues` cut out of the stream beforehand and read
// by JSON.parse (json-split.ts says why). Only the set-level fields and one chunk's values are
// ever held, so memory stays flat whatever the size. Numbers keep the digits they were written
// with (`12.50` stays "12.50").
import { Tokenizer, TokenParser, TokenType } from "@streamparser/json";
import { ArrayElementSplitter } from "./json-split.ts";
import {
  type DataValueRecord,
  type DataValueSetHeader,
  Dhis2ReadError,
  dataValueRecord,
  EMPTY_HEADER,
  setHeader,
} from "./map.ts";

const SET_FIELDS = [
  "dataSet",
  "completeDate",
  "completedDate",
  "period",
  "orgUnit",
  "attributeOptionCombo",
];

/** A tokenizer that hands numbers on as their text: a value is stored as DHIS2 wrote it. */
class TextNumberTokenizer extends Tokenizer {
  override parseNumber(numberStr: string): number {
    return numberStr as unknown as number;
  }
}

/** What the parser is handed in place of an object the splitter cut out. */
const PLACEHOLDER = new TextEncoder().encode("null");

/** JSON.parse's reviver keeping a number's own text (source text access, Node ≥ 21). */
function numberText(this: unknown, _key: string, value: unknown, context?: { source?: string }) {
  return typeof value === "number" && context?.source !== undefined ? context.source : value;
}

function hasNumber(value: unknown): boolean {
  if (typeof value === "number") return true;
  if (value === null || typeof value !== "object") return false;
  // Fields read in place: no array of them made for each of millions of values.
  const fields = value as Record<string, unknown>;
  for (const key in fields) {
    const field = fields[key];
    if (typeof field === "number" || (typeof field === "object" && hasNumber(field))) return true;
  }
  return false;
}

/** The line, inside a text, that JSON.parse's message points to (1 when it names none). */
function lineInside(error: unknown, text: string): number {
  const message = error instanceof Error ? error.message : "";
  const line = /\(line (\d+) column/.exec(message)?.[1];
  if (line !== undefined) return Number(line);
  const position = /at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return 1;
  return text.slice(0, Number(position)).split("\n").length;
}

export async function* readJsonValues(
  bytes: AsyncIterable<Uint8Array>,
): AsyncGenerator<DataValueRecord[]> {
  const tokenizer = new TextNumberTokenizer();
  const parser = new TokenParser({
    paths: ["$.dataValues.*", ...SET_FIELDS.map((f) => `$.${f}`)],
    keepStack: false,
  });
  let header: DataValueSetHeader = EMPTY_HEADER;
  const headerFields: Record<string, unknown> = {};
  let ordinal = 0;
  let pending: DataValueRecord[] = [];
  let failure: Dhis2ReadError | null = null;
  // Which keys the root object has, read from the tokens: a root without `dataValues` is not a
  // data value set (a metadata export given by mistake, say), even when it is valid JSON.
  let depth = 0;
  let keyNext = false;
  let sawDataValues = false;

  tokenizer.onToken = (info) => {
    const { token } = info;
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) {
      depth++;
      keyNext = depth === 1;
    } else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) depth--;
    else if (depth === 1 && token === TokenType.COMMA) keyNext = true;
    else if (depth === 1 && keyNext && token === TokenType.STRING) {
      keyNext = false;
      if (info.value === "dataValues") sawDataValues = true;
    }
    parser.write(info);
  };
  parser.onValue = ({ value, key, stack }) => {
    if (stack.length === 1 && typeof key === "string") {
      // A set-level field after values that took the set's defaults without it.
      if (ordinal > 0) throw new Dhis2ReadError("set_field_after_values", null, { field: key });
      headerFields[key] = value;
      header = setHeader(headerFields);
      return;
    }
    if (typeof key !== "number") throw new Dhis2ReadError("not_data_value_set");
    ordinal++;
    const given = cut ?? value;
    cut = null;
    const fields =
      given !== null && typeof given === "object" && !Array.isArray(given) ? given : {};
    pending.push(dataValueRecord(fields as Record<string, unknown>, header, ordinal));
  };
  // Lines are counted only to say where a malformed file breaks (the tokenizer gives the byte).
  let linesBefore = 1;
  let current: Uint8Array = new Uint8Array(0);
  /** The object the splitter just cut out, taken by the parser's next value. */
  let cut: unknown = null;
  const fail = (error: Error) => {
    if (error instanceof Dhis2ReadError) {
      failure ??= error;
      return;
    }
    const at = /chunk position "(\d+)"/.exec(error.message)?.[1];
    const line = at === undefined ? null : linesBefore + newlines(current, Number(at));
    failure ??= new Dhis2ReadError("json_malformed", line, { near: ordinal + 1 });
  };
  tokenizer.onError = fail;
  // The parser alone knows a document left open: it must be told the bytes have ended.
  tokenizer.onEnd = () => {
    if (!parser.isEnded) parser.end();
  };
  parser.onError = fail;

  const splitter = new ArrayElementSplitter("dataValues", {
    outside(part, line) {
      current = part;
      linesBefore = line;
      tokenizer.write(part);
    },
    element(text, line) {
      if (failure) return;
      try {
        const plain: unknown = JSON.parse(text);
        // The reviver costs more than the parse: only a value written as a number needs it.
        cut = hasNumber(plain) ? JSON.parse(text, numberText) : plain;
      } catch (error) {
        failure = new Dhis2ReadError("json_malformed", line + lineInside(error, text) - 1, {
          near: ordinal + 1,
        });
        return;
      }
      current = PLACEHOLDER;
      linesBefore = line;
      tokenizer.write(PLACEHOLDER);
    },
  });

  for await (const chunk of bytes) {
    splitter.write(chunk);
    if (failure) throw failure;
    if (pending.length > 0) {
      yield pending;
      pending = [];
    }
  }
  if (splitter.open) throw new Dhis2ReadError("json_malformed", null, { near: ordinal + 1 });
  if (!tokenizer.isEnded) tokenizer.end();
  if (failure) throw failure;
  if (depth !== 0) throw new Dhis2ReadError("json_malformed", null, { near: ordinal + 1 });
  if (!sawDataValues) throw new Dhis2ReadError("not_data_value_set");
  if (pending.length > 0) yield pending;
}

function newlines(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let at = bytes.indexOf(10); at >= 0 && at < end; at = bytes.indexOf(10, at + 1)) count++;
  return count;
}
