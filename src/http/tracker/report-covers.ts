// The report's cover and sections editor over HTTP (coordinators, "cycle.setup"): the page,
// the cover's settings, a logo's upload (multipart; its limit is set in app.ts before the body
// is read), preview and deletion, and the sections added to a cycle's report. A success
// redirects with a notice; a refusal shows the page again with what was typed, nothing stored.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { isProblem, type Problem } from "../../domain/shared/problem.ts";
import { LOGO_MAX_BYTES } from "../../services/tracker/logos.ts";
import {
  addLogo,
  logoImage,
  removeLogo,
  removeSection,
  reportCoverForm,
  saveCover,
  saveSection,
} from "../../services/tracker/report-covers.ts";
import { problemMessages } from "../../web/shared/forms.ts";
import {
  COVER_FIELD_MESSAGES,
  type CoverPageState,
  reportCoverPage,
} from "../../web/tracker/pages/report-cover.ts";
import type { AppEnv } from "../shared/env.ts";
import { idParam } from "../shared/input.ts";
import { viewOf } from "../shared/view.ts";

/** The post that carries a logo: it gets the upload limit, once the sender may set up cycles. */
export const LOGO_UPLOAD_PATH = /^\/manage\/cycles\/[^/]+\/report-cover\/logos$/;
/** A 2 MB logo, its name and the multipart envelope. */
export const MAX_LOGO_UPLOAD = LOGO_MAX_BYTES + 64 * 1024;

const text = z.string().catch("");
const sectionForm = z.object({
  after: text,
  title: text,
  title_en: text,
  text: text,
  text_en: text,
});
const NOTICES = {
  cover: "cover.saved",
  logo: "cover.logo.added",
  logo_removed: "cover.logo.removed",
  section: "sections.added",
  section_saved: "sections.saved",
  section_removed: "sections.removed",
} as const;

const cycleOf = (c: Context<AppEnv>) => c.req.param("cycle") ?? "";
const strings = (body: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"),
  );

/** Only a refused form comes back on the page; any other problem goes on to the error map. */
function refusal(error: unknown): Problem {
  if (isProblem(error) && error.code === "invalid_input") return error;
  throw error;
}

export function reportCoverRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const base = (c: Context<AppEnv>) =>
    `/manage/cycles/${encodeURIComponent(cycleOf(c))}/report-cover`;
  const done = (c: Context<AppEnv>, what: keyof typeof NOTICES) =>
    c.redirect(`${base(c)}?done=${what}`, 303);
  const refused = async (
    c: Context<AppEnv>,
    form: NonNullable<CoverPageState["refused"]>["form"],
    values: Record<string, string>,
    error: unknown,
    id?: number,
  ) => {
    const problem = refusal(error);
    const view = viewOf(c, { form: true });
    const data = await reportCoverForm(c.get("deps").db, c.get("actor"), cycleOf(c), c.get("lang"));
    const errors = problemMessages(view, problem, COVER_FIELD_MESSAGES);
    return c.html(
      reportCoverPage(view, data, { refused: { form, values, errors, ...(id ? { id } : {}) } }),
      400,
    );
  };

  app.get("/manage/cycles/:cycle/report-cover", async (c) => {
    const data = await reportCoverForm(c.get("deps").db, c.get("actor"), cycleOf(c), c.get("lang"));
    const view = viewOf(c, { form: true });
    const asked = c.req.query("done");
    const notice =
      asked && asked in NOTICES ? view.t(NOTICES[asked as keyof typeof NOTICES]) : undefined;
    return c.html(reportCoverPage(view, data, notice ? { notice } : {}));
  });

  app.post("/manage/cycles/:cycle/report-cover", async (c) => {
    const values = strings(await c.req.parseBody());
    const positions: Record<number, string> = {};
    for (const [name, value] of Object.entries(values)) {
      const m = /^logo\.(\d+)$/.exec(name);
      if (m) positions[Number(m[1])] = value;
    }
    try {
      await saveCover(
        c.get("deps").db,
        c.get("actor"),
        cycleOf(c),
        { publishedOn: values.published_on ?? "", place: values.place ?? "", positions },
        c.get("lang"),
      );
      return done(c, "cover");
    } catch (error) {
      return refused(c, "cover", values, error);
    }
  });

  app.post("/manage/cycles/:cycle/report-cover/logos", async (c) => {
    const body = await c.req.parseBody();
    const values = strings(body);
    const file =
      body.file instanceof File && body.file.size > 0
        ? new Uint8Array(await body.file.arrayBuffer())
        : null;
    try {
      await addLogo(
        c.get("deps").db,
        c.get("actor"),
        { name: values.name ?? "", file, onCover: values.on_cover === "1" },
        c.get("lang"),
      );
      return done(c, "logo");
    } catch (error) {
      return refused(c, "logo", values, error);
    }
  });

  app.post("/manage/cycles/:cycle/report-cover/logos/:id{[0-9]+}/delete", async (c) => {
    await removeLogo(c.get("deps").db, c.get("actor"), idParam(c, "id", "logo"), c.get("lang"));
    return done(c, "logo_removed");
  });

  app.get("/manage/logos/:file{[0-9]+\\.png}", async (c) => {
    const id = Number((c.req.param("file") ?? "").replace(/\.png$/, ""));
    const png = await logoImage(c.get("deps").db, c.get("actor"), id, c.get("lang"));
    c.header("Content-Type", "image/png");
    c.header("Content-Disposition", "inline");
    c.header("Cache-Control", "private, max-age=300");
    return c.body(new Uint8Array(png), 200);
  });

  app.post("/manage/cycles/:cycle/report-cover/sections", async (c) => {
    const body = await c.req.parseBody();
    const form = sectionForm.parse(body);
    try {
      await saveSection(
        c.get("deps").db,
        c.get("actor"),
        cycleOf(c),
        {
          after: form.after,
          title: form.title,
          titleEn: form.title_en,
          text: form.text,
          textEn: form.text_en,
        },
        c.get("lang"),
      );
      return done(c, "section");
    } catch (error) {
      return refused(c, "section", strings(body), error);
    }
  });

  app.post("/manage/cycles/:cycle/report-cover/sections/:id{[0-9]+}", async (c) => {
    const id = idParam(c, "id", "section");
    const body = await c.req.parseBody();
    const form = sectionForm.parse(body);
    try {
      await saveSection(
        c.get("deps").db,
        c.get("actor"),
        cycleOf(c),
        {
          id,
          after: form.after,
          title: form.title,
          titleEn: form.title_en,
          text: form.text,
          textEn: form.text_en,
        },
        c.get("lang"),
      );
      return done(c, "section_saved");
    } catch (error) {
      return refused(c, "section", strings(body), error, id);
    }
  });

  app.post("/manage/cycles/:cycle/report-cover/sections/:id{[0-9]+}/delete", async (c) => {
    await removeSection(
      c.get("deps").db,
      c.get("actor"),
      cycleOf(c),
      idParam(c, "id", "section"),
      c.get("lang"),
    );
    return done(c, "section_removed");
  });

  return app;
}
