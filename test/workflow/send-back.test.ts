// The send-back loop after collection, over HTTP: a partner invited by link answers, collection
// closes, the validation meeting sends an answer back, the partner is told by e-mail with a
// fresh link (and the coordinator gets one for WhatsApp), corrects and sends it again, the
// validator validates, the cycle is published after a confirmation. Also: collection extended
// for one partner, and collection reopened with a reason kept in the audit log.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "../../src/domain/shared/format.ts";
import type { createApp } from "../../src/http/app.ts";
import { deliverPending } from "../../src/services/shared/mail.ts";
import { invitationLinks } from "../../src/services/tracker/invitations.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

const CYCLE = "/manage/cycles/2023";
const VALIDATION = `${CYCLE}/validation`;
const ADDRESS = "point-focal@unfpa.test";
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const answerForm = (activities: string, action: "save" | "submit", version = "0") => ({
  version,
  contributes: "yes",
  activities,
  action,
});

describe.each(backends)("the send-back loop on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestClient;
  let validator: TestClient;
  /** The first two indicators UNFPA is asked about in 2023, and one AMPPF is asked about. */
  let codes: string[];
  let amppfCode: string;

  const mappedCodes = async (partner: string) =>
    (
      await t.db
        .selectFrom("mappings as m")
        .innerJoin("cycles as c", "c.id", "m.cycle_id")
        .innerJoin("partners as p", "p.id", "m.partner_id")
        .innerJoin("indicators as i", "i.id", "m.indicator_id")
        .select("i.code")
        .where("c.slug", "=", "2023")
        .where("p.slug", "=", partner)
        .orderBy("i.code")
        .execute()
    ).map((r) => r.code);
  const answerOf = (partner: string, code: string) =>
    t.db
      .selectFrom("responses as r")
      .innerJoin("cycles as c", "c.id", "r.cycle_id")
      .innerJoin("partners as p", "p.id", "r.partner_id")
      .innerJoin("indicators as i", "i.id", "r.indicator_id")
      .select(["r.id", "r.state", "r.activities", "r.return_comment", "r.version"])
      .where("c.slug", "=", "2023")
      .where("p.slug", "=", partner)
      .where("i.code", "=", code)
      .executeTakeFirstOrThrow();
  const cycleState = async () =>
    (
      await t.db
        .selectFrom("cycles")
        .select("state")
        .where("slug", "=", "2023")
        .executeTakeFirstOrThrow()
    ).state;
  /** Opens a link the way a partner does: a new browser, the link, then the questionnaire. */
  const follow = async (url: string) => {
    const partner = client(app);
    const res = await partner.get(new URL(url).pathname);
    return { partner, res };
  };
  const invite = async (partner: string, email: string) => {
    await coordinator.get(`${CYCLE}/partners/${partner}`);
    return coordinator.post(`${CYCLE}/partners/${partner}/invite`, { email });
  };
  const linkIn = (html: string) =>
    /value="(http:\/\/jalon\.test\/i\/[A-Za-z0-9_-]+)"/.exec(html)?.[1];

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    validator = await signIn(app, ACCOUNTS.validator.email, PASSWORD);
    codes = (await mappedCodes("unfpa")).slice(0, 2);
    amppfCode = (await mappedCodes("amppf"))[0] ?? "";
    expect(codes).toHaveLength(2);
    expect(amppfCode).not.toBe("");
  });
  afterAll(() => t.dispose());

  let session: TestClient;
  let returnedId: number;

  it("collects by link, then closing collection ends the partner's session", async () => {
    const invited = await invite("unfpa", ADDRESS);
    expect(invited.status).toBe(200);
    const { partner, res } = await follow(linkIn(await invited.text()) ?? "");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/q/2023/unfpa");
    session = partner;
    // While the cycle collects, the cycle's deadline is the one that applies.
    expect(await (await session.get("/q/2023/unfpa")).text()).toContain(
      `À renvoyer avant le ${formatDate("fr", "2024-02-15")}.`,
    );
    for (const code of codes) {
      const sent = await session.post(
        `/q/2023/unfpa/${code}`,
        answerForm(`Appui ${code}`, "submit"),
      );
      expect(sent.status).toBe(303);
    }
    expect((await coordinator.post(`${CYCLE}/close`, {})).status).toBe(303);
    expect(await cycleState()).toBe("validation");
    const closed = await session.get("/q/2023/unfpa");
    // The partner reads why, with the sign-in offered to those who have an account.
    expect(closed.status).toBe(401);
    const page = await closed.text();
    expect(page).toContain("Ce lien n’ouvre plus le questionnaire");
    expect(page).toContain('href="/login?next=%2Fq%2F2023%2Funfpa"');
  });

  it("sends an answer back in the meeting: the partner gets an e-mail with a fresh link", async () => {
    const answer = await answerOf("unfpa", codes[0] ?? "");
    returnedId = answer.id;
    await validator.get(VALIDATION);
    const res = await validator.post(`${VALIDATION}/answers/${answer.id}/return`, {
      comment: "Précisez le nombre de sages-femmes appuyées.",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      `${VALIDATION}?saved=a-${answer.id}&emailed=1#a-${answer.id}`,
    );
    const page = await (await validator.get(res.headers.get("location") ?? "")).text();
    expect(page).toContain(
      "Réponse de UNFPA renvoyée pour correction. 1 e-mail avec un nouveau lien mis dans la file d’envoi.",
    );
    // A validator may not hand out links; the coordinator can.
    expect(page).not.toContain(`/answers/${answer.id}/whatsapp`);
    expect((await validator.post(`${VALIDATION}/answers/${answer.id}/whatsapp`, {})).status).toBe(
      403,
    );
    const mail = await t.db
      .selectFrom("outbox")
      .selectAll()
      .where("kind", "=", "send_back")
      .executeTakeFirstOrThrow();
    expect(mail.recipient).toBe(ADDRESS);
    expect(mail.subject).toContain("UNFPA");
    expect(mail.body).toContain("Précisez le nombre de sages-femmes appuyées.");
    const audited = await t.db
      .selectFrom("audit_log")
      .select("after")
      .where("entity", "=", "outbox")
      .where("entity_id", "=", String(mail.id))
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audited.after)).not.toContain("/i/");

    // The outbox keeps no live token: the link is made as the message leaves.
    expect(mail.body).toContain("http://jalon.test/i/{jalon-link}");
    const delivered: string[] = [];
    await deliverPending(
      t.db,
      {
        from: "jalon@jalon.test",
        send: async (m) => {
          delivered.push(m.text);
        },
      },
      invitationLinks,
    );
    const link =
      /http:\/\/jalon\.test\/i\/[A-Za-z0-9_-]{40,}/.exec(delivered.join("\n"))?.[0] ?? "";
    expect(link).not.toBe("");
    const { partner, res: opened } = await follow(link);
    expect(opened.status).toBe(303);
    session = partner;
    const q = await (await session.get("/q/2023/unfpa")).text();
    expect(q).toContain("La collecte est close. Vous pouvez encore corriger les réponses");
    // The cycle's deadline no longer applies once collection is closed.
    expect(q).not.toContain("À renvoyer avant");
    expect(q).toContain("Précisez le nombre de sages-femmes appuyées.");
    // The summary lists what can still be done: not the indicators closed to the partner.
    expect(q).not.toContain("Reste à faire");
    const form = (code: string) => {
      const start = q.indexOf(`id="i-${code}"`);
      return q.slice(start, q.indexOf("</form>", start));
    };
    expect(form(codes[0] ?? "")).not.toContain(" disabled");
    expect(form(codes[1] ?? "")).toContain("<fieldset disabled>");
  });

  it("hands the coordinator a fresh link for WhatsApp", async () => {
    await coordinator.get(VALIDATION);
    const res = await coordinator.post(`${VALIDATION}/answers/${returnedId}/whatsapp`, {});
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const page = await res.text();
    expect(page).toContain("https://wa.me/?text=");
    expect(page).toContain("vous est renvoyée pour correction");
    const { res: opened } = await follow(linkIn(page) ?? "");
    expect(opened.headers.get("location")).toBe("/q/2023/unfpa");
  });

  it("lets the partner correct and send again only the answer sent back", async () => {
    const [returned, other] = codes as [string, string];
    const version = String(
      (
        await t.db
          .selectFrom("responses")
          .select("version")
          .where("id", "=", returnedId)
          .executeTakeFirstOrThrow()
      ).version,
    );
    const saved = await session.post(
      `/q/2023/unfpa/${returned}`,
      answerForm("Appui à 40 sages-femmes", "save", version),
    );
    expect(saved.status).toBe(303);
    // Saved without sending: still sent back, still open to its partner.
    expect(await answerOf("unfpa", returned)).toMatchObject({ state: "returned" });
    const refused = await session.post(`/q/2023/unfpa/${other}`, answerForm("Réécrit", "save"));
    expect(refused.status).toBe(409);
    const api = await session.send(
      "PUT",
      `/api/q/2023/unfpa/${other}`,
      {
        answer: {
          contributes: "yes",
          activities: "Réécrit par l’API",
          collaboratorIds: [],
          collaboratorsText: null,
          difficulties: null,
          outputs: [],
          evidence: [],
        },
      },
      { "if-match": `"${(await answerOf("unfpa", other)).version}"` },
    );
    expect(api.status).toBe(409);
    expect((await answerOf("unfpa", other)).activities).toBe(`Appui ${other}`);
    const sent = await session.post(
      `/q/2023/unfpa/${returned}`,
      answerForm("Appui à 40 sages-femmes", "submit", String(Number(version) + 1)),
    );
    expect(sent.status).toBe(303);
    expect(await answerOf("unfpa", returned)).toMatchObject({
      state: "submitted",
      activities: "Appui à 40 sages-femmes",
      return_comment: null,
    });
    // Nothing is sent back any more: the link's session has nothing left to open.
    const ended = await session.get("/q/2023/unfpa");
    expect(ended.status).toBe(401);
    expect(await ended.text()).toContain("Ce lien n’ouvre plus le questionnaire");
  });

  it("extends collection for one partner only", async () => {
    const bad = await coordinator.post(`${CYCLE}/partners/amppf/extend`, { until: day(-1) });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Choisissez une date valide, à partir d’aujourd’hui.");
    expect((await invite("amppf", "amppf@jalon.test")).status).toBe(409);
    const ok = await coordinator.post(`${CYCLE}/partners/amppf/extend`, { until: day(3) });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("Collecte de AMPPF prolongée jusqu’au");
    const audit = await t.db
      .selectFrom("audit_log")
      .select("after")
      .where("entity", "=", "collection_extensions")
      .executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ until: day(3) });

    const invited = await invite("amppf", "amppf@jalon.test");
    expect(invited.status).toBe(200);
    const { partner } = await follow(linkIn(await invited.text()) ?? "");
    const q = await (await partner.get("/q/2023/amppf")).text();
    expect(q).toContain("Votre collecte est prolongée jusqu’au");
    expect(q).toContain(`À renvoyer avant le ${formatDate("fr", day(3))}.`);
    const sent = await partner.post(
      `/q/2023/amppf/${amppfCode}`,
      answerForm("Après la clôture", "submit"),
    );
    expect(sent.status).toBe(303);
    expect(await answerOf("amppf", amppfCode)).toMatchObject({ state: "submitted" });
    // Another partner's collection is closed: no new link for it.
    expect((await invite("unfpa", ADDRESS)).status).toBe(409);
    // Once its last day has passed, the extended partner's session ends too.
    await t.db
      .updateTable("collection_extensions")
      .set({ until: day(-1) })
      .execute();
    const ended = await partner.get("/q/2023/amppf");
    expect(ended.status).toBe(401);
    expect(await ended.text()).toContain("Ce lien n’ouvre plus le questionnaire");
  });

  it("validates, then publishes only once confirmed, and says it is done", async () => {
    await validator.get(VALIDATION);
    const assessed = await validator.post(`${VALIDATION}/indicators/${codes[0]}`, {
      status: "achieved",
    });
    expect(assessed.status).toBe(303);
    expect(await answerOf("unfpa", codes[0] ?? "")).toMatchObject({ state: "validated" });

    const overview = await (await coordinator.get(CYCLE)).text();
    expect(overview).toContain('name="confirm" value="1" required');
    const unconfirmed = await coordinator.post(`${CYCLE}/publish`, {});
    expect(unconfirmed.status).toBe(400);
    expect(await unconfirmed.text()).toContain("Cochez la case pour confirmer la publication.");
    expect(await cycleState()).toBe("validation");
    const published = await coordinator.post(`${CYCLE}/publish`, { confirm: "1" });
    expect(published.status).toBe(303);
    expect(published.headers.get("location")).toBe(`${CYCLE}?done=published`);
    const done = await (await coordinator.get(`${CYCLE}?done=published`)).text();
    expect(done).toContain("Période publiée. Elle est maintenant visible de tous.");
    expect(done).toContain('href="/cycles/2023"');
    expect((await client(app).get("/cycles/2023")).status).toBe(200);
  });

  it("reopens collection only with a reason, kept in the audit log", async () => {
    await coordinator.get(CYCLE);
    const back = await coordinator.post(`${CYCLE}/reopen`, { reason: "Erreur sur un statut" });
    expect(back.status).toBe(303);
    const overview = await (await coordinator.get(CYCLE)).text();
    expect(overview).toContain(`action="${CYCLE}/reopen-collection"`);
    const bad = await coordinator.post(`${CYCLE}/reopen-collection`, { reason: "oui" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Indiquez la raison (5 caractères au moins).");
    expect(await cycleState()).toBe("validation");
    const ok = await coordinator.post(`${CYCLE}/reopen-collection`, {
      reason: "Deux partenaires n’ont pas pu répondre",
    });
    expect(ok.status).toBe(303);
    expect(await cycleState()).toBe("collection");
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("entity", "=", "cycles")
      .execute();
    expect(audit.map((a) => a.after)).toContainEqual({
      state: "collection",
      reason: "Deux partenaires n’ont pas pu répondre",
    });
    // A validator may neither close nor reopen collection.
    await validator.get(VALIDATION);
    expect((await validator.post(`${CYCLE}/close`, {})).status).toBe(403);
    const refused = await validator.post(`${CYCLE}/reopen-collection`, { reason: "Une raison" });
    expect(refused.status).toBe(403);
    // Every partner may answer again: a new link for UNFPA works.
    expect((await invite("unfpa", ADDRESS)).status).toBe(200);
  });
});
