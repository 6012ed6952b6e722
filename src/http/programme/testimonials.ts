// Testimonials over HTTP: a programme's list and the form adding one with its photo (GET/POST
// /programme/:id/testimonials, the POST multipart), one testimonial (GET, and POST to edit it),
// the forms recording a consent, withdrawing it and sending a photo, and the photo itself for a
// use (GET …/photo?use=…), which answers 404 unless that use may show it. A refused form comes
// back on its page with what was typed and each reason beside its field (400).
import { type Context, Hono } from "hono";
import { z } from "zod";
import { CONSENT_USES } from "../../domain/programme/consent.ts";
import { parseId } from "../../domain/shared/input.ts";
import { isProblem, notFound, type Problem } from "../../domain/shared/problem.ts";
import { PHOTO_MAX_BYTES } from "../../services/programme/photos.ts";
import {
  EMPTY_TESTIMONIAL_FORM,
  saveTestimonialFromForm,
  type TestimonialForm,
  testimonialPage,
  testimonialsPage,
} from "../../services/programme/testimonial-pages.ts";
import {
  recordConsent,
  testimonialPhoto,
  uploadPhoto,
  withdrawConsent,
} from "../../services/programme/testimonials.ts";
import {
  type TestimonialFormName,
  testimonialPageHtml,
} from "../../web/programme/pages/testimonial.ts";
import {
  TESTIMONIAL_FIELD_MESSAGES,
  testimonialsPageHtml,
} from "../../web/programme/pages/testimonials.ts";
import { problemMessages } from "../../web/shared/forms.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";

/** The posts that carry a photo: they get the upload limit, once the sender may write. */
export const TESTIMONIAL_UPLOAD_PATH = /^\/programme\/[0-9]+\/testimonials(?:\/[0-9]+\/photo)?$/;
/** A 10 MB photo, the testimonial's fields and the multipart envelope. */
export const MAX_TESTIMONIAL_UPLOAD = PHOTO_MAX_BYTES + 128 * 1024;

const text = z.string().max(10_000).catch("");
const testimonialForm = z.object({
  speakerRole: text,
  speakerName: text,
  midwife: text,
  facility: text,
  placeText: text,
  date: text,
  quote: text,
  summary: text,
  language: text,
  videoUrl: text,
  faceVisible: text,
  minor: text,
});
const consentForm = z.object({
  consenterName: text,
  date: text,
  uses: z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).slice(0, 20))
    .catch([]),
  method: text,
  witnessName: text,
  guardianName: text,
  named: text,
});
const withdrawForm = z.object({ withdrawnOn: text });
const useQuery = z.enum(CONSENT_USES);

const NOTICES = {
  created: "tm.created",
  saved: "tm.saved",
  consent: "tm.consentSaved",
  withdrawn: "tm.withdrawn",
  photo: "tm.photoSaved",
} as const;

function ids(c: Context<AppEnv>): { programmeId: number; id: number } {
  const programmeId = parseId(c.req.param("id"));
  if (programmeId === null) throw notFound("programme", c.req.param("id") ?? "");
  const id = parseId(c.req.param("tid") ?? "");
  return { programmeId, id: id ?? 0 };
}

/** Only a refused form comes back on the page; any other problem goes on to the error map. */
function refusal(error: unknown): Problem {
  if (isProblem(error) && error.code === "invalid_input") return error;
  throw error;
}

/** The file of a multipart field, as bytes; null when none was chosen. */
async function fileOf(value: unknown): Promise<Uint8Array | null> {
  if (!(value instanceof File) || value.size === 0) return null;
  return new Uint8Array(await value.arrayBuffer());
}

export function testimonialRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/programme/:id{[0-9]+}/testimonials", async (c) => {
    const { programmeId } = ids(c);
    const data = await testimonialsPage(c.get("deps").db, c.get("actor"), programmeId);
    return c.html(
      testimonialsPageHtml(viewOf(c, { form: true }), data, { empty: EMPTY_TESTIMONIAL_FORM }),
    );
  });

  app.post("/programme/:id{[0-9]+}/testimonials", async (c) => {
    const { programmeId } = ids(c);
    const body = await c.req.parseBody();
    const values: TestimonialForm = testimonialForm.parse(body);
    try {
      const id = await saveTestimonialFromForm(
        c.get("deps").db,
        c.get("actor"),
        programmeId,
        values,
        { photo: await fileOf(body.photo) },
      );
      return c.redirect(`/programme/${programmeId}/testimonials/${id}?done=created`, 303);
    } catch (error) {
      const problem = refusal(error);
      const view = viewOf(c, { form: true });
      const data = await testimonialsPage(c.get("deps").db, c.get("actor"), programmeId);
      const errors = problemMessages(view, problem, TESTIMONIAL_FIELD_MESSAGES);
      return c.html(
        testimonialsPageHtml(view, data, { values, errors, empty: EMPTY_TESTIMONIAL_FORM }),
        400,
      );
    }
  });

  const showRefused = async (
    c: Context<AppEnv>,
    form: TestimonialFormName,
    values: Record<string, string | string[]>,
    problem: Problem,
  ) => {
    const { programmeId, id } = ids(c);
    const view = viewOf(c, { form: true });
    const data = await testimonialPage(c.get("deps").db, c.get("actor"), programmeId, id);
    const errors = problemMessages(view, problem, TESTIMONIAL_FIELD_MESSAGES);
    return c.html(testimonialPageHtml(view, data, { refused: { form, values, errors } }), 400);
  };
  const done = (c: Context<AppEnv>, what: keyof typeof NOTICES) => {
    const { programmeId, id } = ids(c);
    return c.redirect(`/programme/${programmeId}/testimonials/${id}?done=${what}`, 303);
  };

  app.get("/programme/:id{[0-9]+}/testimonials/:tid{[0-9]+}", async (c) => {
    const { programmeId, id } = ids(c);
    const data = await testimonialPage(c.get("deps").db, c.get("actor"), programmeId, id);
    const asked = c.req.query("done");
    const notice = asked && asked in NOTICES ? NOTICES[asked as keyof typeof NOTICES] : undefined;
    return c.html(testimonialPageHtml(viewOf(c, { form: true }), data, { notice }));
  });

  app.post("/programme/:id{[0-9]+}/testimonials/:tid{[0-9]+}", async (c) => {
    const { programmeId, id } = ids(c);
    const values: TestimonialForm = testimonialForm.parse(await c.req.parseBody());
    try {
      await saveTestimonialFromForm(c.get("deps").db, c.get("actor"), programmeId, values, {
        id,
      });
      return done(c, "saved");
    } catch (error) {
      return showRefused(c, "edit", { ...values }, refusal(error));
    }
  });

  app.post("/programme/:id{[0-9]+}/testimonials/:tid{[0-9]+}/consents", async (c) => {
    const { programmeId, id } = ids(c);
    const values = consentForm.parse(await c.req.parseBody({ all: true }));
    try {
      await recordConsent(c.get("deps").db, c.get("actor"), programmeId, id, {
        ...values,
        named: values.named === "1",
      });
      return done(c, "consent");
    } catch (error) {
      return showRefused(c, "consent", values, refusal(error));
    }
  });

  app.post("/programme/:id{[0-9]+}/testimonials/:tid{[0-9]+}/withdraw", async (c) => {
    const { programmeId, id } = ids(c);
    const values = withdrawForm.parse(await c.req.parseBody());
    try {
      await withdrawConsent(c.get("deps").db, c.get("actor"), programmeId, id, values.withdrawnOn);
      return done(c, "withdrawn");
    } catch (error) {
      return showRefused(c, "withdraw", values, refusal(error));
    }
  });

  app.post("/programme/:id{[0-9]+}/testimonials/:tid{[0-9]+}/photo", async (c) => {
    const { programmeId, id } = ids(c);
    const body = await c.req.parseBody();
    try {
      const bytes = await fileOf(body.photo);
      await uploadPhoto(
        c.get("deps").db,
        c.get("actor"),
        programmeId,
        id,
        bytes ?? new Uint8Array(),
      );
      return done(c, "photo");
    } catch (error) {
      return showRefused(c, "photo", {}, refusal(error));
    }
  });

  app.get("/programme/:id{[0-9]+}/testimonials/:tid{[0-9]+}/photo", async (c) => {
    const { programmeId, id } = ids(c);
    const use = useQuery.safeParse(c.req.query("use"));
    if (!use.success) throw notFound("photo", id);
    const bytes = await testimonialPhoto(
      c.get("deps").db,
      c.get("actor"),
      programmeId,
      id,
      use.data,
    );
    c.header("Content-Type", "image/jpeg");
    c.header("Content-Disposition", "inline");
    return c.body(new Uint8Array(bytes), 200);
  });

  return app;
}
