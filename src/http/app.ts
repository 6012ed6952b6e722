// createApp(deps) builds the Hono application without listening: main.ts serves it, tests call
// app.request() in process.

import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { etag } from "hono/etag";
import { routePath } from "hono/route";
import { ZodError } from "zod";
import { formatNumber } from "../domain/shared/format.ts";
import type { Action } from "../domain/shared/policy.ts";
import { isProblem, Problem } from "../domain/shared/problem.ts";
import { AnalyticsCatalogueCache } from "../services/health/analytics-catalogue.ts";
import { authorise } from "../services/shared/access.ts";
import { recordRefusal, withRequestId } from "../services/shared/audit.ts";
import { isClosedLinkSession } from "../services/shared/auth.ts";
import { createRenderer } from "../services/shared/rendering.ts";
import { invitationOpen } from "../services/tracker/invitations.ts";
import { createWorkbookReader, type WorkbookReader } from "../services/tracker/upload-reading.ts";
import {
  closedLinkPage,
  messagePage,
  notFoundPage,
  serverErrorPage,
} from "../web/shared/pages/errors.ts";
import { STYLES_HASH } from "../web/shared/styles.ts";
import { fieldLabel } from "../web/tracker/field-labels.ts";
import { analyticsRoutes } from "./health/analytics.ts";
import { connectionRoutes } from "./health/connections.ts";
import { healthEntryRoutes } from "./health/entry.ts";
import { explorerRoutes } from "./health/explorer.ts";
import { HEALTH_UPLOAD_PATH, healthImportRoutes, MAX_HEALTH_UPLOAD } from "./health/imports.ts";
import { healthUnitRoutes } from "./health/units.ts";
import { dashboardRoutes } from "./programme/dashboard.ts";
import { midwifeRoutes } from "./programme/midwives.ts";
import { missionRoutes } from "./programme/missions.ts";
import { programmeRoutes } from "./programme/programmes.ts";
import {
  MAX_REGISTER_UPLOAD,
  REGISTER_UPLOAD_PATH,
  registerImportRoutes,
} from "./programme/register-import.ts";
import { programmeResultsRoutes } from "./programme/results.ts";
import {
  MAX_TESTIMONIAL_UPLOAD,
  TESTIMONIAL_UPLOAD_PATH,
  testimonialRoutes,
} from "./programme/testimonials.ts";
import { accessTokenRoutes } from "./shared/access-tokens.ts";
import { authRoutes } from "./shared/auth.ts";
import { backupRoutes } from "./shared/backup.ts";
import { clientAddress } from "./shared/client-address.ts";
import type { AppDeps, AppEnv } from "./shared/env.ts";
import { BUSY_RETRY_SECONDS, PROBLEM_STATUS } from "./shared/errors.ts";
import { hostCheck } from "./shared/host.ts";
import { refuseNul, refuseNulInAddress } from "./shared/input.ts";
import { resolveLang } from "./shared/lang.ts";
import { requestLog, silentLogger } from "./shared/logging.ts";
import { offlineRoutes } from "./shared/offline.ts";
import { pageCache } from "./shared/page-cache.ts";
import { readinessRoutes } from "./shared/readiness.ts";
import { csrfProtection, session, sessionCookie, wantsJson } from "./shared/session.ts";
import { setupLinkRoutes } from "./shared/setup-links.ts";
import { viewOf } from "./shared/view.ts";
import { acronymsRoutes } from "./tracker/acronyms.ts";
import { invitationRoutes } from "./tracker/invitations.ts";
import { outcomesRoutes } from "./tracker/outcomes.ts";
import { publicRoutes } from "./tracker/public.ts";
import { questionnaireRoutes } from "./tracker/questionnaire.ts";
import {
  authoriseUpload,
  questionnaireFileRoutes,
  UPLOAD_PATH,
} from "./tracker/questionnaire-files.ts";
import { LOGO_UPLOAD_PATH, MAX_LOGO_UPLOAD, reportCoverRoutes } from "./tracker/report-covers.ts";
import { reportTextsRoutes } from "./tracker/report-texts.ts";
import { trackingRoutes } from "./tracker/tracking.ts";
import { translationRoutes } from "./tracker/translations.ts";
import { usersRoutes } from "./tracker/users.ts";
import { validationRoutes } from "./tracker/validation.ts";
import { verdictRoutes } from "./tracker/verdicts.ts";
import { workspaceRoutes } from "./tracker/workspace.ts";

const CSP = [
  "default-src 'none'",
  `style-src '${STYLES_HASH}'`,
  "script-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Browser features no page of Jalon uses, refused to every page and anything it embeds. */
const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()";

/** Bodies above this are refused with 413 before they are read whole. */
export const MAX_BODY = 1024 * 1024;
/** Questionnaire uploads: a 10 MB file and its multipart envelope. */
export const MAX_UPLOAD_BODY = 10 * 1024 * 1024 + 64 * 1024;

/** The tracker's own dependency: the reader of uploaded workbooks (else one per app). */
export interface TrackerDeps {
  workbookReader?: WorkbookReader | undefined;
}

export function createApp(deps: AppDeps & TrackerDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const renderer = deps.renderer ?? createRenderer();
  const workbookReader = deps.workbookReader ?? createWorkbookReader();

  app.use(requestLog(deps.logger ?? silentLogger()));
  app.use(async (c, next) => {
    c.set("deps", deps);
    c.set("lang", resolveLang(c));
    // One id per request: in the X-Request-Id header, every log line and every audit row.
    const requestId = c.get("requestId");
    await withRequestId(requestId, next);
    c.header("X-Request-Id", requestId);
    // A route serving its own kind of document (the HTML report) sets its own policy.
    if (!c.res.headers.has("Content-Security-Policy")) c.header("Content-Security-Policy", CSP);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Permissions-Policy", PERMISSIONS_POLICY);
    if (deps.secureCookies) {
      c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }
    if (!c.res.headers.has("Referrer-Policy")) c.header("Referrer-Policy", "same-origin");
    c.header("Vary", "Accept-Encoding, Cookie");
    const signedIn = (c.get("actor")?.kind ?? "anonymous") !== "anonymous";
    const mutation = c.req.method !== "GET" && c.req.method !== "HEAD";
    const shared = /^public\b/.test(c.res.headers.get("Cache-Control") ?? "");
    // Nothing a signed-in person sees, and no answer to a write, is kept by any cache; only
    // assets a route marks public (the same bytes for everyone) stay cacheable.
    if ((signedIn || mutation) && !shared) c.header("Cache-Control", "no-store");
    else if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-cache");
  });
  // "The process answers": before the session is read, so that no cookie a probe carries
  // costs a database query, and the answer does not depend on the database at all.
  app.get("/healthz", (c) => c.text("ok"));
  app.use(compress());
  app.use(etag());
  app.use(refuseNulInAddress());
  if (deps.allowedHost !== undefined) app.use(hostCheck(deps.allowedHost, deps.baseUrl));
  // A body over the limit is never read: the page says the limit and leads back to the form
  // it came from, where the browser kept what was typed.
  const tooLarge = (maxBytes: number) => (c: Context<AppEnv>) => {
    const view = viewOf(c);
    const status = PROBLEM_STATUS.too_large;
    if (wantsJson(c))
      return c.json({ error: "too_large", message: view.t("error.tooLarge") }, status);
    const mb = Math.floor(maxBytes / (1024 * 1024));
    const max =
      mb >= 1
        ? `${formatNumber(view.lang, mb)}\u00a0${view.lang === "fr" ? "Mo" : "MB"}`
        : `${formatNumber(view.lang, Math.floor(maxBytes / 1024))}\u00a0${view.lang === "fr" ? "Ko" : "KB"}`;
    // For a post, the view's address is the page the form was on (see http/shared/view.ts).
    const back = view.path === "/" ? undefined : view.path;
    return c.html(
      messagePage(view, view.t("error.tooLarge"), view.t("error.tooLargeMax", { max }), back),
      status,
    );
  };
  const smallBodies = bodyLimit({ maxSize: MAX_BODY, onError: tooLarge(MAX_BODY) });
  // Upload routes get their own limit here, before the CSRF check reads the body, and only for
  // a session that may write that questionnaire: any other is refused before its body is read.
  const uploads = bodyLimit({ maxSize: MAX_UPLOAD_BODY, onError: tooLarge(MAX_UPLOAD_BODY) });
  // Each part's file posts: their own limit, refused before the body is read to anyone who may
  // not write there.
  const partUploads = [
    { path: HEALTH_UPLOAD_PATH, action: "health.write", max: MAX_HEALTH_UPLOAD },
    { path: REGISTER_UPLOAD_PATH, action: "programme.write", max: MAX_REGISTER_UPLOAD },
    { path: TESTIMONIAL_UPLOAD_PATH, action: "programme.private", max: MAX_TESTIMONIAL_UPLOAD },
    { path: LOGO_UPLOAD_PATH, action: "cycle.setup", max: MAX_LOGO_UPLOAD },
  ].map((u) => ({
    path: u.path,
    action: u.action as Action,
    // The photo's envelope is counted in its limit; the page names the file's own 10 MB.
    limit: bodyLimit({ maxSize: u.max, onError: tooLarge(u.max) }),
  }));
  app.use(session(invitationOpen));
  app.use(async (c, next) => {
    const upload =
      c.req.method === "POST" ? partUploads.find((u) => u.path.test(c.req.path)) : undefined;
    if (upload) {
      authorise(c.get("actor"), upload.action);
      return upload.limit(c, next);
    }
    if (c.req.method !== "POST" || !UPLOAD_PATH.test(c.req.path)) return smallBodies(c, next);
    await authoriseUpload(c);
    return uploads(c, next);
  });
  app.use(csrfProtection());
  app.use(refuseNul());
  // After the session (a signed-in request is never answered from it) and the write checks.
  app.use(pageCache(deps.pageCache));
  // An acknowledged write has reached the disk: the answer waits for the flush.
  app.use(async (c, next) => {
    await next();
    if (c.req.method !== "GET" && c.req.method !== "HEAD" && deps.flush) await deps.flush();
  });

  app.route("/", publicRoutes(renderer));
  app.route("/", authRoutes());
  app.route("/", accessTokenRoutes());
  app.route("/", backupRoutes());
  app.route("/", invitationRoutes());
  app.route("/", offlineRoutes());
  app.route("/", setupLinkRoutes());
  app.route("/", workspaceRoutes());
  app.route("/", reportTextsRoutes());
  app.route("/", translationRoutes());
  app.route("/", reportCoverRoutes());
  app.route("/", acronymsRoutes());
  app.route("/", outcomesRoutes());
  app.route("/", usersRoutes());
  app.route("/", questionnaireFileRoutes(renderer, workbookReader));
  app.route("/", questionnaireRoutes());
  app.route("/", trackingRoutes());
  app.route("/", validationRoutes());
  app.route("/", verdictRoutes());
  app.route("/", healthImportRoutes(renderer));
  app.route("/", connectionRoutes());
  app.route("/", healthEntryRoutes());
  app.route("/", healthUnitRoutes());
  app.route("/", programmeRoutes());
  app.route("/", registerImportRoutes(renderer));
  app.route("/", dashboardRoutes(renderer));
  app.route("/", midwifeRoutes());
  app.route("/", missionRoutes(renderer));
  app.route("/", testimonialRoutes());
  app.route("/", programmeResultsRoutes(renderer));
  // The analytics catalogue is kept between queries while the change feed's version holds.
  app.route(
    "/",
    analyticsRoutes(deps.changes ? new AnalyticsCatalogueCache(deps.changes) : undefined),
  );
  app.route("/", explorerRoutes(renderer));

  app.route("/", readinessRoutes());

  app.notFound((c) => {
    if (wantsJson(c)) return c.json({ error: "not_found" }, 404);
    return c.html(notFoundPage(viewOf(c)), 404);
  });

  app.onError(async (caught, c) => {
    const url = new URL(c.req.url);
    // A form or parameter that breaks its schema is the sender's mistake, named by its field.
    const error =
      caught instanceof ZodError
        ? new Problem("invalid_input", "field", { field: caught.issues[0]?.path.join(".") ?? "" })
        : caught;
    if (!c.get("actor")) c.set("actor", { kind: "anonymous" });
    const view = viewOf(c);
    if (isProblem(error)) {
      const status = PROBLEM_STATUS[error.code];
      if (status === 403) {
        await recordRefusal(deps.db, c.get("actor"), {
          method: c.req.method,
          path: url.pathname,
          reason: "forbidden",
          address: clientAddress(c),
        });
      }
      if (error.code === "busy") c.header("Retry-After", String(BUSY_RETRY_SECONDS));
      if (wantsJson(c)) {
        return c.json(
          {
            error: error.code,
            subject: error.subject,
            details: error.details,
            issues: error.issues,
          },
          status,
        );
      }
      if (error.code === "unauthenticated" && c.req.method === "GET") {
        const login = `/login?next=${encodeURIComponent(url.pathname + url.search)}`;
        // A link session whose collection closed: say so, rather than show a partner the staff
        // sign-in alone.
        const token = sessionCookie(c);
        if (
          url.pathname.startsWith("/q/") &&
          token &&
          (await isClosedLinkSession(deps.db, token, invitationOpen))
        )
          return c.html(closedLinkPage(view, login), 401);
        return c.redirect(login, 303);
      }
      if (status === 404) {
        // A page beyond a list's last: the list itself, from its first page, is one link away
        // (a search in the address, `?q=`, is kept).
        const kept = new URLSearchParams(url.search);
        kept.delete("page");
        const query = kept.toString();
        const list =
          error.subject === "page" ? `${url.pathname}${query ? `?${query}` : ""}` : undefined;
        return c.html(notFoundPage(view, error.subject, error.details.id, list), 404);
      }
      if (error.code === "busy") {
        return c.html(
          messagePage(view, view.t("error.busy.title"), view.t("error.busy.body")),
          503,
        );
      }
      if (error.code === "invalid_input") {
        // Named as the form labels it; a name no form shows is never printed raw.
        const field = fieldLabel(view, error.issues[0]?.path ?? "");
        const nul = error.subject === "nul";
        const body = field
          ? view.t(nul ? "error.invalid.nul" : "error.invalid.body", { field })
          : view.t(nul ? "error.invalid.nulAny" : "error.invalid.bodyAny");
        return c.html(messagePage(view, view.t("error.invalid.title"), body), status);
      }
      if (status === 403 || status === 401) {
        return c.html(
          messagePage(view, view.t("error.forbidden.title"), view.t("error.forbidden.body")),
          status,
        );
      }
      return c.html(
        messagePage(view, view.t("error.conflict.title"), view.t("error.conflict.body")),
        status,
      );
    }
    c.get("log").error({ method: c.req.method, route: routePath(c, -1), err: error }, "failed");
    if (wantsJson(c)) return c.json({ error: "server" }, 500);
    return c.html(serverErrorPage(view), 500);
  });

  return app;
}
