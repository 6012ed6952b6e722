// The health-data import pages over HTTP (health.write): the upload form and recent imports, the
// upload itself (kept on disk, queued as a job, then the browser is sent to the import's page),
// and one import's page, which follows the job until it ends.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { Problem } from "../../domain/shared/problem.ts";
import {
  getImportJob,
  listImportJobs,
  queueFileImport,
} from "../../services/health/import-jobs.ts";
import { type TemplateName, templateFile } from "../../services/health/import-templates.ts";
import { UPLOAD_KINDS } from "../../services/health/uploads.ts";
import { authorise } from "../../services/shared/access.ts";
import type { Renderer } from "../../services/shared/rendering.ts";
import { importJobPage, importsPage } from "../../web/health/pages/imports.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";

/** The upload route, which gets its own body limit and is authorised before its body is read. */
export const HEALTH_UPLOAD_PATH = /^\/health\/imports$/;
/** 200 MB: a DHIS2 export gzipped is about a twentieth of its size. */
export const MAX_HEALTH_UPLOAD = 200 * 1024 * 1024;

const form = z.object({
  kind: z.enum(UPLOAD_KINDS).catch("auto"),
  dryRun: z.literal("1").optional().catch(undefined),
});

/** Refuses an upload from anyone who may not import, before the body is read. */
export function authoriseHealthUpload(c: Context<AppEnv>): void {
  authorise(c.get("actor"), "health.write");
}

export function healthImportRoutes(renderer: Renderer): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // The templates: CSV in the page's language (its separator too), or a workbook.
  app.get(
    "/health/imports/templates/:name{facility\\.csv|facility\\.xlsx|units\\.csv}",
    async (c) => {
      const file = await templateFile(
        c.get("deps").db,
        renderer,
        c.get("actor"),
        c.get("lang"),
        c.req.param("name") as TemplateName,
      );
      c.header("Content-Type", file.type);
      c.header("Content-Disposition", `attachment; filename="${file.name}"`);
      return c.body(new Uint8Array(file.bytes), 200);
    },
  );

  app.get("/health/imports", async (c) => {
    const jobs = await listImportJobs(c.get("deps").db, c.get("actor"));
    return c.html(importsPage(viewOf(c, { form: true }), jobs));
  });

  app.post("/health/imports", async (c) => {
    const deps = c.get("deps");
    if (!deps.health) throw new Problem("not_found", "health");
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) {
      const jobs = await listImportJobs(deps.db, c.get("actor"));
      return c.html(importsPage(viewOf(c, { form: true }), jobs, { missing: true }), 400);
    }
    const options = form.parse(body);
    const id = await queueFileImport(deps.db, c.get("actor"), {
      dir: deps.health.uploadDir,
      name: file.name || "dhis2",
      bytes: file.stream(),
      size: file.size,
      kind: options.kind,
      dryRun: options.dryRun === "1",
    });
    deps.health.kickJobs();
    return c.redirect(`/health/imports/${id}`, 303);
  });

  app.get("/health/imports/:id{[0-9]+}", async (c) => {
    const job = await getImportJob(c.get("deps").db, c.get("actor"), c.req.param("id"));
    return c.html(importJobPage(viewOf(c), job));
  });

  return app;
}
