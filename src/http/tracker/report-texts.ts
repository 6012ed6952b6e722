// The report texts editor over HTTP (coordinators, "cycle.setup"): GET shows the form, POST saves
// every text at once or, when one is refused, shows the form again with what was typed.
import { type Context, Hono } from "hono";
import { CYCLE_TEXT_KINDS } from "../../domain/tracker/report-text.ts";
import {
  reportTextsForm,
  saveReportTexts,
  type TextInput,
} from "../../services/tracker/report-texts.ts";
import { reportTextsPage } from "../../web/tracker/pages/report-texts.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";

const cycleParam = (c: Context<AppEnv>) => c.req.param("cycle") ?? "";

export function reportTextsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/manage/cycles/:cycle/report-texts", async (c) => {
    const { cycle, texts } = await reportTextsForm(
      c.get("deps").db,
      c.get("actor"),
      cycleParam(c),
      c.get("lang"),
    );
    return c.html(reportTextsPage(viewOf(c, { form: true }), cycle, texts));
  });

  app.post("/manage/cycles/:cycle/report-texts", async (c) => {
    const body = await c.req.parseBody();
    const read = (name: string) => {
      const v = body[name];
      return typeof v === "string" ? v.replace(/\r\n/g, "\n") : "";
    };
    // A kind whose fields were not sent at all is left alone; sent empty, it is removed.
    const typed: TextInput[] = CYCLE_TEXT_KINDS.filter(
      (kind) => `${kind}.text` in body || `${kind}.text_en` in body,
    ).map((kind) => ({ kind, text: read(`${kind}.text`), textEn: read(`${kind}.text_en`) }));
    const { db } = c.get("deps");
    const actor = c.get("actor");
    const lang = c.get("lang");
    const result = await saveReportTexts(db, actor, cycleParam(c), typed, lang);
    const view = viewOf(c, { form: true });
    const { cycle, texts } = await reportTextsForm(db, actor, cycleParam(c), lang);
    if (!result.ok)
      return c.html(reportTextsPage(view, cycle, texts, { typed, refusals: result.refusals }), 400);
    return c.html(
      reportTextsPage(view, cycle, texts, {
        notice: view.t("texts.saved", { count: result.saved, removed: result.removed }),
      }),
    );
  });

  return app;
}
