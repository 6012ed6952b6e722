// The set-up link of a fresh install: its form creates the first administrator and signs in.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { PASSWORD_PROBLEMS } from "../../domain/shared/account.ts";
import { isProblem } from "../../domain/shared/problem.ts";
import type { MessageKey } from "../../i18n/index.ts";
import { createFirstAdmin, setupLinkIsLive } from "../../services/shared/setup-links.ts";
import { problemMessages } from "../../web/shared/forms.ts";
import { messagePage } from "../../web/shared/pages/errors.ts";
import { setupPage } from "../../web/shared/pages/setup-links.ts";
import type { AppEnv } from "./env.ts";
import { setSessionCookie } from "./session.ts";
import { viewOf } from "./view.ts";

// What was typed, as text: lengths are the service's to judge, with a message beside the field.
const setupForm = z.object({
  email: z.string().trim().catch(""),
  name: z.string().trim().catch(""),
  password: z.string().catch(""),
});

/** The set-up form's words for a refused field, where the general ones say too little. */
const MESSAGES: Record<string, MessageKey> = {
  "email.required": "form.invalidEmail",
  "email.invalid": "form.invalidEmail",
  "name.required": "setup.nameRequired",
  ...Object.fromEntries(
    PASSWORD_PROBLEMS.map((reason) => [`password.${reason}`, `auth.password.${reason}` as const]),
  ),
};

export function setupLinkRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // The token is in the address: no page loaded from it sends it on as a Referer.
  app.use("/setup/*", async (c, next) => {
    await next();
    c.header("Referrer-Policy", "no-referrer");
  });

  const dead = (c: Context<AppEnv>) => {
    const view = viewOf(c);
    return c.html(
      messagePage(view, view.t("setup.invalid.title"), view.t("setup.invalid.body")),
      410,
    );
  };

  app.get("/setup/:token", async (c) => {
    const token = c.req.param("token");
    if (!(await setupLinkIsLive(c.get("deps").db, token))) return dead(c);
    return c.html(setupPage(viewOf(c, { form: true }), { token }));
  });

  app.post("/setup/:token", async (c) => {
    const token = c.req.param("token");
    const form = setupForm.parse(await c.req.parseBody());
    const view = viewOf(c, { form: true });
    try {
      const session = await createFirstAdmin(c.get("deps").db, token, form);
      setSessionCookie(c, session.token);
      return c.redirect("/manage", 303);
    } catch (error) {
      if (!isProblem(error)) throw error;
      if (error.code === "not_found") return dead(c);
      if (error.code !== "invalid_input") throw error;
      return c.html(
        setupPage(view, {
          token,
          email: form.email,
          name: form.name,
          errors: problemMessages(view, error, MESSAGES),
        }),
        400,
      );
    }
  });

  return app;
}
