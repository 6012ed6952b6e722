// Finds the objects of one root array (`dataValues`) in a JSON byte stream, so that each is
// parsed by the engine's own JSON.parse while the rest of the document still goes through the
// streaming parser: a national export holds millions of small flat objects, and the streaming
// parser's per-token callbacks read them about thirty times slower than JSON.parse does. Only
// strings and nesting are tracked here; whether anything is valid JSON is for the parsers.
import { Buffer } from "node:buffer";

const QUOTE = 34;
const BACKSLASH = 92;
const LEFT_BRACE = 123;
const RIGHT_BRACE = 125;
const LEFT_BRACKET = 91;
const RIGHT_BRACKET = 93;
const NEWLINE = 10;
/** Root keys longer than this are not the one looked for. */
const MAX_KEY_BYTES = 64;

export interface SplitEvents {
  /** Bytes outside the array's objects, in order, with the line they start on. */
  outside(bytes: Uint8Array, line: number): void;
  /** One object of the array, whole, with the line it starts on. */
  element(text: string, line: number): void;
}

export class ArrayElementSplitter {
  readonly #key: string;
  readonly #events: SplitEvents;
  #depth = 0;
  #inString = false;
  #escape = false;
  /** Bytes of the root-level string being read (a key, perhaps), or null. */
  #rootString: number[] | null = null;
  #lastRootString = "";
  /** The depth the array's objects open at, or -1 outside the array. */
  #elementDepth = -1;
  #capturing = false;
  #parts: Buffer[] = [];
  #elementLine = 0;
  #line = 1;

  constructor(key: string, events: SplitEvents) {
    this.#key = key;
    this.#events = events;
  }

  /** True while an object of the array is open: at the end of the input, it never closed. */
  get open(): boolean {
    return this.#capturing;
  }

  write(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    let fromLine = this.#line;
    // The next backslash and line break at or after the current byte (the length when none): a
    // string that holds neither is skipped to its closing quote at once, not byte by byte.
    let nextEscape = -1;
    let nextLine = -1;
    const end = bytes.length;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i] as number;
      if (b === NEWLINE) {
        this.#line++;
        continue;
      }
      if (this.#inString) {
        if (this.#escape) this.#escape = false;
        else if (b === BACKSLASH) this.#escape = true;
        else if (b === QUOTE) {
          this.#inString = false;
          if (this.#rootString !== null) {
            this.#lastRootString = Buffer.from(this.#rootString).toString("utf8");
            this.#rootString = null;
          }
        } else if (this.#rootString !== null) {
          if (this.#rootString.length < MAX_KEY_BYTES) this.#rootString.push(b);
          else this.#rootString = null;
        }
        if (this.#escape && this.#rootString !== null) this.#rootString = null;
        continue;
      }
      if (b === QUOTE) {
        if (this.#depth !== 1) {
          const close = bytes.indexOf(QUOTE, i + 1);
          if (close >= 0) {
            if (nextEscape <= i) nextEscape = bytes.indexOf(BACKSLASH, i + 1) + 1 || end + 1;
            if (nextLine <= i) nextLine = bytes.indexOf(NEWLINE, i + 1) + 1 || end + 1;
            // Both are kept one past their byte, so that 0 can mean "not looked for yet".
            if (nextEscape - 1 > close && nextLine - 1 > close) {
              i = close;
              continue;
            }
          }
        }
        this.#inString = true;
        this.#rootString = this.#depth === 1 ? [] : null;
      } else if (b === LEFT_BRACE || b === LEFT_BRACKET) {
        if (b === LEFT_BRACE && this.#depth === this.#elementDepth && !this.#capturing) {
          if (i > from) this.#events.outside(bytes.subarray(from, i), fromLine);
          this.#capturing = true;
          this.#elementLine = this.#line;
          from = i;
        } else if (b === LEFT_BRACKET && this.#depth === 1 && this.#lastRootString === this.#key) {
          this.#elementDepth = 2;
          this.#lastRootString = "";
        }
        this.#depth++;
      } else if (b === RIGHT_BRACE || b === RIGHT_BRACKET) {
        this.#depth--;
        if (this.#capturing && this.#depth === this.#elementDepth) {
          const last = bytes.subarray(from, i + 1);
          const text =
            this.#parts.length === 0
              ? last.toString("utf8")
              : Buffer.concat([...this.#parts, last]).toString("utf8");
          this.#parts = [];
          this.#capturing = false;
          from = i + 1;
          fromLine = this.#line;
          this.#events.element(text, this.#elementLine);
        } else if (!this.#capturing && this.#depth < this.#elementDepth) this.#elementDepth = -1;
      }
    }
    if (this.#capturing) this.#parts.push(Buffer.from(bytes.subarray(from)));
    else if (from < bytes.length) this.#events.outside(bytes.subarray(from), fromLine);
  }
}
