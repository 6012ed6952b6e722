// The one map from problem codes to HTTP statuses.
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ProblemCode } from "../domain/problem.ts";

export const PROBLEM_STATUS: Record<ProblemCode, ContentfulStatusCode> = {
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  stale: 412,
  too_large: 413,
};
