// The data-entry form over HTTP (health.write): GET chooses the facility and month and shows the
// boxes; POST saves them and shows the same page with what was saved, refused or worth checking.
import { type Context, Hono } from "hono";
import { Problem } from "../../domain/shared/problem.ts";
import { entryForm, saveEntry } from "../../services/health/entry.ts";
import { entryPage } from "../../web/health/pages/entry.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";
import { authoriseHealthUpload } from "./imports.ts";

/** The chosen facility and month; the month input sends "2024-03", DHIS2 says "202403". */
function choice(c: Context<AppEnv>): { ou: string; pe: string } {
  const ou = (c.req.query("ou") ?? "").slice(0, 100);
  const month = (c.req.query("pe") ?? "").slice(0, 20);
  return { ou, pe: /^\d{4}-\d{2}$/.test(month) ? month.replace("-", "") : month };
}

export function healthEntryRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/health/entry", async (c) => {
    const chosen = choice(c);
    const form = await entryForm(c.get("deps").db, c.get("actor"), chosen);
    const status =
      (chosen.ou !== "" || chosen.pe !== "") && (!form.unit || !form.period) ? 400 : 200;
    return c.html(
      entryPage(viewOf(c, { form: true }), form, { month: c.req.query("pe") ?? "" }),
      status,
    );
  });

  app.post("/health/entry", async (c) => {
    // Refused before anything is read, whatever this server offers.
    authoriseHealthUpload(c);
    const deps = c.get("deps");
    if (!deps.health) throw new Problem("not_found", "health");
    const body = await c.req.parseBody();
    const typed: Record<string, string> = {};
    for (const [k, v] of Object.entries(body))
      if (k.startsWith("v.") && typeof v === "string") typed[k] = v.slice(0, 50);
    const result = await saveEntry(deps.health.database, c.get("actor"), choice(c), typed);
    const failed = Object.keys(result.errors).length > 0;
    return c.html(
      entryPage(viewOf(c, { form: true }), result.form, {
        errors: result.errors,
        saved: result.saved,
        warnings: result.warnings,
      }),
      failed ? 400 : 200,
    );
  });

  return app;
}
