// createApp(deps) builds the Hono application without listening: main.ts serves it, tests call
// app.request() in process.
import { Hono } from "hono";
import { compress } from "hono/compress";
import { etag } from "hono/etag";
import { isProblem } from "../domain/problem.ts";
import { notFoundPage, serverErrorPage } from "../web/pages/errors.ts";
import { STYLES_HASH } from "../web/styles.ts";
import { makeView } from "../web/view.ts";
import type { AppDeps, AppEnv } from "./env.ts";
import { PROBLEM_STATUS } from "./errors.ts";
import { resolveLang } from "./lang.ts";
import { publicRoutes } from "./public.ts";

const CSP = [
  "default-src 'none'",
  `style-src '${STYLES_HASH}'`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

export function createApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.use(async (c, next) => {
    c.set("deps", deps);
    c.set("lang", resolveLang(c));
    await next();
    c.header("Content-Security-Policy", CSP);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "same-origin");
    c.header("Vary", "Accept-Encoding, Cookie");
    if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-cache");
  });
  app.use(compress());
  app.use(etag());

  app.route("/", publicRoutes());

  app.get("/healthz", (c) => c.text("ok"));

  app.notFound((c) => {
    const url = new URL(c.req.url);
    return c.html(notFoundPage(makeView(c.get("lang"), url.pathname)), 404);
  });

  app.onError((error, c) => {
    const url = new URL(c.req.url);
    const view = makeView(c.get("lang") ?? "fr", url.pathname);
    if (isProblem(error)) {
      const status = PROBLEM_STATUS[error.code];
      if (status === 404) return c.html(notFoundPage(view, error.subject, error.details.id), 404);
      return c.text(error.message, status);
    }
    deps.log(`error ${c.req.method} ${url.pathname}: ${error.stack ?? String(error)}`);
    return c.html(serverErrorPage(view), 500);
  });

  return app;
}
