// The indicator explorer: GET /health/explorer (the page; its form is a GET, so a choice is a
// shareable URL), GET /health/explorer.csv and .xlsx (the same table as files). One service
// builds the table; the chart and the workbook are drawn in the rendering worker.
import { type Context, Hono } from "hono";
import {
  drawExplorerChart,
  type ExplorerFormat,
  type ExplorerParams,
  explorePage,
  explorerFileName,
  exportExplorer,
} from "../../services/health/explorer.ts";
import type { Renderer } from "../../services/shared/rendering.ts";
import { EXPLORER_PATH, explorerPage } from "../../web/health/pages/explorer.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";

/** Longer than any identifier or month: read as "", which the form then asks for again. */
const MAX_PARAM = 100;

function params(c: Context<AppEnv>): ExplorerParams {
  const read = (name: keyof ExplorerParams) => {
    const value = c.req.query(name) ?? "";
    return value.length > MAX_PARAM ? "" : value;
  };
  return {
    dx: read("dx"),
    ou: read("ou"),
    level: read("level"),
    pt: read("pt"),
    from: read("from"),
    to: read("to"),
  };
}

const MEDIA_TYPES: Record<ExplorerFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

export function explorerRoutes(renderer: Renderer): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(EXPLORER_PATH, async (c) => {
    const data = await explorePage(c.get("deps").db, c.get("actor"), c.get("lang"), params(c));
    const svg = data.result?.chart ? await drawExplorerChart(renderer, data.result.chart) : null;
    const status = Object.keys(data.errors).length > 0 ? 400 : 200;
    return c.html(explorerPage(viewOf(c), data, svg), status);
  });

  const download = (format: ExplorerFormat) => async (c: Context<AppEnv>) => {
    const data = await explorePage(c.get("deps").db, c.get("actor"), c.get("lang"), params(c));
    // Nothing to download (a choice to correct, no value): the page says why.
    if (!data.result?.hasData)
      return c.redirect(`${EXPLORER_PATH}${new URL(c.req.url).search}`, 303);
    const bytes = await exportExplorer(
      c.get("deps").db,
      renderer,
      c.get("actor"),
      data.result,
      data.form,
      format,
    );
    c.header("Content-Type", MEDIA_TYPES[format]);
    c.header(
      "Content-Disposition",
      `attachment; filename="${explorerFileName(data.form, format)}"`,
    );
    return c.body(new Uint8Array(bytes), 200);
  };
  app.get(`${EXPLORER_PATH}.csv`, download("csv"));
  app.get(`${EXPLORER_PATH}.xlsx`, download("xlsx"));

  return app;
}
