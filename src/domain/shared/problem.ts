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

export class Problem extends Error {
  readonly code: ProblemCode;
  /** What the problem is about, e.g. "cycle", "partner", a field name. */
  readonly subject: string;
  readonly details: Readonly<Record<string, string | number>>;

  constructor(
    code: ProblemCode,
    subject: string,
    details: Readonly<Record<string, string | number>> = {},
  ) {
    super(`${code}: ${subject}`);
    this.name = "Problem";
    this.code = code;
    this.subject = subject;
    this.details = details;
  }
}

export function notFound(subject: string, id: string | number): Problem {
  return new Problem("not_found", subject, { id });
}

export function isProblem(error: unknown): error is Problem {
  return error instanceof Problem;
}

/**
 * Several fields refused at once: `details` maps each field to why ("required", "invalid",
 * "taken", "too_long"…), so a form shows every error beside its field in one go. A too-long
 * field's limit goes with it (`limits`, kept in `details` as "<field>.max") for the message.
 */
export function invalidFields(
  fields: Readonly<Record<string, string>>,
  limits: Readonly<Record<string, number>> = {},
): Problem {
  const maxima = Object.entries(limits)
    .filter(([name]) => fields[name] === "too_long")
    .map(([name, max]) => [`${name}.max`, max]);
  return new Problem("invalid_input", "fields", { ...fields, ...Object.fromEntries(maxima) });
}

/** The fields of an `invalidFields` problem, or of a one-field `invalid_input` problem. */
export function fieldReasons(problem: Problem): Record<string, string> {
  if (problem.subject === "fields")
    return Object.fromEntries(
      Object.entries(problem.details).filter(
        (e): e is [string, string] => typeof e[1] === "string",
      ),
    );
  const reason = problem.details.reason;
  return { [problem.subject]: typeof reason === "string" ? reason : "invalid" };
}

/** The length each too-long field of a problem may have at most (for its message). */
export function fieldLimits(problem: Problem): Record<string, number> {
  if (problem.subject !== "fields") {
    const max = problem.details.max;
    return typeof max === "number" ? { [problem.subject]: max } : {};
  }
  return Object.fromEntries(
    Object.entries(problem.details).flatMap(([key, value]) =>
      key.endsWith(".max") && typeof value === "number" ? [[key.slice(0, -4), value]] : [],
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
