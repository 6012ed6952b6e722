// /readyz: a load balancer's question "may I send traffic here?". Cheap, open to anyone, and
// answering only "ready" or "not ready": why not goes to the log, not to whoever asked.
import { Hono } from "hono";
import { readiness } from "../../services/shared/readiness.ts";
import type { AppEnv } from "./env.ts";

export function readinessRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/readyz", async (c) => {
    const deps = c.get("deps");
    const answer = await readiness(deps.db, { alive: deps.alive });
    c.header("Cache-Control", "no-store");
    if (answer.ready) return c.text("ready");
    c.get("log").warn({ reason: answer.reason, detail: answer.detail }, "not ready");
    return c.text("not ready", 503);
  });
  return app;
}
