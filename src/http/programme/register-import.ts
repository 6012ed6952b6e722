// Importing the midwife register over HTTP (programme.write): the upload (multipart, its own
// body limit, authorised before its body is read) checked as a dry run and answered with the
// preview; the confirmation, which imports the very bytes previewed; and the templates to fill
// (programme.read), CSV in the page's language or a workbook.
import { Hono } from "hono";
import { z } from "zod";
import { parseId } from "../../domain/shared/input.ts";
import { isProblem } from "../../domain/shared/problem.ts";
import { importTargets } from "../../services/programme/register-page.ts";
import {
  confirmRegister,
  MAX_REGISTER_UPLOAD,
  PendingUploads,
  previewRegister,
  type RegisterTemplateName,
  RegisterUploadRefused,
  registerTemplate,
} from "../../services/programme/register-uploads.ts";
import type { Renderer } from "../../services/shared/rendering.ts";
import {
  registerExpiredPage,
  registerImportedPage,
  registerPreviewPage,
  registerUploadRefusedPage,
} from "../../web/programme/pages/register-import.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";

/** The upload route, which gets its own body limit and is authorised before its body is read. */
export const REGISTER_UPLOAD_PATH = /^\/programme\/midwives\/import$/;
export { MAX_REGISTER_UPLOAD };

const confirmForm = z.object({ token: z.string().max(100).catch("") });

export function registerImportRoutes(renderer: Renderer): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Previewed uploads of this server, until confirmed or expired.
  const pending = new PendingUploads();

  app.get("/programme/midwives/templates/:name{register\\.csv|register\\.xlsx}", async (c) => {
    const file = await registerTemplate(
      c.get("deps").db,
      renderer,
      c.get("actor"),
      c.get("lang"),
      c.req.param("name") as RegisterTemplateName,
    );
    c.header("Content-Type", file.type);
    c.header("Content-Disposition", `attachment; filename="${file.name}"`);
    return c.body(new Uint8Array(file.bytes), 200);
  });

  app.post("/programme/midwives/import", async (c) => {
    const db = c.get("deps").db;
    const actor = c.get("actor");
    const body = await c.req.parseBody();
    const file = body.file;
    const programmeId = parseId(typeof body.programme === "string" ? body.programme : "");
    const present = file instanceof File && file.size > 0;
    try {
      const preview = await previewRegister(db, actor, pending, {
        programmeId,
        name: present ? file.name || "registre" : "",
        bytes: present ? new Uint8Array(await file.arrayBuffer()) : null,
      });
      return c.html(registerPreviewPage(viewOf(c, { form: true }), preview));
    } catch (error) {
      if (!(error instanceof RegisterUploadRefused)) throw error;
      const view = viewOf(c, { form: true });
      return c.html(
        registerUploadRefusedPage(view, await importTargets(db), error.refusal, programmeId),
        400,
      );
    }
  });

  app.post("/programme/midwives/import/confirm", async (c) => {
    const db = c.get("deps").db;
    const { token } = confirmForm.parse(await c.req.parseBody());
    try {
      const result = await confirmRegister(db, c.get("actor"), pending, token);
      return c.html(registerImportedPage(viewOf(c), result));
    } catch (error) {
      if (!(isProblem(error) && error.code === "not_found")) throw error;
      return c.html(registerExpiredPage(viewOf(c, { form: true }), await importTargets(db)), 400);
    }
  });

  return app;
}
