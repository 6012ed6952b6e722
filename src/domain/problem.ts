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
 * "taken"…), so a form shows every error beside its field in one go.
 */
export function invalidFields(fields: Readonly<Record<string, string>>): Problem {
  return new Problem("invalid_input", "fields", fields);
}

/** The fields of an `invalidFields` problem, or of a one-field `invalid_input` problem. */
export function fieldReasons(problem: Problem): Record<string, string> {
  if (problem.subject === "fields") return { ...problem.details } as Record<string, string>;
  const reason = problem.details.reason;
  return { [problem.subject]: typeof reason === "string" ? reason : "invalid" };
}
