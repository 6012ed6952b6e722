// A programme's monitoring missions over HTTP: the list and the form adding one (GET/POST
// /programme/:id/missions), a mission's page and its edit (GET/POST …/missions/:mid), and the
// forms it sends: a visit, a recommendation, a recommendation's follow-up; its report as DOCX
// or PDF (…/report.docx, …/report.pdf). programme.read to see, programme.write to send. A refused form comes back on its page with what was typed and
// each reason beside its field (400).
import { type Context, Hono } from "hono";
import { z } from "zod";
import { parseId } from "../../domain/shared/input.ts";
import { isProblem, notFound, type Problem } from "../../domain/shared/problem.ts";
import { missionListPage, missionPage } from "../../services/programme/mission-pages.ts";
import {
  buildMissionReport,
  isMissionReportFormat,
  MISSION_REPORT_MEDIA_TYPES,
  missionReportFileName,
  recordMissionReportExport,
  renderMissionReport,
} from "../../services/programme/mission-report.ts";
import {
  addRecommendation,
  addVisit,
  type MissionForm,
  recordFollowUp,
  saveMission,
} from "../../services/programme/missions.ts";
import type { Renderer } from "../../services/shared/rendering.ts";
import { type MissionRefusal, missionPageHtml } from "../../web/programme/pages/mission.ts";
import { MISSION_FIELD_MESSAGES, missionsPage } from "../../web/programme/pages/missions.ts";
import { problemMessages } from "../../web/shared/forms.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";

const text = z.string().max(20_000).catch("");
const missionFormSchema = z.object({
  title: text,
  startDate: text,
  endDate: text,
  regions: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).slice(0, 500))
    .catch([]),
  delegation: text,
  objectives: text,
});
const visitFormSchema = z.object({
  facility: text,
  authority: text,
  date: text,
  peopleMet: text,
  findings: text,
  figures: text,
});
const recommendationFormSchema = z.object({
  text,
  ownerName: text,
  ownerEmail: text,
  dueDate: text,
  key: text,
});
const followUpFormSchema = z.object({ status: text, date: text, note: text });

const idParam = (c: Context<AppEnv>, name: string, subject: string) => {
  const id = parseId(c.req.param(name));
  if (id === null) throw notFound(subject, c.req.param(name) ?? "");
  return id;
};

const NOTICES = {
  created: "miss.notice.created",
  saved: "miss.notice.saved",
  visit: "miss.notice.visit",
  recommendation: "miss.notice.recommendation",
  followUp: "miss.notice.followUp",
} as const;

/** Only a refused form comes back on the page; any other problem goes on to the error map. */
function refusal(error: unknown): Problem {
  if (isProblem(error) && error.code === "invalid_input") return error;
  throw error;
}

export function missionRoutes(renderer: Renderer): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const MISSION = "/programme/:id{[0-9]+}/missions/:mid{[0-9]+}";

  const showRefused = async (
    c: Context<AppEnv>,
    refused: Omit<MissionRefusal, "errors">,
    problem: Problem,
  ) => {
    const view = viewOf(c, { form: true });
    const data = await missionPage(
      c.get("deps").db,
      c.get("actor"),
      idParam(c, "id", "programme"),
      idParam(c, "mid", "mission"),
    );
    const errors = problemMessages(view, problem, MISSION_FIELD_MESSAGES);
    return c.html(missionPageHtml(view, data, { refused: { ...refused, errors } }), 400);
  };

  app.get("/programme/:id{[0-9]+}/missions", async (c) => {
    const data = await missionListPage(
      c.get("deps").db,
      c.get("actor"),
      idParam(c, "id", "programme"),
    );
    return c.html(missionsPage(viewOf(c, { form: true }), data));
  });

  app.post("/programme/:id{[0-9]+}/missions", async (c) => {
    const id = idParam(c, "id", "programme");
    const values: MissionForm = missionFormSchema.parse(await c.req.parseBody({ all: true }));
    try {
      const saved = await saveMission(c.get("deps").db, c.get("actor"), id, values);
      return c.redirect(`/programme/${id}/missions/${saved.id}?done=created`, 303);
    } catch (error) {
      const problem = refusal(error);
      const view = viewOf(c, { form: true });
      const data = await missionListPage(c.get("deps").db, c.get("actor"), id);
      const errors = problemMessages(view, problem, MISSION_FIELD_MESSAGES);
      return c.html(missionsPage(view, data, { values, errors }), 400);
    }
  });

  app.get(MISSION, async (c) => {
    const data = await missionPage(
      c.get("deps").db,
      c.get("actor"),
      idParam(c, "id", "programme"),
      idParam(c, "mid", "mission"),
    );
    const done = c.req.query("done");
    const notice = done && done in NOTICES ? NOTICES[done as keyof typeof NOTICES] : undefined;
    return c.html(missionPageHtml(viewOf(c, { form: true }), data, { notice }));
  });

  app.post(MISSION, async (c) => {
    const id = idParam(c, "id", "programme");
    const mid = idParam(c, "mid", "mission");
    const values: MissionForm = missionFormSchema.parse(await c.req.parseBody({ all: true }));
    try {
      await saveMission(c.get("deps").db, c.get("actor"), id, { ...values, id: mid });
      return c.redirect(`/programme/${id}/missions/${mid}?done=saved`, 303);
    } catch (error) {
      return showRefused(c, { form: "edit", values: {}, mission: values }, refusal(error));
    }
  });

  app.post(`${MISSION}/visits`, async (c) => {
    const id = idParam(c, "id", "programme");
    const mid = idParam(c, "mid", "mission");
    const values = visitFormSchema.parse(await c.req.parseBody());
    try {
      await addVisit(c.get("deps").db, c.get("actor"), id, mid, values);
      return c.redirect(`/programme/${id}/missions/${mid}?done=visit`, 303);
    } catch (error) {
      return showRefused(c, { form: "visit", values }, refusal(error));
    }
  });

  app.post(`${MISSION}/recommendations`, async (c) => {
    const id = idParam(c, "id", "programme");
    const mid = idParam(c, "mid", "mission");
    const values = recommendationFormSchema.parse(await c.req.parseBody());
    try {
      await addRecommendation(c.get("deps").db, c.get("actor"), id, mid, {
        ...values,
        key: values.key === "1",
      });
      return c.redirect(`/programme/${id}/missions/${mid}?done=recommendation`, 303);
    } catch (error) {
      return showRefused(c, { form: "recommendation", values }, refusal(error));
    }
  });

  app.post(`${MISSION}/recommendations/:rid{[0-9]+}/follow-ups`, async (c) => {
    const id = idParam(c, "id", "programme");
    const mid = idParam(c, "mid", "mission");
    const rid = idParam(c, "rid", "recommendation");
    const values = followUpFormSchema.parse(await c.req.parseBody());
    try {
      await recordFollowUp(c.get("deps").db, c.get("actor"), id, mid, rid, values);
      return c.redirect(`/programme/${id}/missions/${mid}?done=followUp#rec-${rid}`, 303);
    } catch (error) {
      return showRefused(c, { form: `followUp:${rid}`, values }, refusal(error));
    }
  });

  app.get(`${MISSION}/:file{report\\.[a-z]+}`, async (c) => {
    const id = idParam(c, "id", "programme");
    const mid = idParam(c, "mid", "mission");
    const format = c.req.param("file").slice("report.".length);
    if (!isMissionReportFormat(format)) throw notFound("page", c.req.path);
    const db = c.get("deps").db;
    const model = await buildMissionReport(db, c.get("actor"), id, mid, c.get("lang"));
    const bytes = await renderMissionReport(renderer, model, format);
    await recordMissionReportExport(db, c.get("actor"), mid, format);
    c.header("Cache-Control", "private, no-store");
    c.header("Content-Type", MISSION_REPORT_MEDIA_TYPES[format]);
    c.header(
      "Content-Disposition",
      `attachment; filename="${missionReportFileName(mid, model, format)}"`,
    );
    return c.body(new Uint8Array(bytes), 200);
  });

  return app;
}
