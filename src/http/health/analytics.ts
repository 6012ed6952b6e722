// GET /api/analytics (and .json): DHIS2's analytics API over Jalon's roll-ups, for DHIS2 tools
// and scripts. The query string is read by the domain's parser, answered by the analytics
// service; refusals come back in DHIS2's error shape (httpStatus, httpStatusCode, status
// "ERROR", message), the message in the caller's language, naming the item refused.
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { parseAnalyticsQuery, type QueryProblem } from "../../domain/health/analytics-query.ts";
import { isProblem, type Problem } from "../../domain/shared/problem.ts";
import { type MessageKey, translator } from "../../i18n/index.ts";
import { runAnalytics } from "../../services/health/analytics.ts";
import { BASIC_REALM, type BasicRefusal, basicAuth } from "../shared/basic-auth.ts";
import type { AppEnv } from "../shared/env.ts";
import { PROBLEM_STATUS } from "../shared/errors.ts";
import { resolveApiLang } from "../shared/lang.ts";

const STATUS_TEXT: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  429: "Too Many Requests",
};

/** DHIS2's error body: what its own clients read (`message`), plus the items refused. */
function dhis2Error(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  message: string,
  issues: { code: string; item: string }[] = [],
) {
  return c.json(
    {
      httpStatus: STATUS_TEXT[status] ?? "Error",
      httpStatusCode: status,
      status: "ERROR",
      message,
      ...(issues.length > 0 ? { issues } : {}),
    },
    status,
  );
}

const ANALYTICS_REASONS = new Set([
  "unknown_dx_item",
  "indicator_expression_invalid",
  "unknown_period",
  "period_finer_than_month",
  "unknown_org_unit",
  "no_org_unit",
  "dx_filter_single_item",
]);

function refusedQuery(c: Context<AppEnv>, problems: readonly QueryProblem[]) {
  const t = translator(resolveApiLang(c));
  const message = problems.map((p) => t(`api.analytics.${p.code}`, { code: p.item })).join(" ");
  return dhis2Error(c, 400, message, [...problems]);
}

function refusedByService(c: Context<AppEnv>, problem: Problem) {
  const t = translator(resolveApiLang(c));
  const status = PROBLEM_STATUS[problem.code];
  if (problem.code === "unauthenticated") {
    c.header("WWW-Authenticate", BASIC_REALM);
    return dhis2Error(c, status, t("api.unauthenticated"));
  }
  if (problem.code === "forbidden") return dhis2Error(c, status, t("api.forbidden"));
  const issue = problem.issues[0];
  const item = issue?.path ?? problem.subject;
  const reason = issue?.code ?? "invalid";
  const key: MessageKey = ANALYTICS_REASONS.has(reason)
    ? (`api.analytics.${reason}` as MessageKey)
    : "api.analytics.invalid";
  return dhis2Error(c, status, t(key, { code: item }), [{ code: reason, item }]);
}

function refusedCredentials(c: Context<AppEnv>, refusal: BasicRefusal) {
  const t = translator(resolveApiLang(c));
  if (refusal.reason === "locked")
    return dhis2Error(c, 429, t("api.locked", { minutes: Math.ceil(refusal.retryAfter / 60) }));
  return dhis2Error(c, 401, t("api.badCredentials"));
}

export function analyticsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const answer = async (c: Context<AppEnv>) => {
    const parsed = parseAnalyticsQuery(new URL(c.req.url).searchParams);
    if (!parsed.ok) return refusedQuery(c, parsed.problems);
    try {
      const response = await runAnalytics(
        c.get("deps").db,
        { actor: c.get("actor") },
        parsed.query,
      );
      return c.json(response);
    } catch (error) {
      if (isProblem(error)) return refusedByService(c, error);
      throw error;
    }
  };
  // The credentials are checked on the route itself: a middleware of its own would be listed
  // among the app's routes.
  const credentials = basicAuth(refusedCredentials);
  app.get("/api/analytics", credentials, answer);
  app.get("/api/analytics.json", credentials, answer);
  return app;
}
