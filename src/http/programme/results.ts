// A programme's results over HTTP: GET /programme/:id/results (programme.read), its years, the
// indicator on the chart and the facility compared before and after as a plain GET form, so a choice is a URL to share. A year that is
// not one comes back said beside its field (400). The chart is drawn in the rendering worker.
import { Hono } from "hono";
import { z } from "zod";
import { parseId } from "../../domain/shared/input.ts";
import { notFound } from "../../domain/shared/problem.ts";
import { drawExplorerChart } from "../../services/health/explorer.ts";
import { resultsPage } from "../../services/programme/results-page.ts";
import type { Renderer } from "../../services/shared/rendering.ts";
import { resultsPageHtml } from "../../web/programme/pages/results.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";

/** Longer than any year or id: read as "", which the form then fills or asks for again. */
const param = z
  .string()
  .max(20)
  .catch("")
  .optional()
  .transform((v) => v ?? "");
const query = z.object({ from: param, to: param, indicator: param, facility: param });

export function programmeResultsRoutes(renderer: Renderer): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/programme/:id{[0-9]+}/results", async (c) => {
    const id = parseId(c.req.param("id"));
    if (id === null) throw notFound("programme", c.req.param("id"));
    const view = viewOf(c);
    const data = await resultsPage(
      c.get("deps").db,
      c.get("actor"),
      id,
      c.get("lang"),
      query.parse(c.req.query()),
      { regionLabel: (name) => view.t("pr.region", { name }) },
    );
    const svg = data.chart ? await drawExplorerChart(renderer, data.chart.model) : null;
    const status = Object.keys(data.errors).length > 0 ? 400 : 200;
    return c.html(resultsPageHtml(view, data, svg), status);
  });

  return app;
}
