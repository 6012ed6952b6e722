// Workspace routes for the commitments' verdicts at validation and the follow-up of the
// previous cycle's recommendations. A form with errors comes back (400) with what was typed.

import { type Context, Hono } from "hono";
import { z } from "zod";
import { fieldReasons, isProblem } from "../../domain/shared/problem.ts";
import type { MessageKey } from "../../i18n/index.ts";
import {
  followUpRecommendation,
  getVerdicts,
  recordVerdict,
} from "../../services/tracker/verdicts.ts";
import { type FieldErrors, problemMessages } from "../../web/shared/forms.ts";
import {
  type VerdictsPageState,
  verdictsBase,
  verdictsPage,
} from "../../web/tracker/pages/verdicts.ts";
import type { AppEnv } from "../shared/env.ts";
import { parseOr404, slugParam } from "../shared/params.ts";
import { viewOf } from "../shared/view.ts";

const number = z.coerce.number().int().positive().max(99);
const id = z.coerce.number().int().positive().max(2_147_483_647);
const saved = z.string().regex(/^(c-\d{1,2}|r-\d{1,10})$/);
const one = (v: unknown): string => (typeof v === "string" ? v : "");

/** A refused field becomes an error beside it; any other problem goes to the error handler. */
function fieldErrors(
  c: Context<AppEnv>,
  error: unknown,
  own: Record<string, MessageKey>,
): FieldErrors {
  if (!isProblem(error) || error.code !== "invalid_input") throw error;
  const reasons = fieldReasons(error);
  const specific: Record<string, MessageKey> = {};
  for (const [field, reason] of Object.entries(reasons)) {
    const key = own[field];
    if (reason !== "too_long" && key) specific[`${field}.${reason}`] = key;
  }
  return problemMessages(viewOf(c), error, specific);
}

export function verdictRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const path = "/manage/cycles/:cycle/validation/verdicts";

  async function render(
    c: Context<AppEnv>,
    cycle: string,
    state: VerdictsPageState,
    status: 200 | 400 = 200,
  ) {
    const data = await getVerdicts(c.get("deps").db, c.get("actor"), cycle, c.get("lang"));
    return c.html(verdictsPage(viewOf(c, { form: true }), data, state), status);
  }

  app.get(path, async (c) => {
    const cycle = parseOr404(slugParam, c.req.param("cycle"), "cycle");
    const done = saved.safeParse(c.req.query("saved"));
    return render(c, cycle, done.success ? { saved: done.data } : {});
  });

  app.post(`${path}/commitments/:number`, async (c) => {
    const cycle = parseOr404(slugParam, c.req.param("cycle"), "cycle");
    const n = parseOr404(number, c.req.param("number"), "commitment");
    const body = await c.req.parseBody();
    const values = {
      status: one(body.status),
      reason: one(body.reason),
      reasonEn: one(body.reason_en),
    };
    try {
      await recordVerdict(
        c.get("deps").db,
        c.get("actor"),
        cycle,
        { commitmentNumber: n, ...values },
        c.get("lang"),
      );
      return c.redirect(`${verdictsBase(cycle)}?saved=c-${n}#c-${n}`, 303);
    } catch (error) {
      const errors = fieldErrors(c, error, {
        reason: "verdicts.error.reason",
        status: "verdicts.error.status",
      });
      return render(c, cycle, { commitment: { number: n, values, errors } }, 400);
    }
  });

  app.post(`${path}/recommendations/:id`, async (c) => {
    const cycle = parseOr404(slugParam, c.req.param("cycle"), "cycle");
    const r = parseOr404(id, c.req.param("id"), "recommendation");
    const body = await c.req.parseBody();
    const values = {
      followUp: one(body.follow_up),
      note: one(body.note),
      noteEn: one(body.note_en),
    };
    try {
      await followUpRecommendation(
        c.get("deps").db,
        c.get("actor"),
        cycle,
        { recommendationId: r, ...values },
        c.get("lang"),
      );
      return c.redirect(`${verdictsBase(cycle)}?saved=r-${r}#r-${r}`, 303);
    } catch (error) {
      const errors = fieldErrors(c, error, { followUp: "verdicts.error.followUp" });
      return render(c, cycle, { followUp: { id: r, values, errors } }, 400);
    }
  });

  return app;
}
