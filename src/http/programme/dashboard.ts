// A programme's public dashboard and result cards over HTTP: GET /programmes/:slug (published
// programmes only, for everyone, in French or English) and its cards as PNG at
// /programmes/:slug/cards/:n-square.png and :n-wide.png; for staff, /programme/:id/cards lists
// the cards of any programme with their downloads at /programme/:id/cards/:n-….png. The cards are
// drawn in the rendering worker.
import { type Context, Hono } from "hono";
import { parseId } from "../../domain/shared/input.ts";
import { notFound } from "../../domain/shared/problem.ts";
import {
  type DashboardOptions,
  drawCard,
  programmeDashboard,
  staffDashboard,
} from "../../services/programme/dashboard.ts";
import { publicProgrammes } from "../../services/programme/publication.ts";
import type { Renderer } from "../../services/shared/rendering.ts";
import { cardsPage } from "../../web/programme/pages/cards.ts";
import { dashboardPage } from "../../web/programme/pages/dashboard.ts";
import { publicProgrammesPage } from "../../web/programme/pages/public-programmes.ts";
import type { AppEnv } from "../shared/env.ts";
import { parseOr404, slugParam } from "../shared/params.ts";
import { publicBase, sharedViewOf, viewOf } from "../shared/view.ts";

const CARD_FILE = /^([0-9]{1,3})-(square|wide)\.png$/;

function cardOf(c: Context<AppEnv>): { n: number; size: "square" | "wide" } {
  const m = CARD_FILE.exec(c.req.param("file") ?? "");
  if (!m) throw notFound("card", c.req.param("file") ?? "");
  return { n: Number(m[1]), size: m[2] === "wide" ? "wide" : "square" };
}

const png = (c: Context<AppEnv>, bytes: Uint8Array, name: string) => {
  c.header("Content-Type", "image/png");
  c.header("Content-Disposition", `inline; filename="${name}"`);
  return c.body(new Uint8Array(bytes), 200);
};

/** `options` names the day of the counts (tests); today otherwise. */
export function dashboardRoutes(renderer: Renderer, options: DashboardOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/programmes", async (c) =>
    c.html(publicProgrammesPage(sharedViewOf(c), await publicProgrammes(c.get("deps").db))),
  );

  app.get("/programmes/:slug", async (c) => {
    const slug = parseOr404(slugParam, c.req.param("slug"), "programme");
    const data = await programmeDashboard(c.get("deps").db, slug, c.get("lang"), options);
    return c.html(dashboardPage(sharedViewOf(c), data, publicBase(c).replace(/\/+$/, "")));
  });

  app.get("/programmes/:slug/cards/:file", async (c) => {
    const slug = parseOr404(slugParam, c.req.param("slug"), "programme");
    const { n, size } = cardOf(c);
    const data = await programmeDashboard(c.get("deps").db, slug, c.get("lang"), options);
    const bytes = await drawCard(renderer, data, n, size);
    // A card shared on a network is fetched by many: shared caches may keep it an hour, when
    // its address names its language (otherwise a cookie chose it, which a cache cannot see).
    const named = c.req.query("lang") === c.get("lang");
    if (c.get("actor").kind !== "anonymous") c.header("Cache-Control", "private, no-store");
    else if (named) c.header("Cache-Control", "public, max-age=3600");
    return png(c, bytes, `${slug}-${n}-${size}.png`);
  });

  const idOf = (c: Context<AppEnv>) => {
    const id = parseId(c.req.param("id"));
    if (id === null) throw notFound("programme", c.req.param("id") ?? "");
    return id;
  };

  app.get("/programme/:id{[0-9]+}/cards", async (c) => {
    const data = await staffDashboard(
      c.get("deps").db,
      c.get("actor"),
      idOf(c),
      c.get("lang"),
      options,
    );
    return c.html(cardsPage(viewOf(c), data));
  });

  app.get("/programme/:id{[0-9]+}/cards/:file", async (c) => {
    const id = idOf(c);
    const { n, size } = cardOf(c);
    const { dashboard } = await staffDashboard(
      c.get("deps").db,
      c.get("actor"),
      id,
      c.get("lang"),
      options,
    );
    return png(c, await drawCard(renderer, dashboard, n, size), `programme-${id}-${n}-${size}.png`);
  });

  return app;
}
