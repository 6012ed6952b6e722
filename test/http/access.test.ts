// The access rules, route by route and role by role: every row says who may and who may not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { createInvitation } from "../../src/services/tracker/invitations.ts";
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

interface Row {
  method: "GET" | "POST" | "PUT";
  path: string;
  allowed: Who[];
  body?: Record<string, string>;
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

// Writes come last in each role's run and are chosen so that an allowed one changes nothing
// that a later row depends on.
const ROUTES: Row[] = [
  { method: "GET", path: "/", allowed: EVERYONE },
  { method: "GET", path: "/partners/psi", allowed: EVERYONE },
  { method: "GET", path: "/manage", allowed: STAFF },
  { method: "GET", path: "/manage/cycles/2023", allowed: STAFF },
  { method: "GET", path: "/manage/cycles/2023/mapping", allowed: STAFF },
  { method: "GET", path: "/manage/cycles/2023/partners/psi", allowed: STAFF },
  { method: "GET", path: "/manage/cycles/2023/tracking", allowed: STAFF },
  {
    method: "GET",
    path: "/manage/cycles/2023/validation",
    allowed: STAFF,
  },
  { method: "GET", path: "/manage/outbox", allowed: STAFF },
  { method: "GET", path: "/manage/users", allowed: ["admin"] },
  { method: "GET", path: "/manage/acronyms", allowed: ["coordinator", "admin"] },
  { method: "GET", path: "/manage/acronyms/1", allowed: ["coordinator", "admin"] },
  { method: "POST", path: "/manage/acronyms", allowed: ["coordinator", "admin"], body: {} },
  { method: "POST", path: "/manage/users", allowed: ["admin"], body: { email: "" } },
  { method: "GET", path: "/q/2023/psi", allowed: [...PSI_SIDE, ...STAFF] },
  { method: "GET", path: "/api/q/2023/psi", allowed: [...PSI_SIDE, ...STAFF] },
  { method: "GET", path: "/q/2023/msi", allowed: ["other_respondent", ...STAFF] },
  { method: "GET", path: "/api/q/2023/msi", allowed: ["other_respondent", ...STAFF] },
  { method: "PUT", path: "/api/q/2023/psi/d", allowed: [...PSI_SIDE, "coordinator", "admin"] },
  {
    method: "PUT",
    path: "/api/q/2023/msi/c",
    allowed: ["other_respondent", "coordinator", "admin"],
  },
  {
    method: "POST",
    path: "/q/2023/psi/l",
    allowed: [...PSI_SIDE, "coordinator", "admin"],
    body: { contributes: "no", action: "save" },
  },
  {
    method: "POST",
    path: "/manage/cycles/2023/mapping",
    allowed: ["coordinator", "admin"],
    body: { m: "0:0" },
  },
  {
    method: "POST",
    path: "/manage/cycles/2023/partners/psi/invite",
    allowed: ["coordinator", "admin"],
    body: { email: "" },
  },
  {
    method: "POST",
    path: "/manage/cycles",
    allowed: ["coordinator", "admin"],
    body: { slug: "", label: "" },
  },
  // Refused for their bad values by those who may, before anything is written.
  {
    method: "POST",
    path: "/manage/cycles/2023/partners/psi/extend",
    allowed: ["coordinator", "admin"],
    body: { until: "" },
  },
  {
    method: "POST",
    path: "/manage/cycles/2023/reopen-collection",
    allowed: ["coordinator", "admin"],
    body: { reason: "" },
  },
  { method: "POST", path: "/manage/cycles/2023/publish", allowed: ["coordinator", "admin"] },
  // An empty deadline: refused beside its field for those allowed, so nothing changes.
  {
    method: "POST",
    path: "/manage/cycles/2023/deadline",
    allowed: ["coordinator", "admin"],
    body: { deadline: "" },
  },
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

function isDenied(res: Response): boolean {
  if ([401, 403, 404].includes(res.status)) return true;
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

  for (const who of EVERYONE) {
    it(`applies every rule to ${who}`, async () => {
      const c = clients.get(who);
      if (!c) throw new Error(who);
      const wrong: string[] = [];
      for (const route of ROUTES) {
        let res: Response;
        if (route.method === "GET") res = await c.get(route.path);
        else if (route.method === "PUT") res = await c.send("PUT", route.path, answer);
        else res = await c.post(route.path, route.body ?? {});
        const allowed = route.allowed.includes(who);
        if (allowed === isDenied(res) || res.status >= 500) {
          wrong.push(
            `${route.method} ${route.path}: ${res.status} ${res.headers.get("location") ?? ""} (expected ${allowed ? "allowed" : "denied"})`,
          );
        }
      }
      expect(wrong).toEqual([]);
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
});
