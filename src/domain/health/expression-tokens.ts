// The words of a DHIS2 indicator expression, read one at a time: numbers, operands, constants,
// operators and parentheses. What Jalon does not compute is refused here by name and position.

/** A data element, summed over every category option combo when `coc` is null. */
export interface Operand {
  dataElement: string;
  coc: string | null;
}

export type BinaryOperator = "+" | "-" | "*" | "/";

export type ExpressionErrorCode =
  | "empty"
  | "too_deep"
  | "unexpected_token"
  | "unexpected_end"
  | "unclosed_parenthesis"
  | "unclosed_item"
  | "invalid_number"
  | "invalid_operand"
  | "invalid_constant"
  | "unsupported_item"
  | "unsupported_function"
  | "unsupported_operator"
  | "unsupported_literal"
  | "unsupported_wildcard"
  | "unsupported_attribute_option_combo";

/** `position`: the offset (UTF-16 code units, from 0) where `item`, the text at fault, starts. */
export interface ExpressionError {
  code: ExpressionErrorCode;
  position: number;
  item: string;
}

export type Token =
  | { t: "number"; value: number; pos: number }
  | { t: "operand"; operand: Operand; pos: number }
  | { t: "constant"; uid: string; pos: number }
  | { t: "operator"; operator: BinaryOperator; pos: number }
  | { t: "("; pos: number }
  | { t: ")"; pos: number }
  | { t: "end"; pos: number };

/** Carries an ExpressionError out of the recursive descent; caught in parseExpression only. */
export class ParseFailure {
  readonly error: ExpressionError;
  constructor(error: ExpressionError) {
    this.error = error;
  }
}

export function fail(code: ExpressionErrorCode, position: number, item: string): never {
  throw new ParseFailure({ code, position, item });
}

// An identifier inside #{…} or C{…}: a DHIS2 uid or a code; no space, brace or dot, which are
// the syntax around it. A code holding one of those can only be named by its uid.
const IDENTIFIER = /^[^\s{}.]+$/;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NUMBER_TAIL = /[\w.]+/y;
const WORD = /[A-Za-z_][A-Za-z0-9_]*/y;
const SPACE = /\s*/y;
// Operators DHIS2 has and indicators here do not, longest first.
const OTHER_OPERATORS = ["&&", "||", "<=", ">=", "==", "!=", "^", "%", "<", ">", "!"];
const WORD_OPERATORS = new Set(["and", "or", "not"]);
const LITERAL_WORDS = new Set(["true", "false"]);

function matchAt(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? null;
}

export function lexer(text: string) {
  let at = 0;

  /**
   * The item from `start` to its closing brace. Unclosed when none comes before the end or the
   * next "{" (a next item): the item is then what reads as its name ("#{abc" of "#{abc + #{d}").
   */
  function braced(start: number, open: number): { body: string; item: string; closed: boolean } {
    const close = text.indexOf("}", open + 1);
    const reopen = text.indexOf("{", open + 1);
    if (close === -1 || (reopen !== -1 && reopen < close)) {
      const name = /^[^\s{}]*/.exec(text.slice(open + 1))?.[0] ?? "";
      return { body: "", item: text.slice(start, open + 1) + name, closed: false };
    }
    return { body: text.slice(open + 1, close), item: text.slice(start, close + 1), closed: true };
  }

  function operandToken(start: number): Token {
    const { body, item, closed } = braced(start, start + 1);
    if (!closed) fail("unclosed_item", start, item);
    at = start + item.length;
    const parts = body.split(".");
    if (parts.some((p) => !IDENTIFIER.test(p)) || parts.length > 3) {
      fail("invalid_operand", start, item);
    }
    const [dataElement = "", coc, attribute] = parts;
    if (dataElement === "*") fail("invalid_operand", start, item);
    if (coc === "*" && attribute === undefined) fail("unsupported_wildcard", start, item);
    if (coc === "*" && attribute === "*") fail("unsupported_wildcard", start, item);
    // DHIS2's #{de.coc.*} names every attribute option combo, which #{de.coc} already sums.
    if (attribute !== undefined && attribute !== "*") {
      fail("unsupported_attribute_option_combo", start, item);
    }
    return { t: "operand", operand: { dataElement, coc: coc ?? null }, pos: start };
  }

  function wordToken(start: number, word: string): never {
    const after = start + word.length;
    if (text[after] === "{") fail("unsupported_item", start, braced(start, after).item);
    if (word === "d2" && text[after] === ":") {
      fail("unsupported_function", start, `d2:${matchAt(WORD, text, after + 1) ?? ""}`);
    }
    const next = after + (matchAt(SPACE, text, after) ?? "").length;
    if (text[next] === "(") fail("unsupported_function", start, word);
    if (WORD_OPERATORS.has(word)) fail("unsupported_operator", start, word);
    if (LITERAL_WORDS.has(word)) fail("unsupported_literal", start, word);
    fail("unexpected_token", start, word);
  }

  function next(): Token {
    at += (matchAt(SPACE, text, at) ?? "").length;
    const start = at;
    const c = text[at];
    if (c === undefined) return { t: "end", pos: start };
    const number = matchAt(NUMBER, text, at);
    if (number !== null) {
      const tail = matchAt(NUMBER_TAIL, text, at + number.length);
      if (tail !== null) fail("invalid_number", start, number + tail);
      const value = Number(number);
      if (!Number.isFinite(value)) fail("invalid_number", start, number);
      at += number.length;
      return { t: "number", value, pos: start };
    }
    if (text.startsWith("#{", at)) return operandToken(start);
    if (text.startsWith("C{", at)) {
      const { body, item, closed } = braced(start, at + 1);
      if (!closed) fail("unclosed_item", start, item);
      if (!IDENTIFIER.test(body)) fail("invalid_constant", start, item);
      at += item.length;
      return { t: "constant", uid: body, pos: start };
    }
    if (text.startsWith("[days]", at)) fail("unsupported_item", start, "[days]");
    if (c === "+" || c === "-" || c === "*" || c === "/") {
      at += 1;
      return { t: "operator", operator: c, pos: start };
    }
    if (c === "(" || c === ")") {
      at += 1;
      return { t: c, pos: start };
    }
    const operator = OTHER_OPERATORS.find((o) => text.startsWith(o, at));
    if (operator !== undefined) fail("unsupported_operator", start, operator);
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, at + 1);
      fail("unsupported_literal", start, close === -1 ? text.slice(at) : text.slice(at, close + 1));
    }
    const word = matchAt(WORD, text, at);
    if (word !== null) wordToken(start, word);
    fail("unexpected_token", start, String.fromCodePoint(text.codePointAt(at) ?? 0));
  }

  return { next, position: () => at };
}
