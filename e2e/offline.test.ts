// The questionnaire offline and on a shared phone, in Debian's Chromium at 360 px: it reopens
// from the service worker without a connection and keeps answering, shows what waits to be sent,
// sends it once back online; two respondents taking turns in one browser never send each
// other's answers, and a link opened again goes back in (or, elsewhere, offers a fresh link).
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/connect.ts";
import { deliverPending } from "../src/services/shared/mail.ts";
import { invitationLinks } from "../src/services/tracker/invitations.ts";
import { ACCOUNTS, PASSWORD } from "../test/support/world.ts";
import { browserSuite, checkPage, type Journey, PHONE, startJourney, watch } from "./support.ts";

const OFFLINE_D = "Formation de 52 sages-femmes à Mopti, saisie sans réseau.";
const OFFLINE_L = "Distribution de 3 000 kits dans les zones de crise.";
const FROM_A = "Réponse de la première répondante, restée sur le téléphone.";
const FROM_B = "Réponse du siège, saisie avec son compte.";
const width = PHONE.viewport.width;

const [suite, title] = browserSuite("questionnaire offline and on a shared phone");

suite(title, () => {
  let journey: Journey;
  let database: Database;
  let browser: Browser;
  let base = "";
  const contexts: BrowserContext[] = [];
  const browserErrors: string[] = [];
  const serverErrors: string[] = [];
  /** Every questionnaire page and answer the server was asked for: what reached it. */
  const hits: string[] = [];
  const links: string[] = [];

  beforeAll(async () => {
    journey = await startJourney({
      log: (l) => serverErrors.push(l),
      accounts: [ACCOUNTS.respondent],
      cycle2023: true,
      wrap: (app) => ({
        fetch: (request, env) => {
          const url = new URL(request.url);
          if (/^\/(api\/)?q\//.test(url.pathname)) hits.push(`${request.method} ${url.pathname}`);
          return app.fetch(request, env);
        },
      }),
    });
    ({ database, base, browser } = journey);
    links.push(
      ...(await journey.invite(["terrain1@psi.example.org", "terrain2@psi.example.org", null])),
    );
  });

  afterAll(() => journey?.stop(contexts));

  async function phone(): Promise<BrowserContext> {
    const context = await browser.newContext({ ...PHONE, baseURL: base });
    contexts.push(context);
    return context;
  }

  async function open(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    watch(page, browserErrors);
    page.on("dialog", (d) => void d.accept());
    return page;
  }

  /** The stored answer of PSI to an indicator of 2023, who wrote it, and its client ids. */
  async function stored(code: string) {
    const rows = await database.db
      .selectFrom("responses")
      .innerJoin("cycles", "cycles.id", "responses.cycle_id")
      .innerJoin("partners", "partners.id", "responses.partner_id")
      .innerJoin("indicators", "indicators.id", "responses.indicator_id")
      .select(["responses.id", "responses.activities", "responses.state"])
      .where("cycles.slug", "=", "2023")
      .where("partners.slug", "=", "psi")
      .where("indicators.code", "=", code)
      .execute();
    const ids = rows.map((r) => r.id);
    const writes = ids.length
      ? await database.db
          .selectFrom("client_writes")
          .select("client_id")
          .where("response_id", "in", ids)
          .execute()
      : [];
    const audit = ids.length
      ? await database.db
          .selectFrom("audit_log")
          .select("actor")
          .where("entity", "=", "responses")
          .where("entity_id", "in", ids.map(String))
          .execute()
      : [];
    return {
      rows,
      clientIds: writes.map((w) => w.client_id),
      actors: [...new Set(audit.map((a) => a.actor))],
    };
  }

  /** The worker controls the page and keeps a copy of it. */
  async function kept(page: Page, path: string): Promise<void> {
    await expect
      .poll(
        () =>
          page.evaluate(async (p) => {
            await navigator.serviceWorker.ready;
            return Boolean(navigator.serviceWorker.controller && (await caches.match(p)));
          }, path),
        { timeout: 15_000 },
      )
      .toBe(true);
  }

  const text = async (page: Page, selector: string) =>
    ((await page.locator(selector).textContent()) ?? "").replace(/[ \t\n\r]+/g, " ").trim();

  it("reopens offline from the service worker, keeps answering, and sends once back online", async () => {
    const context = await phone();
    const page = await open(context);
    await page.goto(links[0] ?? "");
    expect(new URL(page.url()).pathname).toBe("/q/2023/psi");
    expect(await page.locator("link[rel=manifest]").count()).toBe(1);
    await kept(page, "/q/2023/psi");

    await context.setOffline(true);
    const before = hits.length;
    const reopened = await page.reload();
    // Served by the worker from its copy: the server heard nothing.
    expect(reopened?.fromServiceWorker()).toBe(true);
    expect(hits.slice(before)).toEqual([]);
    await expect.poll(() => text(page, "h1")).toContain("Questionnaire PSI");

    const d = page.locator("#i-d");
    await d.locator("input[name=contributes][value=yes]").check();
    await d.locator("textarea[name=activities]").fill(OFFLINE_D);
    await d.locator("input[name=outputUnit]").first().fill("sages-femmes formées");
    await d.locator("input[name=outputValue]").first().fill("52");
    await d.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    const l = page.locator("#i-l");
    // A submission needs the yes/no answer (the server refuses it otherwise).
    await l.locator("input[name=contributes][value=yes]").check();
    await l.locator("textarea[name=activities]").fill(OFFLINE_L);
    await l.getByRole("button", { name: "Soumettre pour validation" }).click();
    await expect
      .poll(() => text(page, "#i-l [data-status]"))
      .toBe("Soumission en attente d’envoi\u00a0: elle partira au retour de la connexion.");
    await expect.poll(() => text(page, "#outbox")).toContain("2 réponses en attente d’envoi");
    expect(await text(page, "#outbox")).toContain("Hors ligne\u00a0:");
    expect(await page.locator("#outbox li").count()).toBe(2);
    expect(await text(page, "#outbox li:last-child")).toContain("à soumettre");
    expect(await page.locator("#outbox").getAttribute("class")).toBe("pending");
    expect(await text(page, "#i-l [data-state]")).toBe("En attente d’envoi");
    await checkPage(page, "offline-1-queued", width);

    // Closed and reopened without a connection: the answers come back from the device.
    await page.close();
    const again = await open(context);
    const second = await again.goto("/q/2023/psi").catch(() => null);
    expect(second?.fromServiceWorker()).toBe(true);
    await expect.poll(() => text(again, "#outbox")).toContain("2 réponses en attente d’envoi");
    expect(await again.locator("#i-d textarea[name=activities]").inputValue()).toBe(OFFLINE_D);
    expect(hits.slice(before)).toEqual([]);
    expect((await stored("d")).rows).toEqual([]);

    await context.setOffline(false);
    await expect.poll(() => text(again, "#outbox"), { timeout: 20_000 }).toBe("Réponses envoyées.");
    const sentD = await stored("d");
    const sentL = await stored("l");
    expect(sentD.rows).toMatchObject([{ activities: OFFLINE_D, state: "draft" }]);
    expect(sentL.rows).toMatchObject([{ activities: OFFLINE_L, state: "submitted" }]);
    // Once each: one write per answer, never a second.
    expect(sentD.clientIds).toHaveLength(1);
    expect(sentL.clientIds).toHaveLength(1);
    expect(hits.filter((h) => h.startsWith("PUT"))).toHaveLength(2);
    expect(await text(again, "#i-l [data-state]")).toBe("Soumis");
    await checkPage(again, "offline-2-sent", width);
  });

  it("never sends one respondent's queued answer under the next one's session", async () => {
    const context = await phone();
    // A opens her link, answers 2.2 offline and leaves the phone with the answer unsent.
    const a = await open(context);
    await a.goto(links[1] ?? "");
    await kept(a, "/q/2023/psi");
    // No sign-out for a link session: it would lock A out.
    expect(await a.locator("form[action='/logout']").count()).toBe(0);
    expect(await text(a, "header .who")).toBe("Accès par lien d’invitation");
    await context.setOffline(true);
    await a.locator("#i-d textarea[name=activities]").fill(FROM_A);
    await a.locator("#i-d").getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await expect.poll(() => text(a, "#outbox")).toContain("1 réponse en attente d’envoi");
    await a.close();

    // B signs in with an account on the same phone, back online.
    await context.setOffline(false);
    const puts = hits.filter((h) => h.startsWith("PUT")).length;
    const b = await open(context);
    await b.goto("/login");
    await b.fill("input[name=email]", ACCOUNTS.respondent.email);
    await b.fill("input[name=password]", PASSWORD);
    await b.locator("main button[type=submit]").click();
    await b.waitForURL("**/q/2023/psi");
    await expect.poll(() => text(b, "#outbox [data-others]")).toContain("1 réponse saisie");
    await b.waitForTimeout(2_500);
    expect(hits.filter((h) => h.startsWith("PUT")).length).toBe(puts);
    expect((await stored("d")).rows.map((r) => r.activities)).toEqual([OFFLINE_D]);
    // A's answer is not in B's form either.
    expect(await b.locator("#i-d textarea[name=activities]").inputValue()).toBe(OFFLINE_D);
    await checkPage(b, "offline-3-other-session", width);

    // B answers 2.5 while the connection is held, then signs out: warned, and B's answer goes.
    await b.route("**/api/q/**", (route) => route.abort("internetdisconnected"));
    await b.locator("#i-l textarea[name=activities]").fill(FROM_B);
    await b.locator("#i-l").getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await expect.poll(() => text(b, "#outbox")).toContain("1 réponse en attente d’envoi");
    const warned: string[] = [];
    b.removeAllListeners("dialog");
    b.on("dialog", (d) => {
      warned.push(d.message());
      void d.accept();
    });
    await b.locator("form[action='/logout'] button").click();
    await b.waitForURL((u) => u.pathname === "/");
    expect(warned).toHaveLength(1);
    expect(warned[0]).toContain("1 réponse n’est pas encore envoyée");
    await b.unrouteAll({ behavior: "ignoreErrors" });
    const left = await b.evaluate(
      () =>
        new Promise<{
          drafts: { owner?: string; answer?: { activities?: string } }[];
          pages: number;
        }>((done) => {
          const r = indexedDB.open("jalon-questionnaire");
          r.onsuccess = async () => {
            const t = r.result.transaction("drafts");
            const all = t.objectStore("drafts").getAll();
            t.oncomplete = async () => {
              const pages = (await caches.keys()).filter((n) => n.startsWith("jalon-pages"));
              done({ drafts: all.result, pages: pages.length });
            };
          };
        }),
    );
    // B's answer and the kept pages are gone; A's unsent answer waits for A.
    expect(left.drafts.map((d) => d.answer?.activities)).toEqual([FROM_A]);
    expect(left.pages).toBe(0);
    expect((await stored("l")).rows.map((r) => r.activities)).toEqual([OFFLINE_L]);

    // A taps her link again on this phone: she is back in, and her answer goes, under her link.
    await b.goto(links[1] ?? "");
    expect(new URL(b.url()).pathname).toBe("/q/2023/psi");
    await expect.poll(() => text(b, "#outbox"), { timeout: 20_000 }).toBe("Réponses envoyées.");
    const arrived = await stored("d");
    expect(arrived.rows.map((r) => r.activities)).toEqual([FROM_A]);
    expect(arrived.actors.length).toBeGreaterThan(0);
    expect(arrived.actors.every((actor) => actor.startsWith("invitation:"))).toBe(true);
  });

  it("offers a fresh link by e-mail when the link was opened on another phone", async () => {
    const other = await open(await phone());
    const res = await other.goto(links[1] ?? "");
    expect(res?.status()).toBe(410);
    expect(await text(other, "h1")).toBe("Lien déjà ouvert");
    await checkPage(other, "offline-4-link-used", width);
    const mails = () =>
      database.db
        .selectFrom("outbox")
        .select(["id", "body"])
        .where("recipient", "=", "terrain2@psi.example.org")
        .orderBy("id")
        .execute();
    const before = (await mails()).length;
    await other.getByRole("button", { name: "M’envoyer un nouveau lien" }).click();
    await expect.poll(() => text(other, "main [role=status]")).toContain("un nouveau lien");
    const mail = await mails();
    expect(mail).toHaveLength(before + 1);
    // The outbox keeps no live token: the link is made as the message leaves.
    expect(mail.at(-1)?.body).toContain("/i/{jalon-link}");
    const delivered: string[] = [];
    await deliverPending(
      database.db,
      {
        from: "jalon@jalon.test",
        send: async (m) => {
          if (m.to === "terrain2@psi.example.org") delivered.push(m.text);
        },
      },
      invitationLinks,
    );
    const fresh = /\/i\/[A-Za-z0-9_-]{40,}/.exec(delivered.at(-1) ?? "")?.[0] ?? "";
    expect(fresh).not.toBe("");
    await other.goto(fresh);
    expect(new URL(other.url()).pathname).toBe("/q/2023/psi");
    await checkPage(other, "offline-5-fresh-link", width);
  });

  it("met no page error, no Content-Security-Policy violation and no server error", () => {
    expect(browserErrors).toEqual([]);
    expect(serverErrors).toEqual([]);
  });
});
