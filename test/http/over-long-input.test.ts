// An over-long value on a workspace or sign-in form comes back on the same form (400), with
// everything typed kept and "too long: N characters at most" beside the field, and nothing
// stored; a value refused away from its form is named by the label the user read beside it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { saveAnswer } from "../../src/services/tracker/questionnaire.ts";
import { makeView } from "../../src/web/shared/view.ts";
import { fieldLabel } from "../../src/web/tracker/field-labels.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

const tooLong = (max: number) => `Ce champ est trop long\u00a0: ${max} caractères au plus.`;

/** The message shown beside the field whose control has this id, if any. */
const errorOf = (page: string, id: string) =>
  new RegExp(`<p class="error" id="${id}-e">([^<]*)</p>`).exec(page)?.[1];

/** The general page's paragraph under its heading. */
const bodyOf = (page: string) => /<h1>[^<]*<\/h1>\s*<p>([^<]*)<\/p>/.exec(page)?.[1];

describe.each(backends)("over-long values on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let admin: TestClient;
  const count = async (table: "users" | "cycles" | "acronyms" | "outbox" | "meetings") =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    admin = await signIn(app, ACCOUNTS.admin.email, PASSWORD);
  }, 120_000);
  afterAll(() => t.dispose());

  it("keeps the account form as typed, the address's limit beside it", async () => {
    const before = await count("users");
    await admin.get("/manage/users");
    const email = `${"a".repeat(400)}@jalon.test`;
    const res = await admin.post("/manage/users", {
      email,
      name: "Awa Traoré",
      role: "validator",
      partner: "",
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(errorOf(page, "f-email")).toBe(tooLong(320));
    expect(errorOf(page, "f-name")).toBeUndefined();
    expect(page).toContain(`value="${email}"`);
    expect(page).toContain('value="Awa Traoré"');
    expect(page).toMatch(/<option value="validator" selected>/);
    expect(await count("users")).toBe(before);
  });

  it("keeps the new-cycle form as typed, the label's limit beside it", async () => {
    const before = await count("cycles");
    await admin.get("/manage");
    const res = await admin.post("/manage/cycles", {
      slug: "2031",
      label: "L".repeat(500),
      labelEn: "Year 2031",
      periodStart: "2031-01-01",
      periodEnd: "2031-12-31",
      fromSlug: "",
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(errorOf(page, "f-label")).toBe(tooLong(200));
    expect(errorOf(page, "f-slug")).toBeUndefined();
    expect(page).toContain(`value="${"L".repeat(500)}"`);
    expect(page).toContain('value="2031"');
    expect(page).toContain('value="Year 2031"');
    expect(page).toContain('value="2031-12-31"');
    expect(await count("cycles")).toBe(before);
  });

  it("keeps the invitation form's address, its limit beside it, and makes no link", async () => {
    const before = await count("outbox");
    const links = () =>
      t.db
        .selectFrom("invitations")
        .select((e) => e.fn.countAll().as("n"))
        .executeTakeFirstOrThrow();
    const linksBefore = Number((await links()).n);
    await admin.get("/manage/cycles/2023/partners/psi");
    const email = `${"r".repeat(400)}@psi.example`;
    const res = await admin.post("/manage/cycles/2023/partners/psi/invite", { email });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(errorOf(page, "f-email")).toBe(tooLong(320));
    expect(page).toContain(`value="${email}"`);
    expect(await count("outbox")).toBe(before);
    expect(Number((await links()).n)).toBe(linksBefore);
  });

  it("keeps the acronym forms as typed, the meaning's limit beside it", async () => {
    const before = await count("acronyms");
    await admin.get("/manage/acronyms");
    const added = await admin.post("/manage/acronyms", {
      acronym: "CPN",
      expansion: "Consultation prénatale",
      expansion_en: "E".repeat(5000),
    });
    expect(added.status).toBe(400);
    const page = await added.text();
    expect(errorOf(page, "f-expansion_en")).toBe(tooLong(300));
    expect(errorOf(page, "f-expansion")).toBeUndefined();
    expect(page).toContain('value="CPN"');
    expect(page).toContain('value="Consultation prénatale"');
    expect(await count("acronyms")).toBe(before);
    const id = (
      await t.db.selectFrom("acronyms").select("id").orderBy("id").executeTakeFirstOrThrow()
    ).id;
    await admin.get(`/manage/acronyms/${id}`);
    const edited = await admin.post(`/manage/acronyms/${id}`, {
      expansion: "F".repeat(301),
      expansion_en: "Kept in English",
    });
    expect(edited.status).toBe(400);
    const editPage = await edited.text();
    expect(errorOf(editPage, "f-expansion")).toBe(tooLong(300));
    expect(editPage).toContain('value="Kept in English"');
  });

  it("keeps the meeting and status forms as typed, each limit beside its field", async () => {
    const meetings = await count("meetings");
    const validator = await signIn(app, ACCOUNTS.validator.email, PASSWORD);
    const page = "/manage/cycles/2023/validation";
    await validator.get(page);
    const psi = (
      await t.db
        .selectFrom("partners")
        .select("id")
        .where("slug", "=", "psi")
        .executeTakeFirstOrThrow()
    ).id;
    const meeting = await validator.post(`${page}/meeting`, {
      title: "Atelier de validation 2023",
      title_en: "T".repeat(301),
      held_on: "2024-02-20",
      place: "Bamako",
      participants: [String(psi)],
    });
    expect(meeting.status).toBe(400);
    const html = await meeting.text();
    expect(errorOf(html, "f-title_en")).toBe(tooLong(300));
    expect(errorOf(html, "f-title")).toBeUndefined();
    expect(html).toContain('value="Atelier de validation 2023"');
    expect(html).toContain('value="2024-02-20"');
    expect(html).toContain('value="Bamako"');
    expect(html).toMatch(new RegExp(`value="${psi}" checked`));
    expect(await count("meetings")).toBe(meetings);

    const status = await validator.post(`${page}/indicators/d`, {
      status: "on_track",
      narrative: "N".repeat(5001),
      narrative_en: "Kept as typed",
    });
    expect(status.status).toBe(400);
    const statusPage = await status.text();
    expect(statusPage).toContain(tooLong(5000).replace("5000", "5\u00a0000"));
    expect(statusPage).toContain("Kept as typed");
  });

  it("keeps the send-back comment, its limit beside it, and leaves the answer as it was", async () => {
    const user = await t.db
      .selectFrom("users")
      .select(["id", "partner_id", "name"])
      .where("email", "=", ACCOUNTS.respondent.email)
      .executeTakeFirstOrThrow();
    const saved = await saveAnswer(
      t.db,
      { kind: "user", userId: user.id, role: "respondent", partnerId: user.partner_id, name: "" },
      {
        cycleSlug: "2023",
        partnerSlug: "psi",
        indicatorCode: "d",
        answer: {
          contributes: "no",
          activities: null,
          collaboratorIds: [],
          collaboratorsText: null,
          difficulties: null,
          outputs: [],
          evidence: [],
        },
        ifMatch: 0,
        clientId: null,
        submit: true,
      },
      "fr",
    );
    expect(saved.outcome).not.toBe("stale");
    const answer = await t.db
      .selectFrom("responses")
      .select(["id", "state"])
      .where("partner_id", "=", user.partner_id ?? 0)
      .where("state", "=", "submitted")
      .executeTakeFirstOrThrow();
    const validator = await signIn(app, ACCOUNTS.validator.email, PASSWORD);
    await validator.get("/manage/cycles/2023/validation");
    const comment = `Précisez les chiffres. ${"c".repeat(2100)}`;
    const res = await validator.post(`/manage/cycles/2023/validation/answers/${answer.id}/return`, {
      comment,
    });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(tooLong(2000).replace("2000", "2\u00a0000"));
    expect(html).toContain(comment);
    const after = await t.db
      .selectFrom("responses")
      .select("state")
      .where("id", "=", answer.id)
      .executeTakeFirstOrThrow();
    expect(after.state).toBe("submitted");
  });

  it("keeps the sign-in and forgotten-password forms' address, its limit beside it", async () => {
    const visitor = client(app);
    await visitor.get("/login");
    const email = `${"v".repeat(400)}@jalon.test`;
    const login = await visitor.post("/login?lang=en", {
      email,
      password: "x".repeat(300),
      next: "/q",
    });
    expect(login.status).toBe(400);
    const page = await login.text();
    expect(errorOf(page, "f-email")).toBe("This field is too long: 320 characters at most.");
    expect(errorOf(page, "f-password")).toBe("This field is too long: 200 characters at most.");
    expect(page).toContain(`value="${email}"`);
    expect(page).toContain('name="next" value="/q"');
    // The password is never written back into the page.
    expect(page).not.toContain("x".repeat(300));
    await visitor.get("/password/forgot");
    const forgot = await visitor.post("/password/forgot?lang=en", { email });
    expect(forgot.status).toBe(400);
    const forgotPage = await forgot.text();
    expect(errorOf(forgotPage, "f-email")).toBe("This field is too long: 320 characters at most.");
    expect(forgotPage).toContain(`value="${email}"`);
  });

  it("keeps the reopening reason, its limit beside it, and leaves the cycle where it was", async () => {
    const coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    await coordinator.get("/manage/cycles/2023");
    expect((await coordinator.post("/manage/cycles/2023/close", {})).status).toBe(303);
    await coordinator.get("/manage/cycles/2023");
    const reason = `Une réponse manque. ${"r".repeat(2100)}`;
    const res = await coordinator.post("/manage/cycles/2023/reopen-collection", { reason });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain(tooLong(2000).replace("2000", "2\u00a0000"));
    expect(html).toContain(reason);
    const cycle = await t.db
      .selectFrom("cycles")
      .select("state")
      .where("slug", "=", "2023")
      .executeTakeFirstOrThrow();
    expect(cycle.state).toBe("validation");
  });

  it("has a label for every field a form shows, to name it in messages", async () => {
    const coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    const psi = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    const pages: [TestClient, string][] = [
      [admin, "/manage"],
      [admin, "/manage/users"],
      [admin, "/manage/acronyms"],
      [admin, "/manage/cycles/2023"],
      [admin, "/manage/cycles/2023/mapping"],
      [admin, "/manage/cycles/2023/partners/psi"],
      [admin, "/manage/cycles/2023/validation"],
      [admin, "/manage/cycles/2023/report-texts"],
      [admin, "/manage/cycles/2023/tracking"],
      [coordinator, "/manage/cycles/2023"],
      [psi, "/q/2023/psi"],
      [client(app), "/login"],
      [client(app), "/password/forgot"],
    ];
    const names = new Set<string>();
    for (const [who, path] of pages) {
      const html = await (await who.get(path)).text();
      for (const form of html.matchAll(/<form\b[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/g)) {
        for (const tag of (form[1] ?? "").matchAll(/<(input|textarea|select)\b([^>]*)>/g)) {
          const attrs = tag[2] ?? "";
          // Hidden and read-only fields are never typed into, so never refused to a user.
          if (/type="(hidden|submit)"|\breadonly\b/.test(attrs)) continue;
          const name = /\bname="([^"]+)"/.exec(attrs)?.[1];
          if (name) names.add(name);
        }
      }
    }
    expect(names.size).toBeGreaterThan(30);
    for (const lang of ["fr", "en"] as const) {
      const view = makeView(lang, "/");
      const missing = [...names].filter((name) => !fieldLabel(view, name));
      expect(missing).toEqual([]);
    }
  });

  it("names a field refused away from its form by its label, never by its technical name", async () => {
    const visitor = client(app);
    await visitor.get("/login");
    const nul = await visitor.post("/login", { email: "a\u0000@jalon.test", password: "x" });
    expect(nul.status).toBe(400);
    expect(bodyOf(await nul.text())).toMatch(
      /^Le champ « Adresse e-mail » contient un caractère nul/,
    );
    const psi = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    await psi.get("/q/2023/psi");
    const form = { version: "0", contributes: "yes", collaboratorsText: "Jhpiego\u0000" };
    const english = await psi.post("/q/2023/psi/d?lang=en", form);
    expect(english.status).toBe(400);
    expect(bodyOf(await english.text())).toBe(
      "The field “Other partners (not listed)” holds a null character (U+0000), which no text may contain: nothing was saved.",
    );
    // A name no form shows is not printed: the message names no field.
    const unknown = await psi.post("/q/2023/psi/d?lang=en", {
      version: "0",
      zz_internal: "\u0000",
    });
    const unknownPage = await unknown.text();
    expect(unknown.status).toBe(400);
    expect(bodyOf(unknownPage)).toBe(
      "One of the fields holds a null character (U+0000), which no text may contain: nothing was saved.",
    );
    expect(unknownPage).not.toContain("zz_internal");
    const version = await psi.post("/q/2023/psi/d?lang=en", { version: "v2" });
    expect(version.status).toBe(400);
    expect(bodyOf(await version.text())).toBe(
      "One of the values entered is not allowed (too long, malformed or unknown): nothing was saved.",
    );
  });
});
