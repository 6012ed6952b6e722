// Saved DHIS2 connections over HTTP (health.write): the list, the form to add or change one,
// deleting one, and "import now", which queues the connection's pull and sends the browser to
// the import's page (the same page as an uploaded file's). Secrets stay in the server's
// environment: the pages show only whether the variables a connection names are set.
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { Dhis2Schedule } from "../../domain/health/dhis2-pull.ts";
import { isProblem, notFound } from "../../domain/shared/problem.ts";
import type { MessageKey } from "../../i18n/index.ts";
import {
  connectionViews,
  type Dhis2ConnectionInput,
  getConnection,
  queuePullNow,
  removeConnection,
  saveConnection,
} from "../../services/health/dhis2-connections.ts";
import { authorise } from "../../services/shared/access.ts";
import {
  type ConnectionForm,
  connectionFormPage,
  connectionsPage,
  EMPTY_CONNECTION_FORM,
  type VarCheck,
} from "../../web/health/pages/connections.ts";
import { problemMessages } from "../../web/shared/forms.ts";
import type { AppEnv } from "../shared/env.ts";
import { viewOf } from "../shared/view.ts";

const text = z.string().catch("");
const connectionForm = z.object({
  name: text,
  baseUrl: text,
  authKind: text,
  tokenVar: text,
  usernameVar: text,
  passwordVar: text,
  dataSet: text,
  orgUnit: text,
  periods: text,
  withMetadata: text,
  schedule: text,
});
const ID = z.coerce.number().int().positive().max(2147483647);

/** The connection form's words for a refused field, where the general ones say too little. */
const MESSAGES: Record<string, MessageKey> = {
  "name.required": "dcon.error.name",
  "name.taken": "dcon.error.nameTaken",
  "baseUrl.dhis2_url_invalid": "dcon.error.url",
  "baseUrl.dhis2_url_scheme": "dcon.error.url",
  "baseUrl.invalid": "dcon.error.url",
  "baseUrl.dhis2_url_credentials": "dcon.error.urlCredentials",
  "tokenVar.invalid": "dcon.error.var",
  "usernameVar.invalid": "dcon.error.var",
  "passwordVar.invalid": "dcon.error.var",
  "dataSet.invalid": "dcon.error.uid",
  "orgUnit.invalid": "dcon.error.uid",
  "periods.invalid": "dcon.error.periods",
};

function idOf(c: Context<AppEnv>): number {
  const parsed = ID.safeParse(c.req.param("id"));
  if (!parsed.success) throw notFound("dhis2_connection", c.req.param("id") ?? "");
  return parsed.data;
}

/** Whether the server's environment sets a variable, when the app was given it. */
function varCheck(c: Context<AppEnv>): VarCheck {
  const env = c.get("deps").health?.env;
  return (name) => (env ? (env[name] ?? "") !== "" : null);
}

function inputOf(f: ConnectionForm): Dhis2ConnectionInput {
  const v = (s: string) => s.trim();
  return {
    name: f.name,
    baseUrl: f.baseUrl,
    auth:
      f.authKind === "basic"
        ? { kind: "basic", usernameVar: v(f.usernameVar), passwordVar: v(f.passwordVar) }
        : { kind: "token", tokenVar: v(f.tokenVar) },
    dataSet: v(f.dataSet),
    orgUnit: v(f.orgUnit),
    periods: v(f.periods),
    withMetadata: f.withMetadata === "1",
    schedule: f.schedule as Dhis2Schedule,
  };
}

function formOf(c: Dhis2ConnectionInput): ConnectionForm {
  return {
    ...EMPTY_CONNECTION_FORM,
    name: c.name,
    baseUrl: c.baseUrl,
    authKind: c.auth.kind,
    ...(c.auth.kind === "token"
      ? { tokenVar: c.auth.tokenVar }
      : { usernameVar: c.auth.usernameVar, passwordVar: c.auth.passwordVar }),
    dataSet: c.dataSet,
    orgUnit: c.orgUnit,
    periods: c.periods,
    withMetadata: c.withMetadata ? "1" : "",
    schedule: c.schedule,
  };
}

async function list(c: Context<AppEnv>, notice?: string) {
  const connections = await connectionViews(c.get("deps").db, c.get("actor"));
  return c.html(
    connectionsPage(viewOf(c, { form: true }), connections, {
      hasVar: varCheck(c),
      ...(notice ? { notice } : {}),
    }),
  );
}

async function save(c: Context<AppEnv>, id?: number) {
  const form = connectionForm.parse(await c.req.parseBody());
  const view = viewOf(c, { form: true });
  try {
    const saved = await saveConnection(c.get("deps").db, c.get("actor"), {
      ...inputOf(form),
      ...(id === undefined ? {} : { id }),
    });
    c.get("deps").health?.kickJobs();
    return list(c, view.t("dcon.saved", { name: saved.name }));
  } catch (error) {
    if (!isProblem(error) || error.code !== "invalid_input") throw error;
    const errors = problemMessages(view, error, MESSAGES);
    return c.html(
      connectionFormPage(view, {
        ...(id === undefined ? {} : { id }),
        form,
        errors,
        hasVar: varCheck(c),
      }),
      400,
    );
  }
}

export function connectionRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/health/connections", (c) => list(c));

  app.get("/health/connections/new", (c) => {
    authorise(c.get("actor"), "health.write");
    return c.html(
      connectionFormPage(viewOf(c, { form: true }), {
        form: EMPTY_CONNECTION_FORM,
        hasVar: varCheck(c),
      }),
    );
  });

  app.post("/health/connections", (c) => save(c));

  app.get("/health/connections/:id{[0-9]+}", async (c) => {
    const id = idOf(c);
    const found = await getConnection(c.get("deps").db, c.get("actor"), id);
    return c.html(
      connectionFormPage(viewOf(c, { form: true }), {
        id,
        form: formOf(found),
        hasVar: varCheck(c),
      }),
    );
  });

  app.post("/health/connections/:id{[0-9]+}", (c) => save(c, idOf(c)));

  app.post("/health/connections/:id{[0-9]+}/delete", async (c) => {
    await removeConnection(c.get("deps").db, c.get("actor"), idOf(c));
    return list(c, viewOf(c).t("dcon.deleted"));
  });

  app.post("/health/connections/:id{[0-9]+}/pull", async (c) => {
    const job = await queuePullNow(c.get("deps").db, c.get("actor"), idOf(c));
    c.get("deps").health?.kickJobs();
    return c.redirect(`/health/imports/${job}`, 303);
  });

  return app;
}
