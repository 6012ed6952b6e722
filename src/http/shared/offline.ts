// What makes the questionnaire an installable, offline page: its service worker at the root
// (so that its scope covers /q/ and the sign-out), the web app manifest and the app's icon.
import { Hono } from "hono";
import {
  ICON_PATH,
  ICON_SVG,
  MANIFEST,
  MANIFEST_PATH,
  SERVICE_WORKER_JS,
} from "../../web/client.ts";
import type { AppEnv } from "./env.ts";

export function offlineRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/sw.js", (c) => {
    // Browsers check the worker for updates at each visit: it must never be kept stale.
    c.header("Cache-Control", "no-cache");
    return c.body(SERVICE_WORKER_JS, 200, { "content-type": "text/javascript; charset=utf-8" });
  });

  app.get(MANIFEST_PATH, (c) => {
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(MANIFEST, 200, { "content-type": "application/manifest+json" });
  });

  app.get(ICON_PATH, (c) => {
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(ICON_SVG, 200, { "content-type": "image/svg+xml" });
  });

  return app;
}
