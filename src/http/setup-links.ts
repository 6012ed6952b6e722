// The set-up link of a fresh install: its form creates the first administrator and signs in.
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { PasswordProblem } from "../domain/account.ts";
import { isProblem } from "../domain/problem.ts";
import { createFirstAdmin, setupLinkIsLive } from "../services/setup-links.ts";
import { messagePage } from "../web/pages/errors.ts";
import { setupPage } from "../web/pages/setup-links.ts";
import type { AppEnv } from "./env.ts";
import { setSessionCookie } from "./session.ts";
import { viewOf } from "./view.ts";

const setupForm = z.object({
  email: z.string().trim().max(320).catch(""),
  name: z.string().trim().max(200).catch(""),
  password: z.string().max(400).catch(""),
});

const PASSWORD_REASONS: readonly PasswordProblem[] = [
  "too_short",
  "too_long",
  "same_as_email",
  "common",
];

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
      const subject = error.subject;
      const message =
        subject === "password"
          ? view.t(
              `auth.password.${PASSWORD_REASONS.find((r) => r === error.details.reason) ?? "too_short"}`,
            )
          : subject === "email"
            ? view.t("form.invalidEmail")
            : view.t("setup.nameRequired");
      return c.html(
        setupPage(view, {
          token,
          email: form.email,
          name: form.name,
          errors: { [subject]: message },
        }),
        400,
      );
    }
  });

  return app;
}
