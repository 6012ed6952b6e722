// The one map from problem codes to HTTP statuses. Routes whose answer carries more than the
// problem (a stale write's stored answer, an upload's result page) take their status from here.
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ProblemCode } from "../../domain/shared/problem.ts";

/** Seconds a client is asked to wait when the server is busy drawing files. */
export const BUSY_RETRY_SECONDS = 5;

export const PROBLEM_STATUS: Record<ProblemCode, ContentfulStatusCode> = {
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  stale: 412,
  precondition_required: 428,
  too_large: 413,
  busy: 503,
};
