// A midwife's pages over HTTP: the form adding one (GET /programme/midwives/new, POST
// /programme/midwives), her page (GET /programme/midwives/:id), and the forms it sends: deploy
// her, end her deployment, record a training. A refused form comes back on her page with what
// was typed and each reason beside its field (400).
import { type Context, Hono } from "hono";
import { z } from "zod";
import { nameList } from "../../domain/programme/programme.ts";
import { parseId } from "../../domain/shared/input.ts";
import { isProblem, notFound, type Problem } from "../../domain/shared/problem.ts";
import {
  deployFromForm,
  endFromForm,
  mayRegister,
  midwifeOfDeployment,
  midwifePage,
} from "../../services/programme/midwife-pages.ts";
import { recordTraining, saveMidwife } from "../../services/programme/midwives.ts";
import {
  EMPTY_MIDWIFE_FORM,
  MIDWIFE_FIELD_MESSAGES,
  type MidwifeForms,
  midwifePageHtml,
  newMidwifePage,
} from "../../web/programme/pages/midwife.ts";
import { problemMessages } from "../../web/shared/forms.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";

const text = z.string().max(2_000).catch("");
const midwifeForm = z.object({
  name: text,
  qualification: text,
  languages: text,
  phone: text,
  email: text,
});
const deployForm = z.object({
  programme: text,
  facility: text,
  startDate: text,
  endDate: text,
  endReason: text,
});
const endForm = z.object({ endDate: text, endReason: text });
const trainingForm = z.object({ topic: text, date: text, provider: text });

const idOf = (c: Context<AppEnv>, subject: string) => {
  const id = parseId(c.req.param("id"));
  if (id === null) throw notFound(subject, c.req.param("id") ?? "");
  return id;
};

const NOTICES = {
  created: "mw.created",
  deployed: "mw.deployed",
  ended: "mw.ended",
  trained: "mw.trained.saved",
} as const;

/** Only a refused form comes back on the page; any other problem goes on to the error map. */
function refusal(error: unknown): Problem {
  if (isProblem(error) && error.code === "invalid_input") return error;
  throw error;
}

export function midwifeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  const showRefused = async (
    c: Context<AppEnv>,
    id: number,
    refused: NonNullable<MidwifeForms["refused"]>["form"],
    values: Record<string, string>,
    problem: Problem,
  ) => {
    const view = viewOf(c, { form: true });
    const data = await midwifePage(c.get("deps").db, c.get("actor"), id);
    const errors = problemMessages(view, problem, MIDWIFE_FIELD_MESSAGES);
    return c.html(midwifePageHtml(view, data, { refused: { form: refused, values, errors } }), 400);
  };

  app.get("/programme/midwives/new", (c) => {
    mayRegister(c.get("actor"));
    return c.html(newMidwifePage(viewOf(c, { form: true }), EMPTY_MIDWIFE_FORM));
  });

  app.post("/programme/midwives", async (c) => {
    const values = midwifeForm.parse(await c.req.parseBody());
    try {
      const saved = await saveMidwife(c.get("deps").db, c.get("actor"), {
        ...values,
        languages: nameList(values.languages),
      });
      return c.redirect(`/programme/midwives/${saved.id}?done=created`, 303);
    } catch (error) {
      const problem = refusal(error);
      const view = viewOf(c, { form: true });
      return c.html(
        newMidwifePage(view, values, problemMessages(view, problem, MIDWIFE_FIELD_MESSAGES)),
        400,
      );
    }
  });

  app.get("/programme/midwives/:id{[0-9]+}", async (c) => {
    const data = await midwifePage(c.get("deps").db, c.get("actor"), idOf(c, "midwife"));
    const done = c.req.query("done");
    const notice = done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : undefined;
    return c.html(midwifePageHtml(viewOf(c, { form: true }), data, { notice }));
  });

  app.post("/programme/midwives/:id{[0-9]+}/deployments", async (c) => {
    const id = idOf(c, "midwife");
    const values = deployForm.parse(await c.req.parseBody());
    try {
      await deployFromForm(c.get("deps").db, c.get("actor"), id, values);
      return c.redirect(`/programme/midwives/${id}?done=deployed`, 303);
    } catch (error) {
      return showRefused(c, id, "deploy", values, refusal(error));
    }
  });

  app.post("/programme/deployments/:id{[0-9]+}/end", async (c) => {
    const id = idOf(c, "deployment");
    const values = endForm.parse(await c.req.parseBody());
    try {
      const ended = await endFromForm(c.get("deps").db, c.get("actor"), id, values);
      return c.redirect(`/programme/midwives/${ended.midwifeId}?done=ended`, 303);
    } catch (error) {
      const problem = refusal(error);
      const midwifeId = await midwifeOfDeployment(c.get("deps").db, c.get("actor"), id);
      return showRefused(c, midwifeId, "end", values, problem);
    }
  });

  app.post("/programme/midwives/:id{[0-9]+}/trainings", async (c) => {
    const id = idOf(c, "midwife");
    const values = trainingForm.parse(await c.req.parseBody());
    try {
      await recordTraining(c.get("deps").db, c.get("actor"), { midwifeId: id, ...values });
      return c.redirect(`/programme/midwives/${id}?done=trained`, 303);
    } catch (error) {
      return showRefused(c, id, "training", values, refusal(error));
    }
  });

  return app;
}
