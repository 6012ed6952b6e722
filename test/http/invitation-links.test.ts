// Invitation links as respondents meet them: reopened in the same browser they go back in,
// elsewhere they offer a fresh link by e-mail (same answer with or without an address, limited
// per invitation and per client), a signed-in account is asked before being replaced, link
// sessions have no sign-out; and the pieces that make the questionnaire work offline.

import { describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { deliverPending } from "../../src/services/shared/mail.ts";
import {
  createInvitation,
  invitationLinks,
  revokePartnerLinks,
} from "../../src/services/tracker/invitations.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, PASSWORD, SYSTEM, useCollectionWorld } from "../support/world.ts";

const answer = {
  answer: {
    contributes: "yes",
    activities: "Formation de 30 prestataires",
    collaboratorIds: [],
    collaboratorsText: null,
    difficulties: null,
    outputs: [],
    evidence: [],
  },
  submit: false,
};

describe.each(backends)("invitation links on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  useCollectionWorld(backend, (w) => ({ t, app } = w));

  async function link(email: string | null, partnerSlug = "psi"): Promise<string> {
    const { url } = await createInvitation(
      t.db,
      SYSTEM,
      { cycleSlug: "2023", partnerSlug, email, baseUrl: "http://jalon.test" },
      (m) => ({ subject: "Invitation", body: m.url }),
      "fr",
    );
    return new URL(url).pathname;
  }

  const mailsTo = async (recipient: string) =>
    (
      await t.db
        .selectFrom("outbox")
        .select("body")
        .where("recipient", "=", recipient)
        .orderBy("id")
        .execute()
    ).map((m) => m.body);

  /** A page's main text, without the CSRF token that differs between two pages. */
  const main = async (res: Response) =>
    (/<main id="main">([\s\S]*)<\/main>/.exec(await res.text())?.[1] ?? "").replace(
      /name="_csrf" value="[^"]*"/g,
      "",
    );

  it("goes back in when the same browser opens its link again, with no sign-out", async () => {
    const path = await link("terrain@psi.example.org");
    const phone = client(app);
    const first = await phone.get(path);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("/q/2023/psi");
    expect(first.headers.get("referrer-policy")).toBe("no-referrer");
    const session = phone.cookies.get("jalon_session");
    const again = await phone.get(path);
    expect(again.status).toBe(303);
    expect(again.headers.get("location")).toBe("/q/2023/psi");
    expect(phone.cookies.get("jalon_session")).toBe(session);
    const page = await (await phone.get("/q/2023/psi")).text();
    expect(page).not.toContain('action="/logout"');
    expect(page).toContain("Accès par lien d’invitation");
    expect(page).toMatch(/data-owner="i\d+"/);
    expect(page).toContain('<link rel="manifest" href="/manifest.webmanifest">');

    // Another link session replaced the cookie (a shared phone): the first link still goes back.
    await phone.get(await link(null));
    expect(phone.cookies.get("jalon_session")).not.toBe(session);
    const back = await phone.get(path);
    expect(back.headers.get("location")).toBe("/q/2023/psi");
    expect(phone.cookies.get("jalon_session")).toBe(session);
  });

  it("offers a fresh link elsewhere, saying the same with or without an address", async () => {
    const withAddress = await link("relais@psi.example.org");
    const without = await link(null);
    for (const path of [withAddress, without]) await client(app).get(path);
    const before = await mailsTo("relais@psi.example.org");

    const answers: string[] = [];
    for (const path of [withAddress, without]) {
      const other = client(app);
      const offer = await other.get(path);
      expect(offer.status).toBe(410);
      const text = await main(offer);
      expect(text).toContain("Lien déjà ouvert");
      expect(text).toContain(`action="${path}/fresh"`);
      const sent = await other.post(`${path}/fresh`, {});
      expect(sent.status).toBe(200);
      answers.push(await main(sent));
    }
    expect(answers[0]).toContain("un nouveau lien vient d’y être envoyé");
    expect(answers[1]).toBe(answers[0]);

    const after = await mailsTo("relais@psi.example.org");
    expect(after).toHaveLength(before.length + 1);
    // The outbox keeps no live token: the link is made when the message is sent.
    expect(after.at(-1)).toContain("/i/{jalon-link}");
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
    const fresh = /\/i\/[A-Za-z0-9_-]{40,}/.exec(delivered.at(-1) ?? "")?.[0] ?? "";
    expect(fresh).not.toBe("");
    const opened = await client(app).get(fresh);
    expect(opened.status).toBe(303);
    expect(opened.headers.get("location")).toBe("/q/2023/psi");
    const audited = await t.db
      .selectFrom("audit_log")
      .select("actor")
      .where("entity", "=", "invitations")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audited.actor).toMatch(/^invitation:\d+$/);
  });

  it("limits fresh links per invitation and per client address, in the database", async () => {
    const path = await link("limite@psi.example.org");
    await client(app).get(path);
    const other = client(app);
    await other.get(path);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await other.post(`${path}/fresh`, {})).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    // Three fresh links, then nothing more for an hour, whoever asks.
    expect(await mailsTo("limite@psi.example.org")).toHaveLength(1 + 3);
    const limited = await other.post(`${path}/fresh`, {});
    expect(limited.headers.get("retry-after")).toBe("3600");
    expect(await main(limited)).toContain("Trop de demandes");

    // One address asking for many links (guessed or not) is stopped too.
    const ask = (token: string, address: string) =>
      app.request(
        `/i/${token}/fresh`,
        {
          method: "POST",
          body: "_csrf=x",
          headers: {
            cookie: "jalon_csrf=x",
            "content-type": "application/x-www-form-urlencoded",
          },
        },
        { incoming: { socket: { remoteAddress: address } } },
      );
    const seen: number[] = [];
    for (let i = 0; i < 21; i++)
      seen.push((await ask(`unknown-token-${String(i).padStart(8, "0")}`, "203.0.113.7")).status);
    expect(seen.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(seen[20]).toBe(429);
    expect((await ask("unknown-token-elsewhere", "198.51.100.2")).status).toBe(200);
    const rows = await t.db.selectFrom("link_requests").select(["client_hash"]).execute();
    expect(rows.some((r) => r.client_hash.includes("203.0.113.7"))).toBe(false);
  });

  it("sends no fresh link for a revoked invitation, yet says the same", async () => {
    const path = await link("revoque@msi.example.org", "msi");
    await client(app).get(path);
    await revokePartnerLinks(t.db, SYSTEM, "2023", "msi", "fr");
    const other = client(app);
    const res = await other.get(path);
    expect(res.status).toBe(410);
    await other.get("/login");
    const sent = await other.post(`${path}/fresh`, {});
    expect(sent.status).toBe(200);
    expect(await mailsTo("revoque@msi.example.org")).toHaveLength(1);
  });

  it("asks a signed-in account before a link replaces its session", async () => {
    const path = await link(null);
    const coordinator = await signIn(app, ACCOUNTS.coordinator.email, PASSWORD);
    const staff = coordinator.cookies.get("jalon_session");
    const ask = await coordinator.get(path);
    expect(ask.status).toBe(200);
    const text = await ask.text();
    expect(text).toContain("Ouvrir l’invitation");
    expect(text).toContain('href="/manage"');
    expect(coordinator.cookies.get("jalon_session")).toBe(staff);
    // The link was not used: asking consumed nothing.
    expect((await coordinator.get("/manage")).status).toBe(200);

    const go = await coordinator.post(path, {});
    expect(go.status).toBe(303);
    expect(go.headers.get("location")).toBe("/q/2023/psi");
    expect(coordinator.cookies.get("jalon_session")).not.toBe(staff);
    // The account's session is over, not merely hidden.
    const old = await app.request("/manage", { headers: { cookie: `jalon_session=${staff}` } });
    expect(old.status).toBe(303);
    expect(old.headers.get("location")).toMatch(/^\/login/);
  });

  it("refuses a write queued under another owner, and clears the browser's cache at sign-out", async () => {
    const psi: TestClient = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
    const page = await (await psi.get("/q/2023/psi")).text();
    const owner = /data-owner="(u\d+)"/.exec(page)?.[1] ?? "";
    expect(owner).toMatch(/^u\d+$/);
    expect(page).toContain(`name="owner" value="${owner}"`);
    const put = (who: string) =>
      psi.send("PUT", "/api/q/2023/psi/l", answer, {
        "if-match": '"0"',
        "x-client-id": `client-${who}-0001`,
        "x-jalon-owner": who,
      });
    const foreign = await put("i999");
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ error: "owner" });
    const stored = await t.db
      .selectFrom("client_writes")
      .select("client_id")
      .where("client_id", "=", "client-i999-0001")
      .execute();
    expect(stored).toEqual([]);
    expect((await put(owner)).status).toBe(200);

    const out = await psi.post("/logout", {});
    expect(out.status).toBe(303);
    expect(out.headers.get("clear-site-data")).toBe('"cache"');
  });

  it("serves the service worker, the manifest and a policy that allows them", async () => {
    const visitor = client(app);
    const sw = await visitor.get("/sw.js");
    expect(sw.status).toBe(200);
    expect(sw.headers.get("content-type")).toContain("text/javascript");
    expect(sw.headers.get("cache-control")).toBe("no-cache");
    const code = await sw.text();
    expect(code).toMatch(/const MODULE = "\/static\/questionnaire\.[0-9a-f]{12}\.js"/);
    expect(code).not.toContain("%OFFLINE_PAGE%");
    const manifest = await visitor.get("/manifest.webmanifest");
    expect(manifest.headers.get("content-type")).toContain("application/manifest+json");
    expect(await manifest.json()).toMatchObject({ start_url: "/q", display: "standalone" });
    const icon = await visitor.get("/icon.svg");
    expect(icon.headers.get("content-type")).toBe("image/svg+xml");
    const csp = sw.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
  });
});
