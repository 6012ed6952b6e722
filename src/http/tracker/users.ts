// Account administration (administrators only): list, add with a password link, disable.

import { type Context, Hono } from "hono";
import { z } from "zod";
import type { Actor } from "../../domain/shared/policy.ts";
import { isProblem } from "../../domain/shared/problem.ts";
import { partnerShortName } from "../../domain/tracker/partner.ts";
import type { MessageKey } from "../../i18n/index.ts";
import { createPasswordSetupLink } from "../../services/shared/auth.ts";
import { getDirectory } from "../../services/tracker/partners.ts";
import { addAccount, disableAccount, getUsers } from "../../services/tracker/users.ts";
import { problemMessages } from "../../web/shared/forms.ts";
import { type UserForm, usersPage } from "../../web/tracker/pages/users.ts";
import type { AppEnv } from "../shared/env.ts";
import { publicBase, viewOf } from "../shared/view.ts";

// Lengths are the service's to judge, with a message beside the field; a file reads as "".
const text = z.string().trim().catch("");
const userForm = z.object({ email: text, name: text, role: text, partner: text });

/** The account form's words for a refused field, where the general ones say too little. */
const MESSAGES: Record<string, MessageKey> = {
  "email.required": "users.error.emailRequired",
  "email.invalid": "form.invalidEmail",
  "email.taken": "users.exists",
  "name.required": "users.error.name",
  "partner.required": "users.partnerNeeded",
  "partner.invalid": "users.partnerNeeded",
  "partner.not_allowed": "users.partnerNotAllowed",
};

async function render(
  c: Context<AppEnv>,
  actor: Actor,
  o: Parameters<typeof usersPage>[3] = {},
  status: 200 | 400 = 200,
) {
  const db = c.get("deps").db;
  const users = await getUsers(db, actor);
  const directory = await getDirectory(db, c.get("lang"));
  const partners = directory.groups
    .flatMap((g) => g.partners)
    .map((p) => ({ id: p.id, slug: p.slug, shortName: partnerShortName(p) }))
    .sort((a, b) => a.shortName.localeCompare(b.shortName, "fr"));
  return c.html(usersPage(viewOf(c, { form: true }), users, partners, o), status);
}

export function usersRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/manage/users", (c) => render(c, c.get("actor")));

  app.post("/manage/users", async (c) => {
    const actor = c.get("actor");
    const form: UserForm = userForm.parse(await c.req.parseBody());
    const view = viewOf(c, { form: true });
    try {
      const user = await addAccount(c.get("deps").db, actor, {
        email: form.email ?? "",
        name: form.name ?? "",
        role: form.role ?? "",
        partnerSlug: form.partner || undefined,
      });
      const url = await createPasswordSetupLink(c.get("deps").db, user.id, publicBase(c));
      c.header("Cache-Control", "no-store");
      return render(c, actor, { notice: view.t("users.created", { url }) });
    } catch (error) {
      if (!isProblem(error) || error.code !== "invalid_input") throw error;
      const errors = problemMessages(view, error, MESSAGES);
      return render(c, actor, { form, errors }, 400);
    }
  });

  app.post("/manage/users/:id/disable", async (c) => {
    const actor = c.get("actor");
    await disableAccount(c.get("deps").db, actor, c.req.param("id"));
    return render(c, actor, { notice: viewOf(c).t("users.disabledDone") });
  });

  return app;
}
