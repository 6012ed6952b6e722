// DHIS2 indicator expressions (numerators and denominators): the subset Jalon computes — data
// element operands, constants, numbers, + - * /, unary minus, parentheses — parsed into a tree,
// written back in one canonical form, and evaluated with DHIS2's missing-value strategies.
// Everything else DHIS2 allows is refused by name and position; nothing here throws on bad text.
import {
  type BinaryOperator,
  type ExpressionError,
  fail,
  lexer,
  type Operand,
  ParseFailure,
  type Token,
} from "./expression-tokens.ts";

export type {
  BinaryOperator,
  ExpressionError,
  ExpressionErrorCode,
  Operand,
} from "./expression-tokens.ts";

export type Expression =
  | { kind: "number"; value: number }
  | { kind: "operand"; operand: Operand }
  | { kind: "constant"; uid: string }
  | { kind: "negate"; argument: Expression }
  | { kind: "binary"; operator: BinaryOperator; left: Expression; right: Expression };

export type Result<T> = { ok: true; value: T } | { ok: false; error: ExpressionError };

export const MISSING_VALUE_STRATEGIES = [
  "NEVER_SKIP",
  "SKIP_IF_ANY_VALUE_MISSING",
  "SKIP_IF_ALL_VALUES_MISSING",
] as const;
export type MissingValueStrategy = (typeof MISSING_VALUE_STRATEGIES)[number];
/** DHIS2's default for an expression that does not name one. */
export const DEFAULT_MISSING_VALUE_STRATEGY: MissingValueStrategy = "SKIP_IF_ALL_VALUES_MISSING";

/**
 * Deepest tree accepted (a sum of n terms is n levels deep): deep enough for any real indicator,
 * shallow enough that parsing, formatting and evaluation never exhaust the call stack.
 */
export const MAX_DEPTH = 1000;

interface Node {
  node: Expression;
  depth: number;
}

function parser(text: string) {
  const lex = lexer(text);
  let token = lex.next();
  let tokenEnd = lex.position();

  const advance = () => {
    token = lex.next();
    tokenEnd = lex.position();
  };

  // Parentheses and unary signs recurse before any node exists: they are counted on the way down.
  let nesting = 0;
  function descend<T>(pos: number, inner: () => T): T {
    nesting += 1;
    if (nesting > MAX_DEPTH) fail("too_deep", pos, "");
    const result = inner();
    nesting -= 1;
    return result;
  }

  function checked(node: Expression, depth: number, pos: number): Node {
    if (depth > MAX_DEPTH) fail("too_deep", pos, "");
    return { node, depth };
  }

  // The text of the current token, for an error about it.
  const tokenText = () => text.slice(token.pos, tokenEnd);

  function primary(): Node {
    const t = token;
    switch (t.t) {
      case "number":
        advance();
        return { node: { kind: "number", value: t.value }, depth: 1 };
      case "operand":
        advance();
        return { node: { kind: "operand", operand: t.operand }, depth: 1 };
      case "constant":
        advance();
        return { node: { kind: "constant", uid: t.uid }, depth: 1 };
      case "(": {
        advance();
        const inner = descend(t.pos, sum);
        const close = token;
        if (close.t === "end") fail("unclosed_parenthesis", t.pos, "(");
        if (close.t !== ")") fail("unexpected_token", close.pos, tokenText());
        advance();
        return checked(inner.node, inner.depth + 1, t.pos);
      }
      case "end":
        return fail("unexpected_end", t.pos, "");
      default:
        return fail("unexpected_token", t.pos, tokenText());
    }
  }

  function unary(): Node {
    const t = token;
    if (t.t === "operator" && (t.operator === "-" || t.operator === "+")) {
      advance();
      const argument = descend(t.pos, unary);
      // A unary plus changes nothing; DHIS2 allows it, the tree keeps no trace of it.
      if (t.operator === "+") return checked(argument.node, argument.depth + 1, t.pos);
      return checked({ kind: "negate", argument: argument.node }, argument.depth + 1, t.pos);
    }
    return primary();
  }

  function chain(operand: () => Node, operators: readonly BinaryOperator[]): Node {
    let left = operand();
    for (;;) {
      const t = token;
      if (t.t !== "operator" || !operators.includes(t.operator)) return left;
      advance();
      const right = operand();
      left = checked(
        { kind: "binary", operator: t.operator, left: left.node, right: right.node },
        Math.max(left.depth, right.depth) + 1,
        t.pos,
      );
    }
  }

  const product = () => chain(unary, ["*", "/"]);
  const sum = () => chain(product, ["+", "-"]);

  // Read through a call: TypeScript would otherwise keep `token` narrowed across sum().
  const current = (): Token => token;

  function whole(): Expression {
    if (current().t === "end") fail("empty", token.pos, "");
    const { node } = sum();
    if (current().t !== "end") fail("unexpected_token", token.pos, tokenText());
    return node;
  }

  return { whole };
}

/** Reads an indicator expression; any text DHIS2 or Jalon cannot compute is an error value. */
export function parseExpression(text: string): Result<Expression> {
  try {
    return { ok: true, value: parser(text).whole() };
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: e.error };
    throw e;
  }
}

const PRECEDENCE: Record<BinaryOperator, number> = { "+": 1, "-": 1, "*": 2, "/": 2 };

/**
 * The expression in one canonical form: single spaces around binary operators, none after a
 * unary minus, parentheses only where the tree needs them (a right operand of equal precedence
 * keeps its own, so parsing the text gives back the same tree).
 */
export function formatExpression(expr: Expression): string {
  switch (expr.kind) {
    case "number":
      return String(expr.value);
    case "operand":
      return expr.operand.coc === null
        ? `#{${expr.operand.dataElement}}`
        : `#{${expr.operand.dataElement}.${expr.operand.coc}}`;
    case "constant":
      return `C{${expr.uid}}`;
    case "negate": {
      const inner = formatExpression(expr.argument);
      return expr.argument.kind === "binary" ? `-(${inner})` : `-${inner}`;
    }
    case "binary": {
      const own = PRECEDENCE[expr.operator];
      const side = (child: Expression, parenthesiseEqual: boolean) => {
        const text = formatExpression(child);
        if (child.kind !== "binary") return text;
        const theirs = PRECEDENCE[child.operator];
        return theirs < own || (parenthesiseEqual && theirs === own) ? `(${text})` : text;
      };
      return `${side(expr.left, false)} ${expr.operator} ${side(expr.right, true)}`;
    }
  }
}

const operandKey = (o: Operand) => `${o.dataElement}\u0000${o.coc ?? ""}`;

function walk(expr: Expression, visit: (leaf: Expression) => void): void {
  if (expr.kind === "negate") walk(expr.argument, visit);
  else if (expr.kind === "binary") {
    walk(expr.left, visit);
    walk(expr.right, visit);
  } else visit(expr);
}

/** Every operand the expression reads, once each, in the order they first appear. */
export function operandsOf(expr: Expression): Operand[] {
  const found = new Map<string, Operand>();
  walk(expr, (leaf) => {
    if (leaf.kind === "operand" && !found.has(operandKey(leaf.operand))) {
      found.set(operandKey(leaf.operand), { ...leaf.operand });
    }
  });
  return [...found.values()];
}

/** Every constant uid the expression reads, once each, in the order they first appear. */
export function constantsOf(expr: Expression): string[] {
  const found = new Set<string>();
  walk(expr, (leaf) => {
    if (leaf.kind === "constant") found.add(leaf.uid);
  });
  return [...found];
}

function apply(operator: BinaryOperator, l: number, r: number): number {
  switch (operator) {
    case "+":
      return l + r;
    case "-":
      return l - r;
    case "*":
      return l * r;
    case "/":
      return l / r;
  }
}

export type OperandLookup = (operand: Operand) => number | null;
export type ConstantLookup = (uid: string) => number | null;

const finiteOrNull = (n: number | null): number | null =>
  n !== null && Number.isFinite(n) ? n : null;

/**
 * The expression's value, or null for no value. Missing operands (null, or not a finite number)
 * decide by the strategy: SKIP_IF_ANY_VALUE_MISSING gives no value when one is missing,
 * SKIP_IF_ALL_VALUES_MISSING when every one is (an expression without operands is never
 * skipped), NEVER_SKIP never; an operand that is not skipped counts as 0. A division by zero,
 * an unknown constant or an overflow anywhere gives no value: never Infinity or NaN.
 */
export function evaluate(
  expr: Expression,
  lookup: OperandLookup,
  constants: ConstantLookup,
  strategy: MissingValueStrategy = DEFAULT_MISSING_VALUE_STRATEGY,
): number | null {
  const operands = operandsOf(expr);
  const values = new Map<string, number>();
  for (const operand of operands) {
    const value = finiteOrNull(lookup(operand));
    if (value !== null) values.set(operandKey(operand), value);
  }
  const missing = operands.length - values.size;
  if (strategy === "SKIP_IF_ANY_VALUE_MISSING" && missing > 0) return null;
  if (
    strategy === "SKIP_IF_ALL_VALUES_MISSING" &&
    operands.length > 0 &&
    missing === operands.length
  )
    return null;

  function compute(node: Expression): number | null {
    switch (node.kind) {
      case "number":
        return node.value;
      case "operand":
        return values.get(operandKey(node.operand)) ?? 0;
      case "constant":
        return finiteOrNull(constants(node.uid));
      case "negate": {
        const v = compute(node.argument);
        return v === null ? null : -v;
      }
      case "binary": {
        const l = compute(node.left);
        const r = l === null ? null : compute(node.right);
        if (l === null || r === null) return null;
        if (node.operator === "/" && r === 0) return null;
        return finiteOrNull(apply(node.operator, l, r));
      }
    }
  }

  const result = compute(expr);
  // -0 (from "-#{a}" with a = 0) reads as 0 everywhere downstream.
  return result === 0 ? 0 : result;
}
