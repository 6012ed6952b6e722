// The acronyms editor over HTTP (coordinators, "cycle.setup"): list and add, change a meaning,
// delete. A success redirects (a reload does not send the form again); a refusal shows the form
// again with what was typed.
import { type Context, Hono } from "hono";
import { z } from "zod";
import {
  acronymProposals,
  addAcronym,
  getAcronym,
  listAcronyms,
  removeAcronym,
  updateAcronym,
} from "../../services/tracker/acronyms.ts";
import { acronymPage, acronymsPage } from "../../web/tracker/pages/acronyms.ts";
import type { AppEnv } from "../shared/env.ts";
import { idParam } from "../shared/input.ts";
import { viewOf } from "../shared/view.ts";

// Lengths are the service's to judge, with a message beside the field; a file reads as "".
const text = z.string().catch("");
const addForm = z.object({ acronym: text, expansion: text, expansion_en: text });
const editForm = z.object({ expansion: text, expansion_en: text });
const notices = z.object({
  added: z.coerce.number().int().positive().optional(),
  saved: z.coerce.number().int().positive().optional(),
  removed: z.literal("1").optional(),
});

const idOf = (c: Context<AppEnv>): number => idParam(c, "id", "acronym");

export function acronymsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/manage/acronyms", async (c) => {
    const list = await listAcronyms(c.get("deps").db, c.get("actor"), c.get("lang"));
    const view = viewOf(c, { form: true });
    const q = notices.safeParse(c.req.query());
    const named = (id: number | undefined) => list.find((a) => a.id === id)?.acronym;
    const added = q.success ? named(q.data.added) : undefined;
    const saved = q.success ? named(q.data.saved) : undefined;
    const notice = added
      ? view.t("acr.added", { acronym: added })
      : saved
        ? view.t("acr.saved", { acronym: saved })
        : q.success && q.data.removed
          ? view.t("acr.removed")
          : undefined;
    const proposals = await acronymProposals(c.get("deps").db, c.get("actor"), c.get("lang"));
    return c.html(acronymsPage(view, list, { notice, ...(proposals ? { proposals } : {}) }));
  });

  app.post("/manage/acronyms", async (c) => {
    const form = addForm.parse(await c.req.parseBody());
    const { db } = c.get("deps");
    const typed = {
      acronym: form.acronym,
      expansion: form.expansion,
      expansionEn: form.expansion_en,
    };
    const result = await addAcronym(db, c.get("actor"), typed, c.get("lang"));
    const list = await listAcronyms(db, c.get("actor"), c.get("lang"));
    if (!result.ok)
      return c.html(
        acronymsPage(viewOf(c, { form: true }), list, { typed, errors: result.errors }),
        400,
      );
    const id = list.find((a) => a.acronym === result.acronym)?.id;
    return c.redirect(`/manage/acronyms?added=${id ?? ""}`, 303);
  });

  app.get("/manage/acronyms/:id{[0-9]+}", async (c) => {
    const acronym = await getAcronym(c.get("deps").db, c.get("actor"), idOf(c), c.get("lang"));
    return c.html(acronymPage(viewOf(c, { form: true }), acronym));
  });

  app.post("/manage/acronyms/:id{[0-9]+}", async (c) => {
    const id = idOf(c);
    const form = editForm.parse(await c.req.parseBody());
    const { db } = c.get("deps");
    const typed = { expansion: form.expansion, expansionEn: form.expansion_en };
    const result = await updateAcronym(db, c.get("actor"), id, typed, c.get("lang"));
    if (!result.ok) {
      const acronym = await getAcronym(db, c.get("actor"), id, c.get("lang"));
      return c.html(
        acronymPage(viewOf(c, { form: true }), acronym, { typed, errors: result.errors }),
        400,
      );
    }
    return c.redirect(`/manage/acronyms?saved=${id}`, 303);
  });

  app.post("/manage/acronyms/:id{[0-9]+}/delete", async (c) => {
    await removeAcronym(c.get("deps").db, c.get("actor"), idOf(c), c.get("lang"));
    return c.redirect("/manage/acronyms?removed=1", 303);
  });

  return app;
}
