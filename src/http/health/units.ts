// The organisation-unit pages over HTTP (health.write): the tree (GET /health/units, by level or
// search), the form adding a unit (GET/POST /health/units/new, /health/units), one unit with the
// form that edits, moves or closes it (GET/POST /health/units/:id). A refused form comes back
// with what was typed and each reason beside its field (400).
import { type Context, Hono } from "hono";
import { z } from "zod";
import { parseId } from "../../domain/shared/input.ts";
import { isProblem, notFound } from "../../domain/shared/problem.ts";
import {
  createUnit,
  newUnitFields,
  treePage,
  type UnitFields,
  unitView,
  updateUnit,
} from "../../services/health/org-units.ts";
import {
  newUnitPage,
  treePage as treeHtml,
  UNIT_FIELD_MESSAGES,
  unitPage,
} from "../../web/health/pages/units.ts";
import { problemMessages } from "../../web/shared/forms.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";

const text = z.string().catch("");
const unitForm = z.object({
  code: text,
  name: text,
  shortName: text,
  uid: text,
  parent: text,
  openingDate: text,
  closedDate: text,
});

const fieldsFrom = async (c: Context<AppEnv>): Promise<UnitFields> =>
  unitForm.parse(await c.req.parseBody());

const idOf = (c: Context<AppEnv>) => {
  const id = parseId(c.req.param("id"));
  if (id === null) throw notFound("org_unit", c.req.param("id") ?? "");
  return id;
};

const NOTICES = { saved: "hou.saved", moved: "hou.movedNotice", created: "hou.created" } as const;

export function healthUnitRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/health/units", async (c) => {
    const level = parseId(c.req.query("level") ?? "");
    const data = await treePage(c.get("deps").db, c.get("actor"), {
      level: level !== null && level <= 20 ? level : null,
      search: c.req.query("q") ?? "",
    });
    return c.html(treeHtml(viewOf(c), data));
  });

  app.get("/health/units/new", async (c) => {
    const empty = newUnitFields(c.get("actor"), (c.req.query("parent") ?? "").slice(0, 100));
    return c.html(newUnitPage(viewOf(c, { form: true }), empty));
  });

  app.post("/health/units", async (c) => {
    const fields = await fieldsFrom(c);
    try {
      const id = await createUnit(c.get("deps").db, c.get("actor"), fields);
      return c.redirect(`/health/units/${id}?done=created`, 303);
    } catch (error) {
      if (!isProblem(error) || error.code !== "invalid_input") throw error;
      const view = viewOf(c, { form: true });
      const errors = problemMessages(view, error, UNIT_FIELD_MESSAGES);
      return c.html(newUnitPage(view, fields, errors), 400);
    }
  });

  app.get("/health/units/:id{[0-9]+}", async (c) => {
    const data = await unitView(c.get("deps").db, c.get("actor"), idOf(c));
    const done = c.req.query("done");
    const notice = done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : undefined;
    return c.html(unitPage(viewOf(c, { form: true }), data, notice ? { notice } : {}));
  });

  app.post("/health/units/:id{[0-9]+}", async (c) => {
    const id = idOf(c);
    const fields = await fieldsFrom(c);
    try {
      const { moved } = await updateUnit(c.get("deps").db, c.get("actor"), id, fields);
      return c.redirect(`/health/units/${id}?done=${moved ? "moved" : "saved"}`, 303);
    } catch (error) {
      if (!isProblem(error) || error.code !== "invalid_input") throw error;
      const view = viewOf(c, { form: true });
      const data = await unitView(c.get("deps").db, c.get("actor"), id);
      const errors = problemMessages(view, error, UNIT_FIELD_MESSAGES);
      return c.html(unitPage(view, data, { values: fields, errors }), 400);
    }
  });

  return app;
}
