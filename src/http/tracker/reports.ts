// Downloads of a cycle's annual report: GET /cycles/:cycle/report.:format (docx, pdf, html,
// xlsx), in ?lang= or the visitor's language. Published cycles for everyone; any cycle for
// coordinators and administrators.

import { Hono } from "hono";
import { seesDraftReports } from "../../domain/shared/policy.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { isReportFormat } from "../../domain/tracker/report-text.ts";
import { recordExport } from "../../services/shared/audit.ts";
import type { Renderer } from "../../services/shared/rendering.ts";
import {
  buildReport,
  REPORT_MEDIA_TYPES,
  renderReport,
  reportFileName,
} from "../../services/tracker/reports.ts";
import type { AppEnv } from "../shared/env.ts";
import { slugParam } from "../shared/params.ts";

const slug = slugParam;

/**
 * The HTML report is a standalone document: its own inline styles, no script at all, no form,
 * and never inside another site's frame.
 */
const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function reportRoutes(renderer: Renderer): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/cycles/:cycle/:file{report\\.[a-z]+}", async (c) => {
    const cycle = slug.safeParse(c.req.param("cycle"));
    const format = c.req.param("file").slice("report.".length);
    if (!cycle.success) throw notFound("cycle", c.req.param("cycle"));
    if (!isReportFormat(format)) throw notFound("page", c.req.path);
    // Coordinators (and administrators) may draw the report of a cycle before it is published.
    const model = await buildReport(c.get("deps").db, cycle.data, c.get("lang"), {
      publishedOnly: !seesDraftReports(c.get("actor")),
    });
    if (c.get("actor").kind !== "anonymous") c.header("Cache-Control", "private, no-store");
    const bytes = await renderReport(renderer, model, format);
    const name = reportFileName(model, format);
    await recordExport(c.get("deps").db, c.get("actor"), {
      kind: "report",
      cycle: cycle.data,
      format,
    });
    c.header("Content-Type", REPORT_MEDIA_TYPES[format]);
    c.header(
      "Content-Disposition",
      `${format === "html" ? "inline" : "attachment"}; filename="${name}"`,
    );
    if (format === "html") c.header("Content-Security-Policy", REPORT_CSP);
    return c.body(new Uint8Array(bytes), 200);
  });
  return app;
}
