// The coordinator's workspace: cycles, creation from a previous cycle, mapping, collection
// opening and closing, publication, invitations.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { type Actor, can } from "../../domain/shared/policy.ts";
import { isProblem } from "../../domain/shared/problem.ts";
import { formatDate, type MessageKey } from "../../i18n/index.ts";
import { extendCollection } from "../../services/tracker/collection.ts";
import {
  changeDeadline,
  closeCollection,
  createCycle,
  openCollection,
  publishCycle,
  reopenCollection,
  reopenCycle,
  setMapping,
  workspaceCycles,
} from "../../services/tracker/cycles.ts";
import { createInvitation, revokePartnerLinks } from "../../services/tracker/invitations.ts";
import { cycleOverview, mappingGrid, partnerPanel } from "../../services/tracker/workspace.ts";
import { COPY_JS, COPY_JS_PATH } from "../../web/client.ts";
import { type FieldErrors, problemMessages } from "../../web/shared/forms.ts";
import type { View } from "../../web/shared/view.ts";
import {
  cyclesPage,
  mappingPage,
  overviewPage,
  partnerPanelPage,
} from "../../web/tracker/pages/workspace.ts";
import type { AppEnv } from "../shared/env.ts";
import { publicBase, viewOf } from "../shared/view.ts";

// A form field: what was typed, trimmed; lengths are the service's to judge (with a message
// beside the field), so an over-long value is never a bare 400 or a 500.
// Missing fields and files read as "".
const text = z.string().trim().catch("");

const newCycleForm = z.object({
  slug: text,
  label: text,
  labelEn: text,
  periodStart: text,
  periodEnd: text,
  fromSlug: text,
});

/** The words for a refused field of the workspace's forms, where the general ones say too little. */
const MESSAGES: Record<string, MessageKey> = {
  "slug.required": "ws.error.slug.required",
  "slug.invalid": "ws.error.slug.invalid",
  "slug.taken": "ws.error.slug.taken",
  "label.required": "ws.error.label.required",
  "periodStart.required": "ws.error.periodStart.required",
  "periodStart.invalid": "ws.error.date.invalid",
  "periodEnd.required": "ws.error.periodEnd.required",
  "periodEnd.invalid": "ws.error.date.invalid",
  "periodEnd.before_start": "ws.error.periodEnd.before_start",
  "fromSlug.invalid": "ws.error.fromSlug.invalid",
  "deadline.required": "ws.error.deadline.required",
  "deadline.invalid": "ws.error.date.invalid",
  "deadline.past": "ws.error.deadline.past",
  "reason.invalid": "ws.error.reason",
  "email.invalid": "form.invalidEmail",
  "confirm.invalid": "ws.error.confirm",
  "until.invalid": "ext.error.until",
};

/** A form problem becomes errors beside their fields; anything else goes to the error handler. */
function fieldError(view: View, error: unknown): FieldErrors {
  if (!isProblem(error) || error.code !== "invalid_input") throw error;
  return problemMessages(view, error, MESSAGES);
}

const cycleParam = (c: Context<AppEnv>) => c.req.param("cycle") ?? "";

/** Which other parts' pages the workspace links to, for this account. */
function otherParts(actor: Actor) {
  return {
    canImportHealth: can(actor, "health.write"),
    canSeeProgrammes: can(actor, "programme.read"),
    canBackup: can(actor, "user.manage"),
  };
}

export function workspaceRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const deps = (c: Context<AppEnv>) => c.get("deps");

  app.get(COPY_JS_PATH, (c) => {
    c.header("Cache-Control", "public, max-age=31536000, immutable");
    return c.body(COPY_JS, 200, { "content-type": "text/javascript; charset=utf-8" });
  });

  app.get("/manage", async (c) => {
    const w = await workspaceCycles(deps(c).db, c.get("actor"), c.get("lang"));
    return c.html(cyclesPage(viewOf(c, { form: true }), { ...w, ...otherParts(c.get("actor")) }));
  });

  app.post("/manage/cycles", async (c) => {
    const form = newCycleForm.parse(await c.req.parseBody());
    const view = viewOf(c, { form: true });
    try {
      const created = await createCycle(
        deps(c).db,
        c.get("actor"),
        { ...form, labelEn: form.labelEn || null, fromSlug: form.fromSlug || null },
        c.get("lang"),
      );
      return c.redirect(`/manage/cycles/${created.slug}/mapping`, 303);
    } catch (error) {
      const errors = fieldError(view, error);
      const w = await workspaceCycles(deps(c).db, c.get("actor"), c.get("lang"));
      return c.html(cyclesPage(view, { ...w, ...otherParts(c.get("actor")) }, form, errors), 400);
    }
  });

  app.get("/manage/cycles/:cycle", async (c) => {
    const o = await cycleOverview(deps(c).db, c.get("actor"), cycleParam(c), c.get("lang"));
    const view = viewOf(c, { form: true });
    // After a change the redirect says so (post/redirect/get).
    const changed = c.req.query("changed") === "deadline" && o.cycle.deadline;
    const published = c.req.query("done") === "published" && o.cycle.state === "published";
    const notice = changed
      ? view.t("ws.deadline.changed", { date: formatDate(view.lang, changed) })
      : published
        ? view.t("ws.published")
        : undefined;
    return c.html(overviewPage(view, o, { notice }));
  });

  // Each state change is a small form; on a bad value the overview comes back with the error.
  const transition = (
    path: string,
    run: (c: Context<AppEnv>, form: Record<string, string>) => Promise<unknown>,
    done = "",
  ) =>
    app.post(`/manage/cycles/:cycle/${path}`, async (c) => {
      const raw = await c.req.parseBody();
      const form = Object.fromEntries(
        Object.entries(raw).map(([k, v]) => [k, typeof v === "string" ? v.trim() : ""]),
      );
      const view = viewOf(c, { form: true });
      try {
        await run(c, form);
      } catch (error) {
        const errors = fieldError(view, error);
        const o = await cycleOverview(deps(c).db, c.get("actor"), cycleParam(c), c.get("lang"));
        return c.html(
          overviewPage(view, o, { errors, deadline: form.deadline, reason: form.reason }),
          400,
        );
      }
      return c.redirect(`/manage/cycles/${encodeURIComponent(cycleParam(c))}${done}`, 303);
    });

  transition("open", (c, f) =>
    openCollection(deps(c).db, c.get("actor"), cycleParam(c), f.deadline ?? "", c.get("lang")),
  );
  transition(
    "deadline",
    (c, f) =>
      changeDeadline(deps(c).db, c.get("actor"), cycleParam(c), f.deadline ?? "", c.get("lang")),
    "?changed=deadline",
  );
  transition("close", (c) =>
    closeCollection(deps(c).db, c.get("actor"), cycleParam(c), c.get("lang")),
  );
  // Publishing freezes the cycle and shows it to everyone: the form's box must be ticked.
  transition(
    "publish",
    (c, f) =>
      publishCycle(deps(c).db, c.get("actor"), cycleParam(c), c.get("lang"), {
        confirmed: f.confirm === "1",
      }),
    "?done=published",
  );
  transition("reopen-collection", (c, f) =>
    reopenCollection(deps(c).db, c.get("actor"), cycleParam(c), f.reason ?? "", c.get("lang")),
  );
  transition("reopen", (c, f) =>
    reopenCycle(deps(c).db, c.get("actor"), cycleParam(c), f.reason ?? "", c.get("lang")),
  );

  app.get("/manage/cycles/:cycle/mapping", async (c) => {
    const grid = await mappingGrid(deps(c).db, c.get("actor"), cycleParam(c), c.get("lang"));
    return c.html(mappingPage(viewOf(c, { form: true }), grid));
  });

  app.post("/manage/cycles/:cycle/mapping", async (c) => {
    const body = await c.req.parseBody({ all: true });
    const values = ([] as unknown[]).concat(body.m ?? []);
    const pairs = values.flatMap((v) => {
      const match = typeof v === "string" ? /^(\d+):(\d+)$/.exec(v) : null;
      return match ? [{ partnerId: Number(match[1]), indicatorId: Number(match[2]) }] : [];
    });
    const result = await setMapping(
      deps(c).db,
      c.get("actor"),
      cycleParam(c),
      pairs,
      c.get("lang"),
    );
    const view = viewOf(c, { form: true });
    const grid = await mappingGrid(deps(c).db, c.get("actor"), cycleParam(c), c.get("lang"));
    return c.html(mappingPage(view, grid, view.t("ws.mapping.saved", result)));
  });

  app.get("/manage/cycles/:cycle/partners/:partner", async (c) => {
    const p = await partnerPanel(
      deps(c).db,
      c.get("actor"),
      cycleParam(c),
      c.req.param("partner"),
      c.get("lang"),
    );
    return c.html(partnerPanelPage(viewOf(c, { form: true }), p));
  });

  app.post("/manage/cycles/:cycle/partners/:partner/invite", async (c) => {
    const form = z.object({ email: text }).parse(await c.req.parseBody());
    const view = viewOf(c, { form: true });
    const partnerSlug = c.req.param("partner");
    const { t, lang } = view;
    try {
      const created = await createInvitation(
        deps(c).db,
        c.get("actor"),
        {
          cycleSlug: cycleParam(c),
          partnerSlug,
          email: form.email || null,
          baseUrl: publicBase(c),
        },
        (m) => {
          const deadline = m.deadline ? formatDate(lang, m.deadline) : t("ws.noDeadline");
          return {
            subject: t("ws.mail.inviteSubject", { partner: m.partner, cycle: m.cycle }),
            body: t("ws.mail.inviteBody", {
              partner: m.partner,
              cycle: m.cycle,
              deadline,
              url: m.url,
            }),
          };
        },
        c.get("lang"),
      );
      const p = await partnerPanel(deps(c).db, c.get("actor"), cycleParam(c), partnerSlug, lang);
      const deadline = p.cycle.deadline ? formatDate("fr", p.cycle.deadline) : "";
      // The WhatsApp text is French: that is the language partners read in the field.
      const message = viewOf(c).t("ws.whatsapp.text", {
        partner: created.partnerName,
        cycle: p.cycle.label,
        deadline,
        url: created.url,
      });
      c.header("Cache-Control", "no-store");
      return c.html(
        partnerPanelPage(view, p, {
          created: {
            url: created.url,
            emailed: created.emailed,
            whatsapp: `https://wa.me/?text=${encodeURIComponent(message)}`,
          },
        }),
      );
    } catch (error) {
      const errors = fieldError(view, error);
      const p = await partnerPanel(deps(c).db, c.get("actor"), cycleParam(c), partnerSlug, lang);
      return c.html(partnerPanelPage(view, p, { errors, email: form.email }), 400);
    }
  });

  app.post("/manage/cycles/:cycle/partners/:partner/extend", async (c) => {
    const form = z.object({ until: text }).parse(await c.req.parseBody());
    const view = viewOf(c, { form: true });
    const partnerSlug = c.req.param("partner");
    const { lang } = view;
    try {
      const done = await extendCollection(
        deps(c).db,
        c.get("actor"),
        { cycleSlug: cycleParam(c), partnerSlug, until: form.until },
        lang,
      );
      const p = await partnerPanel(deps(c).db, c.get("actor"), cycleParam(c), partnerSlug, lang);
      const notice = view.t("ext.saved", {
        partner: done.partner,
        date: formatDate(lang, done.until),
      });
      return c.html(partnerPanelPage(view, p, { notice }));
    } catch (error) {
      const errors = fieldError(view, error);
      const p = await partnerPanel(deps(c).db, c.get("actor"), cycleParam(c), partnerSlug, lang);
      return c.html(partnerPanelPage(view, p, { errors, until: form.until }), 400);
    }
  });

  app.post("/manage/cycles/:cycle/partners/:partner/revoke", async (c) => {
    const partnerSlug = c.req.param("partner");
    const count = await revokePartnerLinks(
      deps(c).db,
      c.get("actor"),
      cycleParam(c),
      partnerSlug,
      c.get("lang"),
    );
    const view = viewOf(c, { form: true });
    const p = await partnerPanel(
      deps(c).db,
      c.get("actor"),
      cycleParam(c),
      partnerSlug,
      c.get("lang"),
    );
    return c.html(partnerPanelPage(view, p, { notice: view.t("ws.invite.revoked", { count }) }));
  });

  return app;
}
