// The one vocabulary of expected failures. Services throw or return these; the HTTP layer maps
// each code to a status in one place, and the CLI to an exit message.
export const PROBLEM_CODES = [
  "not_found",
  "invalid_input",
  "conflict",
  "forbidden",
  "unauthenticated",
  /** The writer's copy is older than the stored one (HTTP 412). */
  "stale",
  /** A write that does not say which version it replaces (HTTP 428). */
  "precondition_required",
  "too_large",
  /** Too many files are being drawn at once: try again in a few seconds (HTTP 503). */
  "busy",
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * One thing wrong with what was sent: where (`path`: a field's name, a list and its row), why
 * (`code`: "required", "invalid", "too_long", "taken"…) and what its message needs (`params`:
 * a limit as "max", a row, the value given). A problem carries every issue at once, so a form
 * or an imported row is told all its errors in one answer.
 */
export interface Issue {
  readonly path: string;
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export type ProblemDetails = Readonly<Record<string, string | number>>;

export class Problem extends Error {
  readonly code: ProblemCode;
  /** What the problem is about, e.g. "cycle", "partner", a field name. */
  readonly subject: string;
  readonly details: ProblemDetails;
  /**
   * What is wrong, item by item. Unless given, an `invalid_input` problem has one issue: its
   * field (`details.field`, else the subject) with `details.reason` (else "invalid").
   */
  readonly issues: readonly Issue[];

  constructor(
    code: ProblemCode,
    subject: string,
    details: ProblemDetails = {},
    issues: readonly Issue[] = code === "invalid_input" ? [oneIssue(subject, details)] : [],
  ) {
    super(`${code}: ${subject}`);
    this.name = "Problem";
    this.code = code;
    this.subject = subject;
    this.details = details;
    this.issues = issues;
  }
}

function oneIssue(subject: string, details: ProblemDetails): Issue {
  const { field, reason, ...params } = details;
  return {
    path: typeof field === "string" && field !== "" ? field : subject,
    code: typeof reason === "string" ? reason : "invalid",
    params,
  };
}

export function notFound(subject: string, id: string | number): Problem {
  return new Problem("not_found", subject, { id });
}

export function isProblem(error: unknown): error is Problem {
  return error instanceof Problem;
}

/**
 * Several fields refused at once: one issue per field, saying why ("required", "invalid",
 * "taken", "too_long"…), so a form shows every error beside its field in one go. A too-long
 * field's limit goes with it (`limits`, as the issue's "max") for the message.
 */
export function invalidFields(
  fields: Readonly<Record<string, string>>,
  limits: Readonly<Record<string, number>> = {},
): Problem {
  const issues = Object.entries(fields).map(([path, code]): Issue => {
    const max = limits[path];
    return { path, code, params: code === "too_long" && max !== undefined ? { max } : {} };
  });
  return new Problem("invalid_input", "fields", {}, issues);
}

/** Each refused field of a problem and why, as a form shows them. */
export function fieldReasons(problem: Problem): Record<string, string> {
  return Object.fromEntries(problem.issues.map((i) => [i.path, i.code]));
}

/** The length each too-long field of a problem may have at most (for its message). */
export function fieldLimits(problem: Problem): Record<string, number> {
  return Object.fromEntries(
    problem.issues.flatMap((i) =>
      typeof i.params.max === "number" ? [[i.path, i.params.max]] : [],
    ),
  );
}

/** Each field of `limits` whose trimmed text is longer than its limit, as "too_long". */
export function lengthProblems<K extends string>(
  values: { readonly [name in NoInfer<K>]?: unknown },
  limits: Readonly<Record<K, number>>,
): Record<string, "too_long"> {
  const problems: Record<string, "too_long"> = {};
  for (const name of Object.keys(limits) as K[]) {
    const value = values[name];
    if (typeof value === "string" && value.trim().length > limits[name])
      problems[name] = "too_long";
  }
  return problems;
}
