// The outbox never holds a usable link: invitations, reminders and password resets are queued
// with a placeholder, the token is made at sending (only its hash stored), a failed send revokes
// the link it made, and messages queued before the change lose their tokens (migration 0010).
import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { up as scrubLinks } from "../../src/db/migrations/0010_outbox_links.ts";
import type { createApp } from "../../src/http/app.ts";
import { deliverPending, type Mailer } from "../../src/services/shared/mail.ts";
import { invitationLinks } from "../../src/services/tracker/invitations.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, collectionWorld, PASSWORD } from "../support/world.ts";

/** Anything in a stored text that looks like one of our link tokens (32 random bytes). */
const TOKEN = /\/(i|password\/reset)\/[A-Za-z0-9_-]{16,}/;

describe.each(backends)("links in the outbox on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let coordinator: TestClient;
  const delivered: { to: string; text: string }[] = [];
  const mailer: Mailer = {
    from: "jalon@jalon.test",
    send: async (m) => {
      delivered.push({ to: m.to, text: m.text });
    },
  };
  const bodies = async () =>
    (await t.db.selectFrom("outbox").select(["body", "sent_at"]).orderBy("id").execute()).map(
      (r) => r.body,
    );

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
  }, 120_000);
  afterAll(() => t.dispose());

  it("queues invitations, reminders and resets without a token, and sends working links", async () => {
    await coordinator.post("/manage/cycles/2023/partners/amppf/invite", {
      email: "point-focal@amppf.ml",
    });
    await coordinator.post("/manage/cycles/2023/tracking/partners/msi/remind", {});
    const visitor = client(app);
    await visitor.get("/password/forgot");
    await visitor.post("/password/forgot", { email: ACCOUNTS.respondent.email });

    const queued = await bodies();
    expect(queued).toHaveLength(3);
    for (const body of queued) {
      expect(body).not.toMatch(TOKEN);
      expect(body).toContain("{jalon-link}");
    }
    // The staff page shows them with the link hidden.
    const page = await (await coordinator.get("/manage/outbox")).text();
    expect(page).toContain("http://jalon.test/i/…");
    expect(page).not.toContain("{jalon-link}");

    expect(await deliverPending(t.db, mailer, invitationLinks)).toEqual({ sent: 3, failed: 0 });
    // Nothing readable afterwards either: the bodies are as they were queued.
    expect(await bodies()).toEqual(queued);
    const texts = delivered.map((d) => d.text).join("\n");
    expect(texts).not.toContain("{jalon-link}");

    const invite = /http:\/\/jalon\.test(\/i\/[A-Za-z0-9_-]{40,})/.exec(delivered[0]?.text ?? "");
    const opened = await client(app).get(invite?.[1] ?? "/i/x");
    expect(opened.headers.get("location")).toBe("/q/2023/amppf");
    const remind = /http:\/\/jalon\.test(\/i\/[A-Za-z0-9_-]{40,})/.exec(delivered[1]?.text ?? "");
    expect((await client(app).get(remind?.[1] ?? "/i/x")).headers.get("location")).toBe(
      "/q/2023/msi",
    );
    const reset = /http:\/\/jalon\.test(\/password\/reset\/[A-Za-z0-9_-]{40,})/.exec(
      delivered[2]?.text ?? "",
    );
    expect(reset).not.toBeNull();
    const setter = client(app);
    await setter.get(reset?.[1] ?? "");
    const done = await setter.post(reset?.[1] ?? "", { password: "un nouveau mot de passe" });
    expect(done.status).toBe(200);
    await signIn(app, ACCOUNTS.respondent.email, "un nouveau mot de passe");
    // The token's hash, not the token, is what the database holds.
    const hashes = await t.db.selectFrom("invitations").select("token_hash").execute();
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h.token_hash))).toBe(true);
  });

  it("revokes the link it made when the mail server refuses the message", async () => {
    await coordinator.post("/manage/cycles/2023/partners/jhpiego/invite", {
      email: "refuse@jhpiego.org",
    });
    const live = async () =>
      (
        await t.db
          .selectFrom("invitations")
          .select("id")
          .where("email", "=", "refuse@jhpiego.org")
          .where("revoked_at", "is", null)
          .execute()
      ).length;
    const before = await live();
    const refusing: Mailer = {
      from: "jalon@jalon.test",
      send: async () => {
        throw new Error("550 mailbox unavailable");
      },
    };
    expect(await deliverPending(t.db, refusing, invitationLinks)).toEqual({ sent: 0, failed: 1 });
    expect(await live()).toBe(before);
  });

  it("takes the tokens out of messages queued before", async () => {
    const live = "http://jalon.test/i/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    const reset = "http://jalon.test/password/reset/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    const rows = await t.db
      .insertInto("outbox")
      .values([
        { recipient: "a@x.ml", subject: "s", body: `Lien : ${live}\nFin`, kind: "invitation" },
        { recipient: "b@x.ml", subject: "s", body: `Lien : ${reset}`, kind: "password_reset" },
      ])
      .returning("id")
      .execute();
    await t.db
      .updateTable("outbox")
      .set({ sent_at: sql`now()` })
      .where("id", "=", rows[1]?.id ?? 0)
      .execute();
    await scrubLinks(t.db as unknown as Kysely<unknown>);
    const after = await t.db
      .selectFrom("outbox")
      .select("body")
      .where(
        "id",
        "in",
        rows.map((r) => r.id),
      )
      .orderBy("id")
      .execute();
    expect(after.map((r) => r.body)).toEqual([
      "Lien : http://jalon.test/i/{jalon-link}\nFin",
      "Lien : http://jalon.test/password/reset/…",
    ]);
  });
});
