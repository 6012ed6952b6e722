// The access rules, route by route and role by role: every row says who may and who may not.

import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.ts";
import type { AppEnv } from "../../src/http/shared/env.ts";
import { createInvitation } from "../../src/services/tracker/invitations.ts";
import { COPY_JS_PATH, QUESTIONNAIRE_JS_PATH } from "../../src/web/client.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD, SYSTEM } from "../support/world.ts";

type Who =
  | "anonymous"
  | "invitation"
  | "respondent"
  | "other_respondent"
  | "validator"
  | "programme_manager"
  | "coordinator"
  | "admin";

const EVERYONE: Who[] = [
  "anonymous",
  "invitation",
  "respondent",
  "other_respondent",
  "validator",
  "programme_manager",
  "coordinator",
  "admin",
];
const STAFF: Who[] = ["validator", "programme_manager", "coordinator", "admin"];
const PSI_SIDE: Who[] = ["invitation", "respondent"];
const HEALTH_WRITE: Who[] = ["programme_manager", "coordinator", "admin"];
const PROGRAMME_WRITE: Who[] = ["programme_manager", "coordinator", "admin"];
/** Programme monitoring is no business of validators nor respondents. */
const PROGRAMME_STAFF: Who[] = ["programme_manager", "coordinator", "admin"];
/** Contacts, testimonials without a consent in force, and the testimonials' management. */
const PROGRAMME_PRIVATE: Who[] = ["programme_manager", "admin"];

interface Row {
  /** The route as the app declares it (method and pattern), one row per route of the app. */
  route: string;
  method: "GET" | "POST" | "PUT";
  path: string;
  allowed: Who[];
  body?: Record<string, string>;
  /**
   * A refusal here is a 404 ("not found" rather than "not yours"); elsewhere a 404 means the
   * check was passed and the thing asked for (a made-up id, a spent token) is not there.
   */
  hidesAsNotFound?: boolean;
  /** The route's own answer to wrong credentials is a 401: here it is no access refusal. */
  checksCredentials?: boolean;
  /** Ends the session (signing out, a link that fails): run for every role after the rest. */
  last?: boolean;
}

const answer = {
  answer: {
    contributes: "no",
    activities: null,
    collaboratorIds: [],
    collaboratorsText: null,
    difficulties: null,
    outputs: [],
    evidence: [],
  },
  submit: false,
};

const SIGNED_IN: Who[] = EVERYONE.filter((w) => w !== "anonymous");
const SETUP: Who[] = ["coordinator", "admin"];
const VALIDATION: Who[] = ["validator", "coordinator", "admin"];
const PSI_READERS: Who[] = [...PSI_SIDE, ...STAFF];
/** An id no row has: an allowed request passes the check and finds nothing (404). */
const NONE = "999999";

// Writes come last in each role's run and are chosen so that an allowed one changes nothing
// that a later row depends on: bad values refused before anything is written, a cycle whose
// state refuses the change, or an id that names nothing.
const ROUTES: Row[] = [
  { route: "GET /", method: "GET", path: "/", allowed: EVERYONE },
  { route: "GET /cycles/:cycle", method: "GET", path: "/cycles/2022", allowed: EVERYONE },
  {
    route: "GET /cycles/:cycle/commitments/:number",
    method: "GET",
    path: "/cycles/2022/commitments/1",
    allowed: EVERYONE,
  },
  {
    route: "GET /cycles/:cycle/synthesis",
    method: "GET",
    path: "/cycles/2022/synthesis",
    allowed: EVERYONE,
  },
  {
    route: "GET /cycles/:cycle/synthesis/blocks/:block",
    method: "GET",
    path: "/cycles/2022/synthesis/blocks/service_delivery",
    allowed: EVERYONE,
  },
  { route: "GET /synthesis", method: "GET", path: "/synthesis", allowed: EVERYONE },
  {
    route: "GET /cycles/:cycle/:file{report\\.[a-z]+}",
    method: "GET",
    path: "/cycles/2022/report.html",
    allowed: EVERYONE,
  },
  { route: "GET /partners", method: "GET", path: "/partners", allowed: EVERYONE },
  { route: "GET /partners/:partner", method: "GET", path: "/partners/psi", allowed: EVERYONE },
  // A programme's public dashboard and cards: everyone (here none is published: 404 for all).
  { route: "GET /programmes", method: "GET", path: "/programmes", allowed: EVERYONE },
  // A backup holds every account's data: administrators only (404 here, where the app has no
  // database handle, for those allowed).
  { route: "GET /manage/backup", method: "GET", path: "/manage/backup", allowed: ["admin"] },
  {
    route: "GET /programmes/:slug",
    method: "GET",
    path: "/programmes/none",
    allowed: EVERYONE,
  },
  {
    route: "GET /programmes/:slug/cards/:file",
    method: "GET",
    path: "/programmes/none/cards/1-square.png",
    allowed: EVERYONE,
  },
  { route: "GET /lang/:lang", method: "GET", path: "/lang/fr?next=/", allowed: EVERYONE },
  { route: "GET /login", method: "GET", path: "/login", allowed: EVERYONE },
  { route: "GET /password/forgot", method: "GET", path: "/password/forgot", allowed: EVERYONE },
  {
    route: "GET /password/reset/:token",
    method: "GET",
    path: "/password/reset/not-a-token",
    allowed: EVERYONE,
  },
  // A link that is not one opens nothing, whoever follows it.
  { route: "GET /i/:token", method: "GET", path: "/i/not-a-token", allowed: EVERYONE },
  { route: "GET /setup/:token", method: "GET", path: "/setup/not-a-token", allowed: EVERYONE },
  { route: "GET /sw.js", method: "GET", path: "/sw.js", allowed: EVERYONE },
  {
    route: "GET /manifest.webmanifest",
    method: "GET",
    path: "/manifest.webmanifest",
    allowed: EVERYONE,
  },
  { route: "GET /icon.svg", method: "GET", path: "/icon.svg", allowed: EVERYONE },
  { route: `GET ${COPY_JS_PATH}`, method: "GET", path: COPY_JS_PATH, allowed: EVERYONE },
  {
    route: `GET ${QUESTIONNAIRE_JS_PATH}`,
    method: "GET",
    path: QUESTIONNAIRE_JS_PATH,
    allowed: EVERYONE,
  },
  { route: "GET /healthz", method: "GET", path: "/healthz", allowed: EVERYONE },
  { route: "GET /readyz", method: "GET", path: "/readyz", allowed: EVERYONE },
  // Health data: the explorer is open (public indicators), anything else needs health.read; an
  // item that does not exist is refused to others exactly as a non-public one (staff get 400/404).
  { route: "GET /health/explorer", method: "GET", path: "/health/explorer", allowed: EVERYONE },
  {
    route: "GET /health/explorer.csv",
    method: "GET",
    path: "/health/explorer.csv?dx=NONE",
    allowed: STAFF,
  },
  {
    route: "GET /health/explorer.xlsx",
    method: "GET",
    path: "/health/explorer.xlsx?dx=NONE",
    allowed: STAFF,
  },
  {
    route: "GET /api/analytics",
    method: "GET",
    path: "/api/analytics?dimension=dx:NONE&dimension=pe:2022&filter=ou:NONE",
    allowed: STAFF,
  },
  {
    route: "GET /api/analytics.json",
    method: "GET",
    path: "/api/analytics.json?dimension=dx:NONE&dimension=pe:2022&filter=ou:NONE",
    allowed: STAFF,
  },
  { route: "GET /manage", method: "GET", path: "/manage", allowed: STAFF },
  {
    route: "GET /manage/cycles/:cycle",
    method: "GET",
    path: "/manage/cycles/2023",
    allowed: STAFF,
  },
  {
    route: "GET /manage/cycles/:cycle/mapping",
    method: "GET",
    path: "/manage/cycles/2023/mapping",
    allowed: STAFF,
  },
  {
    route: "GET /manage/cycles/:cycle/partners/:partner",
    method: "GET",
    path: "/manage/cycles/2023/partners/psi",
    allowed: STAFF,
  },
  {
    route: "GET /manage/cycles/:cycle/tracking",
    method: "GET",
    path: "/manage/cycles/2023/tracking",
    allowed: STAFF,
  },
  {
    route: "GET /manage/cycles/:cycle/validation",
    method: "GET",
    path: "/manage/cycles/2023/validation",
    allowed: STAFF,
  },
  {
    route: "GET /manage/cycles/:cycle/report-texts",
    method: "GET",
    path: "/manage/cycles/2023/report-texts",
    allowed: SETUP,
  },
  {
    route: "GET /manage/cycles/:cycle/translations",
    method: "GET",
    path: "/manage/cycles/2022/translations",
    allowed: STAFF,
  },
  {
    route: "GET /manage/cycles/:cycle/translations/answers/:id",
    method: "GET",
    path: "/manage/cycles/2022/translations/answers/999999",
    allowed: STAFF,
  },
  {
    route: "GET /manage/cycles/:cycle/translations/indicators/:id",
    method: "GET",
    path: "/manage/cycles/2022/translations/indicators/999999",
    allowed: STAFF,
  },
  {
    route: "GET /manage/cycles/:cycle/translations/lists",
    method: "GET",
    path: "/manage/cycles/2022/translations/lists",
    allowed: STAFF,
  },
  {
    route: "GET /manage/cycles/:cycle/report-cover",
    method: "GET",
    path: "/manage/cycles/2023/report-cover",
    allowed: SETUP,
  },
  {
    route: "GET /manage/logos/:file{[0-9]+\\.png}",
    method: "GET",
    path: `/manage/logos/${NONE}.png`,
    allowed: SETUP,
  },
  { route: "GET /manage/outbox", method: "GET", path: "/manage/outbox", allowed: STAFF },
  { route: "GET /manage/users", method: "GET", path: "/manage/users", allowed: ["admin"] },
  // Personal access tokens: any staff account, for its own tokens only.
  { route: "GET /account/tokens", method: "GET", path: "/account/tokens", allowed: STAFF },
  { route: "GET /manage/acronyms", method: "GET", path: "/manage/acronyms", allowed: SETUP },
  { route: "GET /manage/outcomes", method: "GET", path: "/manage/outcomes", allowed: SETUP },
  { route: "GET /health/imports", method: "GET", path: "/health/imports", allowed: HEALTH_WRITE },
  { route: "GET /health/entry", method: "GET", path: "/health/entry", allowed: HEALTH_WRITE },
  // Saved DHIS2 connections: health.write, like the imports they start.
  {
    route: "GET /health/connections",
    method: "GET",
    path: "/health/connections",
    allowed: HEALTH_WRITE,
  },
  {
    route: "GET /health/connections/new",
    method: "GET",
    path: "/health/connections/new",
    allowed: HEALTH_WRITE,
  },
  {
    route: "GET /health/connections/:id{[0-9]+}",
    method: "GET",
    path: `/health/connections/${NONE}`,
    allowed: HEALTH_WRITE,
  },
  {
    route: "GET /health/imports/templates/:name{facility\\.csv|facility\\.xlsx|units\\.csv}",
    method: "GET",
    path: "/health/imports/templates/units.csv",
    allowed: HEALTH_WRITE,
  },
  { route: "GET /health/units", method: "GET", path: "/health/units", allowed: HEALTH_WRITE },
  // Programme monitoring: programme managers, coordinators and admins read and write; validators
  // and respondents see none of it.
  { route: "GET /programme", method: "GET", path: "/programme", allowed: PROGRAMME_STAFF },
  {
    route: "GET /programme/midwives",
    method: "GET",
    path: "/programme/midwives?date=2024-01-01",
    allowed: PROGRAMME_STAFF,
  },
  {
    route: "GET /programme/:id{[0-9]+}",
    method: "GET",
    path: `/programme/${NONE}`,
    allowed: PROGRAMME_STAFF,
  },
  {
    route: "GET /programme/:id{[0-9]+}/cards",
    method: "GET",
    path: `/programme/${NONE}/cards`,
    allowed: PROGRAMME_STAFF,
  },
  {
    route: "GET /programme/:id{[0-9]+}/cards/:file",
    method: "GET",
    path: `/programme/${NONE}/cards/1-wide.png`,
    allowed: PROGRAMME_STAFF,
  },
  {
    route: "GET /programme/:id{[0-9]+}/results",
    method: "GET",
    path: `/programme/${NONE}/results`,
    allowed: PROGRAMME_STAFF,
  },
  {
    route: "GET /programme/midwives/templates/:name{register\\.csv|register\\.xlsx}",
    method: "GET",
    path: "/programme/midwives/templates/register.csv",
    allowed: PROGRAMME_STAFF,
  },
  {
    route: "GET /programme/:id{[0-9]+}/missions",
    method: "GET",
    path: `/programme/${NONE}/missions`,
    allowed: PROGRAMME_STAFF,
  },
  {
    route: "GET /programme/:id{[0-9]+}/missions/:mid{[0-9]+}",
    method: "GET",
    path: `/programme/${NONE}/missions/${NONE}`,
    allowed: PROGRAMME_STAFF,
  },
  {
    route: "GET /programme/:id{[0-9]+}/missions/:mid{[0-9]+}/:file{report\\.[a-z]+}",
    method: "GET",
    path: `/programme/${NONE}/missions/${NONE}/report.pdf`,
    allowed: PROGRAMME_STAFF,
  },
  {
    route: "GET /programme/:id{[0-9]+}/testimonials",
    method: "GET",
    path: `/programme/${NONE}/testimonials`,
    allowed: PROGRAMME_STAFF,
  },
  {
    route: "GET /programme/:id{[0-9]+}/testimonials/:tid{[0-9]+}",
    method: "GET",
    path: `/programme/${NONE}/testimonials/${NONE}`,
    allowed: PROGRAMME_STAFF,
  },
  // A photo for a public use is anyone's to ask for (404 unless consented); staff uses need
  // a signed-in reader.
  {
    route: "GET /programme/:id{[0-9]+}/testimonials/:tid{[0-9]+}/photo",
    method: "GET",
    path: `/programme/${NONE}/testimonials/${NONE}/photo?use=public_web`,
    allowed: EVERYONE,
  },
  {
    route: "GET /programme/:id{[0-9]+}/testimonials/:tid{[0-9]+}/photo",
    method: "GET",
    path: `/programme/${NONE}/testimonials/${NONE}/photo?use=internal`,
    allowed: PROGRAMME_STAFF,
  },
  {
    route: "GET /programme/midwives/new",
    method: "GET",
    path: "/programme/midwives/new",
    allowed: PROGRAMME_WRITE,
  },
  {
    route: "GET /programme/midwives/:id{[0-9]+}",
    method: "GET",
    path: `/programme/midwives/${NONE}`,
    allowed: PROGRAMME_STAFF,
  },
  {
    route: "GET /health/units/new",
    method: "GET",
    path: "/health/units/new",
    allowed: HEALTH_WRITE,
  },
  {
    route: "GET /health/units/:id{[0-9]+}",
    method: "GET",
    path: `/health/units/${NONE}`,
    allowed: HEALTH_WRITE,
  },
  {
    route: "GET /health/imports/:id{[0-9]+}",
    method: "GET",
    path: `/health/imports/${NONE}`,
    allowed: HEALTH_WRITE,
  },
  {
    route: "GET /manage/acronyms/:id{[0-9]+}",
    method: "GET",
    path: "/manage/acronyms/1",
    allowed: SETUP,
  },
  { route: "GET /q", method: "GET", path: "/q", allowed: SIGNED_IN },
  {
    route: "GET /q/:cycle/:partner",
    method: "GET",
    path: "/q/2023/psi",
    allowed: PSI_READERS,
    hidesAsNotFound: true,
  },
  {
    route: "GET /api/q/:cycle/:partner",
    method: "GET",
    path: "/api/q/2023/psi",
    allowed: PSI_READERS,
    hidesAsNotFound: true,
  },
  {
    route: "GET /q/:cycle/:partner",
    method: "GET",
    path: "/q/2023/msi",
    allowed: ["other_respondent", ...STAFF],
    hidesAsNotFound: true,
  },
  {
    route: "GET /api/q/:cycle/:partner",
    method: "GET",
    path: "/api/q/2023/msi",
    allowed: ["other_respondent", ...STAFF],
    hidesAsNotFound: true,
  },
  {
    route: "GET /q/:cycle/:partner/:code/english",
    method: "GET",
    path: "/q/2023/psi/l/english",
    allowed: [...PSI_SIDE, ...SETUP],
    hidesAsNotFound: true,
  },
  {
    route: "GET /q/:cycle/:partner/questionnaire.xlsx",
    method: "GET",
    path: "/q/2023/psi/questionnaire.xlsx",
    allowed: PSI_READERS,
    hidesAsNotFound: true,
  },
  {
    route: "GET /q/:cycle/:partner/questionnaire.docx",
    method: "GET",
    path: "/q/2023/psi/questionnaire.docx",
    allowed: PSI_READERS,
    hidesAsNotFound: true,
  },
  {
    route: "GET /q/:cycle/:partner/questionnaire.pdf",
    method: "GET",
    path: "/q/2023/psi/questionnaire.pdf",
    allowed: PSI_READERS,
    hidesAsNotFound: true,
  },
  // Writes. Signing in with nothing typed, asking a reset for no address, using a link that is
  // not one: refused for their values, whoever sends them.
  {
    route: "POST /login",
    method: "POST",
    path: "/login",
    allowed: EVERYONE,
    body: {},
    checksCredentials: true,
  },
  {
    route: "POST /password/forgot",
    method: "POST",
    path: "/password/forgot",
    allowed: EVERYONE,
    body: { email: "" },
  },
  {
    route: "POST /password/reset/:token",
    method: "POST",
    path: "/password/reset/not-a-token",
    allowed: EVERYONE,
    body: { password: "" },
  },
  {
    route: "POST /i/:token/fresh",
    method: "POST",
    path: "/i/not-a-token/fresh",
    allowed: EVERYONE,
    body: {},
  },
  {
    route: "POST /setup/:token",
    method: "POST",
    path: "/setup/not-a-token",
    allowed: EVERYONE,
    body: {},
  },
  {
    route: "POST /health/entry",
    method: "POST",
    path: "/health/entry",
    allowed: HEALTH_WRITE,
    body: {},
  },
  {
    route: "POST /programme",
    method: "POST",
    path: "/programme",
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/:id{[0-9]+}",
    method: "POST",
    path: `/programme/${NONE}`,
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/:id{[0-9]+}/links",
    method: "POST",
    path: `/programme/${NONE}/links`,
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/:id{[0-9]+}/publication",
    method: "POST",
    path: `/programme/${NONE}/publication`,
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/:id{[0-9]+}/targets",
    method: "POST",
    path: `/programme/${NONE}/targets`,
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/:id{[0-9]+}/missions",
    method: "POST",
    path: `/programme/${NONE}/missions`,
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/:id{[0-9]+}/missions/:mid{[0-9]+}",
    method: "POST",
    path: `/programme/${NONE}/missions/${NONE}`,
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/:id{[0-9]+}/missions/:mid{[0-9]+}/visits",
    method: "POST",
    path: `/programme/${NONE}/missions/${NONE}/visits`,
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/:id{[0-9]+}/missions/:mid{[0-9]+}/recommendations",
    method: "POST",
    path: `/programme/${NONE}/missions/${NONE}/recommendations`,
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route:
      "POST /programme/:id{[0-9]+}/missions/:mid{[0-9]+}/recommendations/:rid{[0-9]+}/follow-ups",
    method: "POST",
    path: `/programme/${NONE}/missions/${NONE}/recommendations/${NONE}/follow-ups`,
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/:id{[0-9]+}/testimonials",
    method: "POST",
    path: `/programme/${NONE}/testimonials`,
    allowed: PROGRAMME_PRIVATE,
    body: {},
  },
  {
    route: "POST /programme/:id{[0-9]+}/testimonials/:tid{[0-9]+}",
    method: "POST",
    path: `/programme/${NONE}/testimonials/${NONE}`,
    allowed: PROGRAMME_PRIVATE,
    body: {},
  },
  {
    route: "POST /programme/:id{[0-9]+}/testimonials/:tid{[0-9]+}/consents",
    method: "POST",
    path: `/programme/${NONE}/testimonials/${NONE}/consents`,
    allowed: PROGRAMME_PRIVATE,
    body: {},
  },
  {
    route: "POST /programme/:id{[0-9]+}/testimonials/:tid{[0-9]+}/withdraw",
    method: "POST",
    path: `/programme/${NONE}/testimonials/${NONE}/withdraw`,
    allowed: PROGRAMME_PRIVATE,
    body: {},
  },
  {
    route: "POST /programme/:id{[0-9]+}/testimonials/:tid{[0-9]+}/photo",
    method: "POST",
    path: `/programme/${NONE}/testimonials/${NONE}/photo`,
    allowed: PROGRAMME_PRIVATE,
    body: {},
  },
  {
    route: "POST /programme/midwives",
    method: "POST",
    path: "/programme/midwives",
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/midwives/import",
    method: "POST",
    path: "/programme/midwives/import",
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/midwives/import/confirm",
    method: "POST",
    path: "/programme/midwives/import/confirm",
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/midwives/:id{[0-9]+}/deployments",
    method: "POST",
    path: `/programme/midwives/${NONE}/deployments`,
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/deployments/:id{[0-9]+}/end",
    method: "POST",
    path: `/programme/deployments/${NONE}/end`,
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /programme/midwives/:id{[0-9]+}/trainings",
    method: "POST",
    path: `/programme/midwives/${NONE}/trainings`,
    allowed: PROGRAMME_WRITE,
    body: {},
  },
  {
    route: "POST /health/units",
    method: "POST",
    path: "/health/units",
    allowed: HEALTH_WRITE,
    body: {},
  },
  {
    route: "POST /health/units/:id{[0-9]+}",
    method: "POST",
    path: `/health/units/${NONE}`,
    allowed: HEALTH_WRITE,
    body: {},
  },
  {
    route: "POST /health/imports",
    method: "POST",
    path: "/health/imports",
    allowed: HEALTH_WRITE,
    body: {},
  },
  {
    route: "POST /manage/outcomes/goals",
    method: "POST",
    path: "/manage/outcomes/goals",
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/outcomes/series",
    method: "POST",
    path: "/manage/outcomes/series",
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/outcomes/import",
    method: "POST",
    path: "/manage/outcomes/import",
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /health/connections",
    method: "POST",
    path: "/health/connections",
    allowed: HEALTH_WRITE,
    body: {},
  },
  {
    route: "POST /health/connections/:id{[0-9]+}",
    method: "POST",
    path: `/health/connections/${NONE}`,
    allowed: HEALTH_WRITE,
    body: {},
  },
  {
    route: "POST /health/connections/:id{[0-9]+}/delete",
    method: "POST",
    path: `/health/connections/${NONE}/delete`,
    allowed: HEALTH_WRITE,
    body: {},
  },
  {
    route: "POST /health/connections/:id{[0-9]+}/pull",
    method: "POST",
    path: `/health/connections/${NONE}/pull`,
    allowed: HEALTH_WRITE,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/report-cover",
    method: "POST",
    path: "/manage/cycles/2023/report-cover",
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/report-cover/logos",
    method: "POST",
    path: "/manage/cycles/2023/report-cover/logos",
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/report-cover/logos/:id{[0-9]+}/delete",
    method: "POST",
    path: `/manage/cycles/2023/report-cover/logos/${NONE}/delete`,
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/report-cover/sections",
    method: "POST",
    path: "/manage/cycles/2023/report-cover/sections",
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/report-cover/sections/:id{[0-9]+}",
    method: "POST",
    path: `/manage/cycles/2023/report-cover/sections/${NONE}`,
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/report-cover/sections/:id{[0-9]+}/delete",
    method: "POST",
    path: `/manage/cycles/2023/report-cover/sections/${NONE}/delete`,
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/acronyms",
    method: "POST",
    path: "/manage/acronyms",
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/acronyms/:id{[0-9]+}",
    method: "POST",
    path: "/manage/acronyms/1",
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/acronyms/:id{[0-9]+}/delete",
    method: "POST",
    path: `/manage/acronyms/${NONE}/delete`,
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/users",
    method: "POST",
    path: "/manage/users",
    allowed: ["admin"],
    body: { email: "" },
  },
  {
    route: "POST /account/tokens",
    method: "POST",
    path: "/account/tokens",
    allowed: STAFF,
    body: { name: "", days: "" },
  },
  {
    route: "POST /account/tokens/:id/revoke",
    method: "POST",
    path: `/account/tokens/${NONE}/revoke`,
    allowed: STAFF,
    body: {},
  },
  {
    route: "POST /manage/users/:id/disable",
    method: "POST",
    path: `/manage/users/${NONE}/disable`,
    allowed: ["admin"],
    body: {},
  },
  {
    route: "PUT /api/q/:cycle/:partner/:code",
    method: "PUT",
    path: "/api/q/2023/psi/d",
    allowed: [...PSI_SIDE, ...SETUP],
    hidesAsNotFound: true,
  },
  {
    route: "PUT /api/q/:cycle/:partner/:code",
    method: "PUT",
    path: "/api/q/2023/msi/c",
    allowed: ["other_respondent", ...SETUP],
    hidesAsNotFound: true,
  },
  {
    route: "POST /q/:cycle/:partner/:code/english",
    method: "POST",
    path: "/q/2023/psi/l/english",
    allowed: [...PSI_SIDE, ...SETUP],
    body: {},
    hidesAsNotFound: true,
  },
  {
    route: "POST /q/:cycle/:partner/:code",
    method: "POST",
    path: "/q/2023/psi/l",
    allowed: [...PSI_SIDE, ...SETUP],
    body: { contributes: "no", action: "save" },
    hidesAsNotFound: true,
  },
  // No file sent: refused as such to those who may open that questionnaire (whether they may
  // write it is decided with the file, as for the page's forms); another partner finds nothing.
  {
    route: "POST /q/:cycle/:partner/import",
    method: "POST",
    path: "/q/2023/psi/import",
    allowed: PSI_READERS,
    body: {},
    hidesAsNotFound: true,
  },
  {
    route: "POST /manage/cycles/:cycle/mapping",
    method: "POST",
    path: "/manage/cycles/2023/mapping",
    allowed: SETUP,
    body: { m: "0:0" },
  },
  {
    route: "POST /manage/cycles/:cycle/partners/:partner/invite",
    method: "POST",
    path: "/manage/cycles/2023/partners/psi/invite",
    allowed: SETUP,
    body: { email: "" },
  },
  {
    route: "POST /manage/cycles/:cycle/partners/:partner/revoke",
    method: "POST",
    path: "/manage/cycles/2023/partners/nobody/revoke",
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/cycles",
    method: "POST",
    path: "/manage/cycles",
    allowed: SETUP,
    body: { slug: "", label: "" },
  },
  // Refused for their bad values by those who may, before anything is written.
  {
    route: "POST /manage/cycles/:cycle/partners/:partner/extend",
    method: "POST",
    path: "/manage/cycles/2023/partners/psi/extend",
    allowed: SETUP,
    body: { until: "" },
  },
  {
    route: "POST /manage/cycles/:cycle/reopen-collection",
    method: "POST",
    path: "/manage/cycles/2023/reopen-collection",
    allowed: SETUP,
    body: { reason: "" },
  },
  {
    route: "POST /manage/cycles/:cycle/publish",
    method: "POST",
    path: "/manage/cycles/2023/publish",
    allowed: SETUP,
  },
  // An empty deadline: refused beside its field for those allowed, so nothing changes.
  {
    route: "POST /manage/cycles/:cycle/deadline",
    method: "POST",
    path: "/manage/cycles/2023/deadline",
    allowed: SETUP,
    body: { deadline: "" },
  },
  // State changes asked of a cycle whose state refuses them (2023 collects, 2022 is published).
  {
    route: "POST /manage/cycles/:cycle/open",
    method: "POST",
    path: "/manage/cycles/2023/open",
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/close",
    method: "POST",
    path: "/manage/cycles/2022/close",
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/reopen",
    method: "POST",
    path: "/manage/cycles/2023/reopen",
    allowed: SETUP,
    body: { reason: "" },
  },
  {
    route: "POST /manage/cycles/:cycle/report-texts",
    method: "POST",
    path: "/manage/cycles/2023/report-texts",
    allowed: SETUP,
    body: { kind: "" },
  },
  {
    route: "POST /manage/cycles/:cycle/translations/answers/:id",
    method: "POST",
    path: "/manage/cycles/2023/translations/answers/999999",
    allowed: VALIDATION,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/translations/indicators/:id",
    method: "POST",
    path: "/manage/cycles/2023/translations/indicators/999999",
    allowed: VALIDATION,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/translations/lists",
    method: "POST",
    path: "/manage/cycles/2023/translations/lists",
    allowed: VALIDATION,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/tracking/remind",
    method: "POST",
    path: "/manage/cycles/2022/tracking/remind",
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/tracking/partners/:partner/remind",
    method: "POST",
    path: "/manage/cycles/2023/tracking/partners/nobody/remind",
    allowed: SETUP,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/tracking/partners/:partner/whatsapp",
    method: "POST",
    path: "/manage/cycles/2023/tracking/partners/nobody/whatsapp",
    allowed: SETUP,
    body: {},
  },
  // No mailer in this app: those who may send are told so, nothing is sent.
  {
    route: "POST /manage/outbox/send",
    method: "POST",
    path: "/manage/outbox/send",
    allowed: SETUP,
    body: {},
  },
  {
    route: "GET /manage/cycles/:cycle/validation/verdicts",
    method: "GET",
    path: "/manage/cycles/2023/validation/verdicts",
    allowed: STAFF,
  },
  {
    route: "POST /manage/cycles/:cycle/validation/verdicts/commitments/:number",
    method: "POST",
    path: "/manage/cycles/2023/validation/verdicts/commitments/99",
    allowed: VALIDATION,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/validation/verdicts/recommendations/:id",
    method: "POST",
    path: `/manage/cycles/2023/validation/verdicts/recommendations/${NONE}`,
    allowed: VALIDATION,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/validation/meeting",
    method: "POST",
    path: "/manage/cycles/2023/validation/meeting",
    allowed: VALIDATION,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/validation/indicators/:code",
    method: "POST",
    path: "/manage/cycles/2023/validation/indicators/zz",
    allowed: VALIDATION,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/validation/answers/:id/return",
    method: "POST",
    path: `/manage/cycles/2023/validation/answers/${NONE}/return`,
    allowed: VALIDATION,
    body: {},
  },
  {
    route: "POST /manage/cycles/:cycle/validation/answers/:id/whatsapp",
    method: "POST",
    path: `/manage/cycles/2023/validation/answers/${NONE}/whatsapp`,
    allowed: SETUP,
    body: {},
  },
  // Entering with a link that is not one leaves the browser without the session it had.
  {
    route: "POST /i/:token",
    method: "POST",
    path: "/i/not-a-token",
    allowed: EVERYONE,
    body: {},
    last: true,
  },
  { route: "POST /logout", method: "POST", path: "/logout", allowed: EVERYONE, last: true },
];

// Respondents' addresses: those who write to them see them, validators and programme managers
// see that a message or a link exists, not to whom.
const CONTACT = "awa.contact@psi.test";
const CONTACT_PAGES: { path: string; shows: Who[]; hides: Who[] }[] = [
  {
    path: "/manage/outbox",
    shows: ["coordinator", "admin"],
    hides: ["validator", "programme_manager"],
  },
  {
    path: "/manage/cycles/2023/partners/psi",
    shows: ["coordinator", "admin"],
    hides: ["validator", "programme_manager"],
  },
];

function isDenied(res: Response, row: Row): boolean {
  if (res.status === 403 || (res.status === 401 && !row.checksCredentials)) return true;
  if (row.hidesAsNotFound && res.status === 404) return true;
  return res.status === 303 && (res.headers.get("location") ?? "").startsWith("/login");
}

describe.each(backends)("access rules on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const clients = new Map<Who, TestClient>();

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    clients.set("anonymous", client(app));
    await clients.get("anonymous")?.get("/login");
    clients.set("respondent", await signIn(app, ACCOUNTS.respondent.email, PASSWORD));
    clients.set("other_respondent", await signIn(app, ACCOUNTS.otherRespondent.email, PASSWORD));
    clients.set("validator", await signIn(app, ACCOUNTS.validator.email, PASSWORD));
    clients.set("programme_manager", await signIn(app, ACCOUNTS.programme_manager.email, PASSWORD));
    clients.set("coordinator", await signIn(app, ACCOUNTS.coordinator.email, PASSWORD));
    clients.set("admin", await signIn(app, ACCOUNTS.admin.email, PASSWORD));
    const link = await createInvitation(
      t.db,
      SYSTEM,
      { cycleSlug: "2023", partnerSlug: "psi", email: null, baseUrl: "http://jalon.test" },
      () => ({ subject: "", body: "" }),
      "fr",
    );
    await createInvitation(
      t.db,
      SYSTEM,
      { cycleSlug: "2023", partnerSlug: "psi", email: CONTACT, baseUrl: "http://jalon.test" },
      () => ({ subject: "Questionnaire PSI", body: `Bonjour ${CONTACT}` }),
      "fr",
    );
    const invited = client(app);
    const res = await invited.get(new URL(link.url).pathname);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/q/2023/psi");
    await invited.get("/q/2023/psi");
    clients.set("invitation", invited);
  });
  afterAll(() => t.dispose());

  it("has a row for every route of the app", () => {
    expect(missingRows(app, ROUTES)).toEqual([]);
  });

  it("finds a route added without a row", () => {
    const grown = createApp({ db: t.db, secureCookies: false, baseUrl: "" });
    grown.post("/manage/cycles/:cycle/archive", (c) => c.text("archived"));
    expect(missingRows(grown, ROUTES)).toEqual(["POST /manage/cycles/:cycle/archive"]);
  });

  /** What was wrong in running the rows as this role: allowed where denied, or the reverse. */
  async function walk(who: Who, rows: Row[]): Promise<string[]> {
    const c = clients.get(who);
    if (!c) throw new Error(who);
    const wrong: string[] = [];
    for (const route of rows) {
      // A form is posted from a page just loaded: after a session ended, the page's new token.
      if (route.last) await c.get("/login");
      let res: Response;
      if (route.method === "GET") res = await c.get(route.path);
      else if (route.method === "PUT") res = await c.send("PUT", route.path, answer);
      else res = await c.post(route.path, route.body ?? {});
      const allowed = route.allowed.includes(who);
      if (allowed === isDenied(res, route) || res.status >= 500) {
        wrong.push(
          `${route.method} ${route.path}: ${res.status} ${res.headers.get("location") ?? ""} (expected ${allowed ? "allowed" : "denied"})`,
        );
      }
    }
    return wrong;
  }

  for (const who of EVERYONE) {
    it(`applies every rule to ${who}`, async () => {
      expect(
        await walk(
          who,
          ROUTES.filter((r) => !r.last),
        ),
      ).toEqual([]);
    });
  }

  for (const row of CONTACT_PAGES) {
    for (const who of [...row.shows, ...row.hides]) {
      const shown = row.shows.includes(who);
      it(`${shown ? "shows" : "hides"} respondents' addresses on ${row.path} to ${who}`, async () => {
        const res = await clients.get(who)?.get(row.path);
        expect(res?.status).toBe(200);
        const text = (await res?.text()) ?? "";
        expect(text.includes(CONTACT)).toBe(shown);
        expect(text.includes("awa.contact")).toBe(shown);
        if (!shown) expect(text).toContain("adresse masquée");
      });
    }
  }

  it("takes the partner from the session, never from the request", async () => {
    const psi = clients.get("respondent");
    const q = await (await psi?.get("/api/q/2023/psi"))?.json();
    const d = q.commitments
      .flatMap((c: { indicators: { code: string }[] }) => c.indicators)
      .find((i: { code: string }) => i.code === "d");
    const res = await psi?.send(
      "PUT",
      "/api/q/2023/psi/d?partner=msi",
      { ...answer, partnerId: 999, cycleId: 1 },
      { "if-match": `"${d?.answer?.version ?? 0}"` },
    );
    expect(res?.status).toBe(200);
    const rows = await t.db
      .selectFrom("responses")
      .innerJoin("partners", "partners.id", "responses.partner_id")
      .innerJoin("cycles", "cycles.id", "responses.cycle_id")
      .select(["partners.slug", "cycles.slug as cycle"])
      .where("cycles.slug", "=", "2023")
      .execute();
    expect(rows.every((r) => r.slug === "psi" || r.slug === "msi")).toBe(true);
    expect(rows.filter((r) => r.slug === "msi")).toHaveLength(
      rows.filter((r) => r.slug === "msi").length,
    );
  });

  // Last: these end the sessions the other tests use.
  for (const who of EVERYONE) {
    it(`applies the session-ending rules to ${who}`, async () => {
      expect(
        await walk(
          who,
          ROUTES.filter((r) => r.last),
        ),
      ).toEqual([]);
    });
  }
});

/**
 * The routes of the app (method and pattern, as Hono lists them) that no row covers.
 * Middleware (`app.use`, listed as ALL on a wildcard path) is not a route.
 */
function missingRows(built: Hono<AppEnv>, rows: readonly Row[]): string[] {
  const covered = new Set(rows.map((r) => r.route));
  const routes = built.routes
    .filter((r) => !(r.method === "ALL" && r.path.endsWith("*")))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(routes)].filter((r) => !covered.has(r));
}
