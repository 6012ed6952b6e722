// The programme pages over HTTP: the programmes and the form adding one (GET/POST /programme,
// programme.read to see, programme.write to add), one programme and its edit (GET/POST
// /programme/:id), and the midwife register with its filters
// and counts per region at a day (GET /programme/midwives). A refused form comes back with
// what was typed and each reason beside its field (400).
import { type Context, Hono } from "hono";
import { z } from "zod";
import { nameList } from "../../domain/programme/programme.ts";
import { parseDecimal } from "../../domain/shared/decimal.ts";
import { parseId } from "../../domain/shared/input.ts";
import { isProblem, notFound } from "../../domain/shared/problem.ts";
import {
  editProgrammeFields,
  programmeDetailPage,
  programmeListPage,
  setProgrammeLinks,
} from "../../services/programme/programme-pages.ts";
import { saveProgramme } from "../../services/programme/programmes.ts";
import { setProgrammePublished } from "../../services/programme/publication.ts";
import { registerPage } from "../../services/programme/register-page.ts";
import { setIndicatorTarget } from "../../services/programme/targets.ts";
import { programmePage } from "../../web/programme/pages/programme.ts";
import {
  PROGRAMME_FIELD_MESSAGES,
  type ProgrammeForm,
  programmesPage,
} from "../../web/programme/pages/programmes.ts";
import { registerPageHtml } from "../../web/programme/pages/register.ts";
import { TARGET_FIELD_MESSAGES } from "../../web/programme/pages/targets.ts";
import { problemMessages } from "../../web/shared/forms.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";

const text = z.string().max(10_000).catch("");
const idOf = (c: Context<AppEnv>) => {
  const id = parseId(c.req.param("id"));
  if (id === null) throw notFound("programme", c.req.param("id") ?? "");
  return id;
};

const programmeForm = z.object({
  name: text,
  leadPartner: text,
  funders: text,
  partners: text,
  startDate: text,
  endDate: text,
  budget: text,
  currency: text,
  regions: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .catch([]),
});

/** The form's values as the service takes them; a budget that is no number goes on as NaN. */
function inputOf(values: ProgrammeForm) {
  const budgetText = values.budget.trim();
  // A negative budget is read as typed, so that it is told "more than zero" beside its field.
  const parsed = parseDecimal(budgetText, { allowNegative: true });
  return {
    name: values.name,
    leadPartner: values.leadPartner,
    funders: nameList(values.funders),
    partners: nameList(values.partners),
    startDate: values.startDate.trim(),
    endDate: values.endDate.trim() === "" ? null : values.endDate.trim(),
    budget: budgetText === "" ? null : parsed.ok ? parsed.value : Number.NaN,
    currency: values.currency,
    regions: values.regions.flatMap((r) => {
      const id = parseId(r);
      return id === null ? [] : [id];
    }),
  };
}

const targetFormSchema = z.object({
  indicator: text,
  unit: text,
  period: text,
  value: text,
});

const refusedForm = (error: unknown) => {
  if (isProblem(error) && error.code === "invalid_input") return error;
  throw error;
};

export function programmeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/programme", async (c) => {
    const data = await programmeListPage(c.get("deps").db, c.get("actor"));
    return c.html(programmesPage(viewOf(c, { form: true }), data));
  });

  app.post("/programme", async (c) => {
    const values: ProgrammeForm = programmeForm.parse(await c.req.parseBody({ all: true }));
    try {
      const saved = await saveProgramme(c.get("deps").db, c.get("actor"), {
        ...inputOf(values),
        commitments: [],
        indicators: [],
      });
      return c.redirect(`/programme/${saved.id}?done=saved`, 303);
    } catch (error) {
      const problem = refusedForm(error);
      const view = viewOf(c, { form: true });
      const data = await programmeListPage(c.get("deps").db, c.get("actor"));
      const errors = problemMessages(view, problem, PROGRAMME_FIELD_MESSAGES);
      return c.html(programmesPage(view, data, { values, errors }), 400);
    }
  });

  app.get("/programme/:id{[0-9]+}", async (c) => {
    const id = idOf(c);
    const data = await programmeDetailPage(c.get("deps").db, c.get("actor"), id, c.get("lang"));
    const done = c.req.query("done");
    return c.html(
      programmePage(viewOf(c, { form: true }), data, {
        saved: done === "saved",
        targetSaved: done === "target",
        published: done === "published" ? true : done === "unpublished" ? false : undefined,
      }),
    );
  });

  app.post("/programme/:id{[0-9]+}", async (c) => {
    const id = idOf(c);
    const values: ProgrammeForm = programmeForm.parse(await c.req.parseBody({ all: true }));
    try {
      await editProgrammeFields(c.get("deps").db, c.get("actor"), id, inputOf(values));
      return c.redirect(`/programme/${id}?done=saved`, 303);
    } catch (error) {
      const problem = refusedForm(error);
      const view = viewOf(c, { form: true });
      const data = await programmeDetailPage(c.get("deps").db, c.get("actor"), id, c.get("lang"));
      const errors = problemMessages(view, problem, PROGRAMME_FIELD_MESSAGES);
      return c.html(programmePage(view, data, { values, errors }), 400);
    }
  });

  app.post("/programme/:id{[0-9]+}/publication", async (c) => {
    const id = idOf(c);
    const { published } = z
      .object({ published: z.enum(["yes", "no"]).catch("no") })
      .parse(await c.req.parseBody());
    await setProgrammePublished(c.get("deps").db, c.get("actor"), id, published === "yes");
    return c.redirect(
      `/programme/${id}?done=${published === "yes" ? "published" : "unpublished"}`,
      303,
    );
  });

  app.post("/programme/:id{[0-9]+}/links", async (c) => {
    const id = idOf(c);
    const body = await c.req.parseBody({ all: true });
    const list = (v: unknown) =>
      (Array.isArray(v) ? v : v === undefined ? [] : [v])
        .filter((x): x is string => typeof x === "string")
        .slice(0, 500);
    await setProgrammeLinks(c.get("deps").db, c.get("actor"), id, {
      serves: list(body.serves),
      indicators: list(body.indicators),
    });
    return c.redirect(`/programme/${id}?done=saved`, 303);
  });

  app.post("/programme/:id{[0-9]+}/targets", async (c) => {
    const id = idOf(c);
    const values = targetFormSchema.parse(await c.req.parseBody());
    try {
      await setIndicatorTarget(c.get("deps").db, c.get("actor"), id, values);
      return c.redirect(`/programme/${id}?done=target#targets`, 303);
    } catch (error) {
      const problem = refusedForm(error);
      const view = viewOf(c, { form: true });
      const data = await programmeDetailPage(c.get("deps").db, c.get("actor"), id, c.get("lang"));
      const errors = problemMessages(view, problem, TARGET_FIELD_MESSAGES);
      return c.html(programmePage(view, data, { target: { values, errors } }), 400);
    }
  });

  app.get("/programme/midwives", async (c) => {
    const q = c.req.query();
    const data = await registerPage(c.get("deps").db, c.get("actor"), {
      date: q.date,
      region: q.region,
      qualification: q.qualification,
      topic: q.topic,
      deployed: q.deployed,
    });
    return c.html(registerPageHtml(viewOf(c), data));
  });

  return app;
}
