// Signing in and out, and password reset (invitation links are in invitations.ts).
import { Hono } from "hono";
import { z } from "zod";
import { emailProblem, MAX_EMAIL, type PasswordProblem } from "../../domain/shared/account.ts";
import { isProblem } from "../../domain/shared/problem.ts";
import { MAX_REDIRECT_LENGTH, redirectTarget } from "../../domain/shared/redirect.ts";
import type { MessageKey } from "../../i18n/index.ts";
import { login, logout, requestPasswordReset, resetPassword } from "../../services/shared/auth.ts";
import { fieldMessages, problemMessages } from "../../web/shared/forms.ts";
import { forgotPage, loginPage, resetPage } from "../../web/shared/pages/auth.ts";
import { messagePage } from "../../web/shared/pages/errors.ts";
import { clientAddress } from "./client-address.ts";
import type { AppEnv } from "./env.ts";
import { clearSessionCookie, setSessionCookie } from "./session.ts";
import { publicBase, viewOf } from "./view.ts";

// What was typed, as text (a file reads as ""): a value too long for any account comes back
// on the form with its message, what was typed kept.
const loginForm = z.object({
  email: z.string().trim().catch(""),
  password: z.string().catch(""),
  next: z.string().max(MAX_REDIRECT_LENGTH).optional().catch(undefined),
});

/** The sign-in and reset forms' words for a refused address. */
const MESSAGES: Record<string, MessageKey> = {
  "email.required": "form.invalidEmail",
  "email.invalid": "form.invalidEmail",
};

export function authRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/login", (c) =>
    c.html(loginPage(viewOf(c, { form: true }), { next: c.req.query("next") ?? "" })),
  );

  app.post("/login", async (c) => {
    const form = loginForm.parse(await c.req.parseBody());
    const view = viewOf(c, { form: true });
    let result: Awaited<ReturnType<typeof login>>;
    try {
      result = await login(c.get("deps").db, form.email, form.password, {
        address: clientAddress(c),
      });
    } catch (error) {
      if (!isProblem(error) || error.code !== "invalid_input") throw error;
      const errors = problemMessages(view, error, MESSAGES);
      return c.html(loginPage(view, { email: form.email, errors, next: form.next ?? "" }), 400);
    }
    if (!result.ok) {
      if (result.retryAfter) {
        c.header("Retry-After", String(result.retryAfter));
        const minutes = Math.ceil(result.retryAfter / 60);
        return c.html(
          loginPage(view, {
            email: form.email,
            alert: view.t("auth.login.locked", { minutes }),
            next: form.next ?? "",
          }),
          429,
        );
      }
      return c.html(
        loginPage(view, { email: form.email, failed: true, next: form.next ?? "" }),
        401,
      );
    }
    setSessionCookie(c, result.session.token);
    const fallback = result.role === "respondent" ? "/q" : "/manage";
    // The home page is where a sign-in link without a destination comes from: go to one's own.
    const next = redirectTarget(form.next, fallback);
    return c.redirect(next === "/" ? fallback : next, 303);
  });

  app.post("/logout", async (c) => {
    const token = c.get("sessionToken");
    if (token) await logout(c.get("deps").db, token, c.get("actor"));
    clearSessionCookie(c);
    // The browser's HTTP cache may hold pages of this session; the service worker and the
    // questionnaire's client clear the answers they kept for it (see web/client/).
    c.header("Clear-Site-Data", '"cache"');
    return c.redirect("/", 303);
  });

  app.get("/password/forgot", (c) => c.html(forgotPage(viewOf(c, { form: true }), {})));

  app.post("/password/forgot", async (c) => {
    const form = await c.req.parseBody();
    const email = typeof form.email === "string" ? form.email.trim() : "";
    const view = viewOf(c, { form: true });
    const refused = emailProblem(email);
    if (refused) {
      const errors = fieldMessages(view, { email: refused }, MESSAGES, { email: MAX_EMAIL });
      return c.html(forgotPage(view, { email, errors }), 400);
    }
    const result = await requestPasswordReset(
      c.get("deps").db,
      email,
      publicBase(c),
      (url) => ({
        subject: view.t("auth.mail.resetSubject"),
        body: view.t("auth.mail.resetBody", { url }),
      }),
      { address: clientAddress(c) },
    );
    if (!result.ok) {
      c.header("Retry-After", String(result.retryAfter));
      const minutes = Math.ceil(result.retryAfter / 60);
      return c.html(
        forgotPage(view, { email, errors: { email: view.t("auth.forgot.limited", { minutes }) } }),
        429,
      );
    }
    return c.html(forgotPage(view, { sent: true }));
  });

  app.get("/password/reset/:token", (c) =>
    c.html(resetPage(viewOf(c, { form: true }), { token: c.req.param("token") })),
  );

  app.post("/password/reset/:token", async (c) => {
    const token = c.req.param("token");
    const form = await c.req.parseBody();
    const password = typeof form.password === "string" ? form.password : "";
    const view = viewOf(c, { form: true });
    try {
      await resetPassword(c.get("deps").db, token, password);
    } catch (error) {
      if (isProblem(error) && error.subject === "password") {
        const reason = String(error.details.reason ?? "too_short") as PasswordProblem;
        return c.html(
          resetPage(view, { token, errors: { password: view.t(`auth.password.${reason}`) } }),
          400,
        );
      }
      if (isProblem(error))
        return c.html(
          messagePage(view, view.t("auth.reset.title"), view.t("auth.reset.invalid")),
          400,
        );
      throw error;
    }
    return c.html(loginPage(view, { notice: view.t("auth.reset.done") }));
  });

  return app;
}
