// Public pages: scorecard, commitment, partners, synthesis. Each route validates its params,
// calls one service and renders.

import { type Context, Hono } from "hono";
import { z } from "zod";
import { notFound } from "../../domain/shared/problem.ts";
import { redirectTarget } from "../../domain/shared/redirect.ts";
import { BUILDING_BLOCKS } from "../../domain/tracker/building-block.ts";
import type { Renderer } from "../../services/shared/rendering.ts";
import { latestPublishedCycle } from "../../services/tracker/context.ts";
import { getDirectoryPage, getPartnerPage } from "../../services/tracker/partners.ts";
import { getCommitmentPage, getScorecard } from "../../services/tracker/scorecard.ts";
import { getBlockContributors, getSynthesis } from "../../services/tracker/synthesis.ts";
import { commitmentPage } from "../../web/tracker/pages/commitment.ts";
import { directoryPage, partnerPage } from "../../web/tracker/pages/partners.ts";
import { scorecardPage } from "../../web/tracker/pages/scorecard.ts";
import { blockPage, synthesisPage } from "../../web/tracker/pages/synthesis.ts";
import type { AppEnv } from "../shared/env.ts";
import { rememberLang } from "../shared/lang.ts";
import { parseOr404, slugParam } from "../shared/params.ts";
import { sharedViewOf } from "../shared/view.ts";
import { reportRoutes } from "./reports.ts";

const slug = slugParam;
const commitmentNumber = z.coerce.number().int().positive().max(999);
const pageNumber = z.coerce.number().int().positive().max(1_000_000);

// Every page here is the same for every anonymous reader: it may be kept (page-cache.ts).
const view = (c: Context<AppEnv>) => sharedViewOf(c);

export function publicRoutes(renderer: Renderer): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/", async (c) => {
    const data = await getScorecard(c.get("deps").db, undefined, c.get("lang"));
    return c.html(scorecardPage(view(c), data));
  });

  app.get("/cycles/:cycle", async (c) => {
    const cycle = parseOr404(slug, c.req.param("cycle"), "cycle");
    const data = await getScorecard(c.get("deps").db, cycle, c.get("lang"));
    return c.html(scorecardPage(view(c), data));
  });

  app.get("/cycles/:cycle/commitments/:number", async (c) => {
    const cycle = parseOr404(slug, c.req.param("cycle"), "cycle");
    const number = parseOr404(commitmentNumber, c.req.param("number"), "commitment");
    // A page number names a page of the contributions (one beyond the last is not found).
    const asked = c.req.query("page");
    const page = asked === undefined ? 1 : parseOr404(pageNumber, asked, "page");
    const data = await getCommitmentPage(c.get("deps").db, cycle, number, c.get("lang"), page);
    return c.html(commitmentPage(view(c), data));
  });

  app.get("/cycles/:cycle/synthesis", async (c) => {
    const cycle = parseOr404(slug, c.req.param("cycle"), "cycle");
    const data = await getSynthesis(c.get("deps").db, cycle, c.get("lang"));
    return c.html(synthesisPage(view(c), data));
  });

  app.get("/cycles/:cycle/synthesis/blocks/:block", async (c) => {
    const cycle = parseOr404(slug, c.req.param("cycle"), "cycle");
    const block = parseOr404(z.enum(BUILDING_BLOCKS), c.req.param("block"), "block");
    const asked = c.req.query("page");
    const page = asked === undefined ? 1 : parseOr404(pageNumber, asked, "page");
    const data = await getBlockContributors(c.get("deps").db, cycle, block, page, c.get("lang"));
    return c.html(blockPage(view(c), data));
  });

  // The latest published synthesis, for navigation from pages that belong to no cycle.
  app.get("/synthesis", async (c) => {
    const cycle = await latestPublishedCycle(c.get("deps").db, c.get("lang"));
    return c.redirect(`/cycles/${encodeURIComponent(cycle.slug)}/synthesis`, 302);
  });

  app.route("/", reportRoutes(renderer));

  app.get("/partners", async (c) => {
    // ?q= searches names and acronyms; ?page= names a page (one beyond the last is not found).
    const asked = c.req.query("page");
    const page = asked === undefined ? 1 : parseOr404(pageNumber, asked, "page");
    const query = (c.req.query("q") ?? "").slice(0, 100);
    const data = await getDirectoryPage(c.get("deps").db, c.get("lang"), { page, query });
    return c.html(directoryPage(view(c), data));
  });

  app.get("/partners/:partner", async (c) => {
    const partner = parseOr404(slug, c.req.param("partner"), "partner");
    const data = await getPartnerPage(c.get("deps").db, partner, c.get("lang"));
    return c.html(partnerPage(view(c), data, data.cycles[0]?.cycle.slug));
  });

  // Switching language works without JavaScript: a link that saves the choice and goes back.
  app.get("/lang/:lang", (c) => {
    const lang = c.req.param("lang");
    if (lang !== "fr" && lang !== "en") throw notFound("page", lang);
    rememberLang(c, lang, c.get("deps").secureCookies);
    return c.redirect(redirectTarget(c.req.query("next")), 303);
  });

  return app;
}
