// The programme pages over HTTP: the programmes and the form adding one (GET/POST /programme,
// programme.read to see, programme.write to add), and the midwife register with its filters
// and counts per region at a day (GET /programme/midwives). A refused form comes back with
// what was typed and each reason beside its field (400).
import { Hono } from "hono";
import { z } from "zod";
import { nameList } from "../../domain/programme/programme.ts";
import { parseDecimal } from "../../domain/shared/decimal.ts";
import { parseId } from "../../domain/shared/input.ts";
import { isProblem } from "../../domain/shared/problem.ts";
import { programmeListPage } from "../../services/programme/programme-pages.ts";
import { saveProgramme } from "../../services/programme/programmes.ts";
import { registerPage } from "../../services/programme/register-page.ts";
import {
  PROGRAMME_FIELD_MESSAGES,
  type ProgrammeForm,
  programmesPage,
} from "../../web/programme/pages/programmes.ts";
import { registerPageHtml } from "../../web/programme/pages/register.ts";
import { problemMessages } from "../../web/shared/forms.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";

const text = z.string().max(10_000).catch("");
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

export function programmeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/programme", async (c) => {
    const data = await programmeListPage(c.get("deps").db, c.get("actor"));
    const notice = c.req.query("created");
    return c.html(
      programmesPage(
        viewOf(c, { form: true }),
        data,
        notice ? { notice: viewOf(c).t("prog.created", { name: notice.slice(0, 200) }) } : {},
      ),
    );
  });

  app.post("/programme", async (c) => {
    const values: ProgrammeForm = programmeForm.parse(await c.req.parseBody({ all: true }));
    const budgetText = values.budget.trim();
    // A negative budget is read as typed, so that it is told "more than zero" beside its field.
    const parsed = parseDecimal(budgetText, { allowNegative: true });
    // Text that is no number goes on as NaN: the service refuses it beside its field.
    const budget = budgetText === "" ? null : parsed.ok ? parsed.value : Number.NaN;
    try {
      const saved = await saveProgramme(c.get("deps").db, c.get("actor"), {
        name: values.name,
        leadPartner: values.leadPartner,
        funders: nameList(values.funders),
        partners: nameList(values.partners),
        startDate: values.startDate.trim(),
        endDate: values.endDate.trim() === "" ? null : values.endDate.trim(),
        budget,
        currency: values.currency,
        regions: values.regions.flatMap((r) => {
          const id = parseId(r);
          return id === null ? [] : [id];
        }),
        commitments: [],
        indicators: [],
      });
      return c.redirect(`/programme?created=${encodeURIComponent(saved.name)}`, 303);
    } catch (error) {
      if (!isProblem(error) || error.code !== "invalid_input") throw error;
      const view = viewOf(c, { form: true });
      const data = await programmeListPage(c.get("deps").db, c.get("actor"));
      const errors = problemMessages(view, error, PROGRAMME_FIELD_MESSAGES);
      return c.html(programmesPage(view, data, { values, errors }), 400);
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
