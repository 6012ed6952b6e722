// GET /api/analytics (and .json): DHIS2's analytics API over Jalon's roll-ups, for DHIS2 tools
// and scripts. The query string is read by the domain's parser, answered by the analytics
// service; refusals come back in DHIS2's error shape (httpStatus, httpStatusCode, status
// "ERROR", message), the message in the caller's language, naming the item refused.
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { parseAnalyticsQuery, type QueryProblem } from "../../domain/health/analytics-query.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { fillMessage } from "../../domain/shared/message.ts";
import { isProblem, type Problem } from "../../domain/shared/problem.ts";
import * as analyticsWords from "../../i18n/health/analytics.ts";
import { translator } from "../../i18n/index.ts";
import { runAnalytics } from "../../services/health/analytics.ts";
import type { AnalyticsCatalogueCache } from "../../services/health/analytics-catalogue.ts";
import { BASIC_REALM, type BasicRefusal, basicAuth } from "../shared/basic-auth.ts";
import type { AppEnv } from "../shared/env.ts";
import { PROBLEM_STATUS } from "../shared/errors.ts";
import { resolveApiLang } from "../shared/lang.ts";
import { tokenAuth } from "../shared/token-auth.ts";

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

type AnalyticsWord = keyof typeof analyticsWords.fr;
const WORDS: Record<Lang, Record<AnalyticsWord, string>> = {
  fr: analyticsWords.fr,
  en: analyticsWords.en,
};

/**
 * Why a query is refused, in the words the command line prints too (written to follow
 * "refused:", so they start in lower case: a sentence of its own here), or null for a reason
 * with none.
 */
function analyticsMessage(lang: Lang, reason: string, item: string): string | null {
  const template = WORDS[lang][`analytics.${reason}` as AnalyticsWord];
  if (template === undefined) return null;
  const text = fillMessage(lang, template, { item });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function refusedQuery(c: Context<AppEnv>, problems: readonly QueryProblem[]) {
  const lang = resolveApiLang(c);
  const message = problems
    .map(
      (p) =>
        analyticsMessage(lang, p.code, p.item) ?? translator(lang)("api.invalid", { code: p.item }),
    )
    .join(" ");
  return dhis2Error(c, 400, message, [...problems]);
}

function refusedByService(c: Context<AppEnv>, problem: Problem) {
  const lang = resolveApiLang(c);
  const status = PROBLEM_STATUS[problem.code];
  if (problem.code === "unauthenticated") {
    c.header("WWW-Authenticate", BASIC_REALM);
    return dhis2Error(c, status, analyticsMessage(lang, "unauthenticated", "") ?? "");
  }
  if (problem.code === "forbidden")
    return dhis2Error(c, status, analyticsMessage(lang, "forbidden", "") ?? "");
  const issue = problem.issues[0];
  const item = issue?.path ?? problem.subject;
  const reason = issue?.code ?? "invalid";
  const message =
    analyticsMessage(lang, reason, item) ?? translator(lang)("api.invalid", { code: item });
  return dhis2Error(c, status, message, [{ code: reason, item }]);
}

function refusedCredentials(c: Context<AppEnv>, refusal: BasicRefusal) {
  const t = translator(resolveApiLang(c));
  if (refusal.reason === "locked")
    return dhis2Error(c, 429, t("api.locked", { minutes: Math.ceil(refusal.retryAfter / 60) }));
  return dhis2Error(c, 401, t("api.badCredentials"));
}

/** A refused token: one message whatever the reason (unknown, expired, revoked, malformed). */
function refusedToken(c: Context<AppEnv>, refusal: BasicRefusal) {
  const t = translator(resolveApiLang(c));
  if (refusal.reason === "locked")
    return dhis2Error(c, 429, t("api.locked", { minutes: Math.ceil(refusal.retryAfter / 60) }));
  return dhis2Error(c, 401, t("api.badToken"));
}

/** `catalogue`: the catalogue kept between queries (see services/health/analytics-catalogue.ts). */
export function analyticsRoutes(catalogue?: AnalyticsCatalogueCache): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const answer = async (c: Context<AppEnv>) => {
    const parsed = parseAnalyticsQuery(new URL(c.req.url).searchParams);
    if (!parsed.ok) return refusedQuery(c, parsed.problems);
    try {
      const response = await runAnalytics(
        c.get("deps").db,
        { actor: c.get("actor") },
        parsed.query,
        { catalogue },
      );
      return c.json(response);
    } catch (error) {
      if (isProblem(error)) return refusedByService(c, error);
      throw error;
    }
  };
  // The credentials are checked on the route itself: a middleware of its own would be listed
  // among the app's routes.
  // A personal access token first, then HTTP Basic; a request with neither keeps its session.
  const token = tokenAuth(refusedToken);
  const credentials = basicAuth(refusedCredentials);
  app.get("/api/analytics", token, credentials, answer);
  app.get("/api/analytics.json", token, credentials, answer);
  return app;
}
