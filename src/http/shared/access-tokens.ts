// The signed-in account's personal access tokens over HTTP: the page, making one (its secret
// on the answer only, never stored nor cached), revoking one.
import { type Context, Hono } from "hono";
import { z } from "zod";
import { MAX_LIVE_ACCESS_TOKENS } from "../../domain/shared/access-token.ts";
import { isProblem } from "../../domain/shared/problem.ts";
import type { MessageKey } from "../../i18n/index.ts";
import {
  createAccessToken,
  myAccessTokens,
  revokeMyAccessToken,
} from "../../services/shared/access-tokens.ts";
import { problemMessages } from "../../web/shared/forms.ts";
import { accessTokensPage } from "../../web/shared/pages/access-tokens.ts";
import type { AppEnv } from "./env.ts";
import { publicBase, viewOf } from "./view.ts";

const text = z.string().trim().catch("");
const tokenForm = z.object({ name: text, days: text });
const id = z.coerce.number().int().positive().max(2147483647);

const MESSAGES: Record<string, MessageKey> = {
  "name.required": "tok.error.name",
  "days.invalid": "tok.error.days",
};

async function render(
  c: Context<AppEnv>,
  o: Omit<Parameters<typeof accessTokensPage>[2], "baseUrl"> = {},
  status: 200 | 400 = 200,
) {
  const tokens = await myAccessTokens(c.get("deps").db, c.get("actor"));
  return c.html(
    accessTokensPage(viewOf(c, { form: true }), tokens, { ...o, baseUrl: publicBase(c) }),
    status,
  );
}

export function accessTokenRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/account/tokens", (c) => render(c));

  app.post("/account/tokens", async (c) => {
    const form = tokenForm.parse(await c.req.parseBody());
    const view = viewOf(c, { form: true });
    try {
      const made = await createAccessToken(c.get("deps").db, c.get("actor"), {
        name: form.name,
        days: /^\d{1,4}$/.test(form.days) ? Number(form.days) : Number.NaN,
      });
      return render(c, { created: { name: made.token.name, secret: made.secret } });
    } catch (error) {
      if (!isProblem(error) || error.code !== "invalid_input") throw error;
      const errors = problemMessages(view, error, MESSAGES);
      if (error.issues.some((i) => i.path === "name" && i.code === "too_many"))
        errors.name = view.t("tok.error.tooMany", { max: MAX_LIVE_ACCESS_TOKENS });
      return render(c, { form, errors }, 400);
    }
  });

  app.post("/account/tokens/:id/revoke", async (c) => {
    const parsed = id.safeParse(c.req.param("id"));
    await revokeMyAccessToken(c.get("deps").db, c.get("actor"), parsed.success ? parsed.data : 0);
    return render(c, { notice: viewOf(c).t("tok.revoked") });
  });

  return app;
}
