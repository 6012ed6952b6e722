// Workspace routes for following a cycle: the tracking panel, reminders (one partner or every
// late one), a fresh link for WhatsApp, and the e-mail outbox. Writes answer with a redirect
// (post/redirect/get), so reloading a page never sends a reminder twice.

import { type Context, Hono } from "hono";
import { z } from "zod";
import { notFound } from "../../domain/shared/problem.ts";
import {
  outboxView,
  remindAllLate,
  remindPartnerNow,
  sendOutboxNow,
} from "../../services/tracker/reminders.ts";
import { type TrackingAt, trackingPanel, whatsappLink } from "../../services/tracker/tracking.ts";
import {
  outboxPage,
  reminderMail,
  type TrackingNotice,
  trackingPage,
  whatsappPage,
} from "../../web/tracker/pages/tracking.ts";
import type { AppEnv } from "../shared/env.ts";
import { parseOr404, slugParam } from "../shared/params.ts";
import { publicBase, viewOf } from "../shared/view.ts";

const slug = slugParam;
const count = z.coerce.number().int().min(0).max(100_000);
const pageNumber = z.coerce.number().int().positive().max(1_000_000);

const partnerNotice = z.object({
  reminded: z.enum(["queued", "already", "no_address", "responded"]),
  partner: slug,
});
const allNotice = z.object({ queued: count, already: count, noAddress: count });
const sentNotice = z.object({ sent: count, failed: count });

/** Route parameters; one that could not be a slug names nothing, like an unknown one. */
function params(c: Context<AppEnv>): { cycle: string; partner: string } {
  const cycle = c.req.param("cycle") ?? "";
  const partner = c.req.param("partner") ?? "";
  if (!slug.safeParse(cycle).success) throw notFound("cycle", cycle.slice(0, 64));
  if (partner !== "" && !slug.safeParse(partner).success)
    throw notFound("partner", partner.slice(0, 64));
  return { cycle, partner };
}

const trackingPath = (cycle: string) => `/manage/cycles/${encodeURIComponent(cycle)}/tracking`;

export function trackingRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const db = (c: Context<AppEnv>) => c.get("deps").db;

  app.get("/manage/cycles/:cycle/tracking", async (c) => {
    const query = c.req.query();
    const one = partnerNotice.safeParse(query);
    const all = allNotice.safeParse(query);
    // A page number names a page (one beyond the last is not found); after a partner's reminder,
    // the page that lists it.
    const at: TrackingAt =
      query.page !== undefined
        ? { page: parseOr404(pageNumber, query.page, "page") }
        : one.success
          ? { partner: one.data.partner }
          : { page: 1 };
    const v = await trackingPanel(
      db(c),
      c.get("actor"),
      params(c).cycle,
      c.get("lang"),
      new Date(),
      at,
    );
    let notice: TrackingNotice | undefined;
    if (one.success) {
      const p = v.groups.flatMap((g) => g.partners).find((x) => x.slug === one.data.partner);
      notice = {
        kind: "partner",
        outcome: one.data.reminded,
        slug: one.data.partner,
        partner: p?.shortName ?? one.data.partner,
      };
    } else if (all.success) {
      notice = { kind: "all", ...all.data };
    }
    return c.html(trackingPage(viewOf(c, { form: true }), v, notice));
  });

  app.post("/manage/cycles/:cycle/tracking/partners/:partner/remind", async (c) => {
    const { cycle, partner } = params(c);
    const done = await remindPartnerNow(
      db(c),
      c.get("actor"),
      { cycleSlug: cycle, partnerSlug: partner, baseUrl: publicBase(c) },
      reminderMail(),
    );
    const query = new URLSearchParams({ reminded: done.outcome, partner });
    return c.redirect(`${trackingPath(cycle)}?${query}#p-${partner}`, 303);
  });

  app.post("/manage/cycles/:cycle/tracking/remind", async (c) => {
    const { cycle } = params(c);
    const tally = await remindAllLate(
      db(c),
      c.get("actor"),
      { cycleSlug: cycle, baseUrl: publicBase(c) },
      reminderMail(),
    );
    const query = new URLSearchParams({
      queued: String(tally.queued),
      already: String(tally.already),
      noAddress: String(tally.noAddress),
    });
    return c.redirect(`${trackingPath(cycle)}?${query}`, 303);
  });

  // The link is shown once, on this response: it is not stored, so the page must not be cached.
  app.post("/manage/cycles/:cycle/tracking/partners/:partner/whatsapp", async (c) => {
    const { cycle, partner } = params(c);
    const link = await whatsappLink(db(c), c.get("actor"), {
      cycleSlug: cycle,
      partnerSlug: partner,
      baseUrl: publicBase(c),
    });
    c.header("Cache-Control", "no-store");
    return c.html(whatsappPage(viewOf(c), link));
  });

  app.get("/manage/outbox", async (c) => {
    const mailer = c.get("deps").mailer !== undefined;
    const o = await outboxView(db(c), c.get("actor"), { mailer });
    const sent = sentNotice.safeParse(c.req.query());
    return c.html(outboxPage(viewOf(c, { form: true }), o, sent.success ? sent.data : undefined));
  });

  app.post("/manage/outbox/send", async (c) => {
    const report = await sendOutboxNow(db(c), c.get("actor"), c.get("deps").mailer);
    const query = new URLSearchParams({ sent: String(report.sent), failed: String(report.failed) });
    return c.redirect(`/manage/outbox?${query}`, 303);
  });

  return app;
}
