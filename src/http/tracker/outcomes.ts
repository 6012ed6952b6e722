// The coordinator's outcome goals over HTTP ("cycle.setup"): the page, a goal saved, a series
// created, a series file imported (multipart, under the ordinary body limit: a series file is
// small). A success redirects or shows the import's counts; a refusal shows the form again
// with what was typed.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { isSeriesFormat } from "../../domain/tracker/outcome.ts";
import {
  createSeries,
  getOutcomeSetup,
  importSeries,
  saveOutcomeGoal,
} from "../../services/tracker/outcome-setup.ts";
import { type OutcomesState, outcomesPage } from "../../web/tracker/pages/outcomes.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";

const text = z.string().catch("");
const goalForm = z.object({
  // A number out of range is no commitment: the service refuses it once it has authorised.
  commitment: z.coerce.number().int().positive().max(999).catch(0),
  goal: z
    .string()
    .regex(/^\d{0,9}$/)
    .catch(""),
  label: text,
  label_en: text,
  unit: text,
  baseline_year: text,
  baseline_value: text,
  baseline_source: text,
  target_year: text,
  target_value: text,
  direction: text,
  series: text,
});
const seriesForm = z.object({
  code: text,
  name: text,
  name_en: text,
  unit: text,
  source_kind: text,
  indicator: text,
  org_unit: text,
});
const importForm = z.object({
  series: text,
  format: text,
  source: text,
  url: text,
  indicator: text,
  group: text,
});
const notices = z.object({
  saved: z.literal("1").optional(),
  created: z.literal("1").optional(),
});

async function show(c: Context<AppEnv>, state: OutcomesState, status: 200 | 400 = 200) {
  const setup = await getOutcomeSetup(c.get("deps").db, c.get("actor"), c.get("lang"));
  return c.html(outcomesPage(viewOf(c, { form: true }), setup, state), status);
}

export function outcomesRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/manage/outcomes", async (c) => {
    const q = notices.safeParse(c.req.query());
    const view = viewOf(c);
    const notice = !q.success
      ? undefined
      : q.data.saved
        ? view.t("oc.goal.saved")
        : q.data.created
          ? view.t("oc.series.created")
          : undefined;
    return show(c, notice ? { notice } : {});
  });

  app.post("/manage/outcomes/goals", async (c) => {
    const form = goalForm.parse(await c.req.parseBody());
    const typed = {
      label: form.label,
      labelEn: form.label_en,
      unit: form.unit,
      baselineYear: form.baseline_year,
      baselineValue: form.baseline_value,
      baselineSource: form.baseline_source,
      targetYear: form.target_year,
      targetValue: form.target_value,
      direction: form.direction,
      series: form.series,
    };
    const goalId = form.goal === "" ? null : Number(form.goal);
    const result = await saveOutcomeGoal(
      c.get("deps").db,
      c.get("actor"),
      form.commitment,
      goalId,
      typed,
      c.get("lang"),
    );
    if (!result.ok)
      return show(
        c,
        { goal: { key: `${form.commitment}:${goalId ?? "new"}`, typed, errors: result.errors } },
        400,
      );
    return c.redirect(`/manage/outcomes?saved=1#commitment-${form.commitment}`, 303);
  });

  app.post("/manage/outcomes/series", async (c) => {
    const form = seriesForm.parse(await c.req.parseBody());
    const typed = {
      code: form.code,
      name: form.name,
      nameEn: form.name_en,
      unit: form.unit,
      sourceKind: form.source_kind,
      indicator: form.indicator,
      orgUnit: form.org_unit,
    };
    const result = await createSeries(c.get("deps").db, c.get("actor"), typed, c.get("lang"));
    if (!result.ok) return show(c, { series: { typed, errors: result.errors } }, 400);
    return c.redirect("/manage/outcomes?created=1#series", 303);
  });

  app.post("/manage/outcomes/import", async (c) => {
    const body = await c.req.parseBody();
    const form = importForm.parse(body);
    const file = body.file;
    const bytes =
      file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    const format = isSeriesFormat(form.format) ? form.format : "csv";
    const typed = { ...form, format };
    const result = await importSeries(
      c.get("deps").db,
      c.get("actor"),
      { ...form, format, bytes },
      c.get("lang"),
    );
    if (!result.ok)
      return show(
        c,
        {
          import: {
            typed,
            errors: result.errors,
            ...(result.columns ? { columns: result.columns } : {}),
          },
        },
        400,
      );
    return show(c, { import: { typed, result } });
  });

  return app;
}
