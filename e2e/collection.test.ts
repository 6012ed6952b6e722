// The collection journey in a real browser, at phone width: the coordinator opens the 2023 cycle
// and invites partners; a respondent answers in two sittings, the second one offline, then meets
// a conflict. The app runs in process on an in-memory PGlite loaded with the Mali 2022 demo plus
// one account per role; the browser is the system's Chromium.
import type { Browser, BrowserContext, Page, Route } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/connect.ts";
import { ACCOUNTS, PASSWORD } from "../test/support/world.ts";
import { browserSuite, checkPage, type Journey, PHONE, startJourney, watch } from "./support.ts";

const FIRST_SITTING = "Formation de 619 prestataires en PF du post-partum à Kayes et Sikasso.";
const OFFLINE_ANSWER = "Sensibilisation de 2 400 jeunes dans 12 communes de Ségou.";
const HEADQUARTERS = "Version corrigée par le siège : 640 prestataires formés.";
const FIELD_EDIT = " Ajout du terrain : suivi post-formation en cours.";

const [suite, title] = browserSuite("collection journey in a browser");

suite(title, () => {
  let journey: Journey;
  let database: Database;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const links: Record<string, string> = {};
  /** The respondent who came through the invitation link, kept across the sittings. */
  let psi: Page;
  let psiContext: BrowserContext;
  const browserErrors: string[] = [];
  const serverErrors: string[] = [];

  beforeAll(async () => {
    journey = await startJourney({
      log: (line) => serverErrors.push(line),
      accounts: [ACCOUNTS.coordinator, ACCOUNTS.respondent, ACCOUNTS.validator],
    });
    ({ database, base, browser } = journey);
  });

  afterAll(() => journey?.stop(contexts));

  async function phonePage(): Promise<[BrowserContext, Page]> {
    const context = await browser.newContext({ ...PHONE, baseURL: base });
    contexts.push(context);
    const page = await context.newPage();
    watch(page, browserErrors);
    return [context, page];
  }

  /** The stored answer of PSI to an indicator of the 2023 cycle, and its client ids. */
  async function stored(code: string) {
    const rows = await database.db
      .selectFrom("responses")
      .innerJoin("cycles", "cycles.id", "responses.cycle_id")
      .innerJoin("partners", "partners.id", "responses.partner_id")
      .innerJoin("indicators", "indicators.id", "responses.indicator_id")
      .select([
        "responses.id",
        "responses.activities",
        "responses.difficulties",
        "responses.state",
        "responses.version",
      ])
      .where("cycles.slug", "=", "2023")
      .where("partners.slug", "=", "psi")
      .where("indicators.code", "=", code)
      .execute();
    const ids = rows.map((r) => r.id);
    const writes =
      ids.length === 0
        ? []
        : await database.db
            .selectFrom("client_writes")
            .select("client_id")
            .where("response_id", "in", ids)
            .execute();
    return { rows, clientIds: writes.map((w) => w.client_id) };
  }

  it("lets the coordinator open 2023 from 2022 and invite PSI and MSI", async () => {
    const [, page] = await phonePage();
    await page.goto("/login");
    await page.fill("input[name=email]", ACCOUNTS.coordinator.email);
    await page.fill("input[name=password]", PASSWORD);
    await page.locator("main button[type=submit]").click();
    await page.waitForURL("**/manage");

    await page.fill("input[name=slug]", "2023");
    await page.fill("input[name=label]", "Janvier – décembre 2023");
    await page.fill("input[name=labelEn]", "January – December 2023");
    await page.fill("input[name=periodStart]", "2023-01-01");
    await page.fill("input[name=periodEnd]", "2023-12-31");
    await page.selectOption("select[name=fromSlug]", "2022");
    await checkPage(page, "collection-1-new-cycle", PHONE.viewport.width);
    await page.getByRole("button", { name: "Créer la période" }).click();
    await page.waitForURL("**/manage/cycles/2023/mapping");
    // Carried forward: PSI is asked the indicators it answered in 2022.
    expect(await page.locator("input[name=m]:checked").count()).toBeGreaterThan(0);
    await checkPage(page, "collection-2-mapping", PHONE.viewport.width);

    await page.goto("/manage/cycles/2023");
    // A deadline is never in the past: 15 February of next year.
    const year = new Date().getUTCFullYear() + 1;
    await page.fill("input[name=deadline]", `${year}-02-15`);
    await page.getByRole("button", { name: "Ouvrir la collecte" }).click();
    await page.waitForURL((url) => url.pathname === "/manage/cycles/2023");
    expect(await page.locator("main").textContent()).toContain(`15 février ${year}`);
    await checkPage(page, "collection-3-open", PHONE.viewport.width);

    for (const [partner, email] of [
      ["psi", "suivi.pf@psi.example.org"],
      ["msi", ""],
    ] as const) {
      await page.goto(`/manage/cycles/2023/partners/${partner}`);
      if (email) await page.fill("input[name=email]", email);
      await page.getByRole("button", { name: "Créer le lien d’invitation" }).click();
      const link = page.locator("input[name=link]");
      await link.waitFor();
      links[partner] = await link.inputValue();
      expect(links[partner]).toMatch(new RegExp(`^${base}/i/[A-Za-z0-9_-]{20,}$`));
      await checkPage(page, `collection-4-invite-${partner}`, PHONE.viewport.width);
    }
    expect(links.psi).not.toBe(links.msi);
  });

  it("lets PSI answer 2.2 in a first sitting, saved as it types", async () => {
    [psiContext, psi] = await phonePage();
    const response = await psi.goto(links.psi ?? "");
    expect(response?.status()).toBe(200);
    // The token leaves the address bar at once.
    expect(psi.url()).toBe(`${base}/q/2023/psi`);
    const d = psi.locator("#i-d");
    await d.locator("textarea[name=activities]").pressSequentially(FIRST_SITTING);
    await d.locator("input[name=outputValue]").first().fill("619");
    await d.locator("input[name=outputUnit]").first().fill("prestataires formés");
    // Everything typed is confirmed by the server when the device keeps no draft any more.
    await expect.poll(async () => (await idb(psi)).drafts.length, { timeout: 10_000 }).toBe(0);
    await expectText(d.locator("[data-status]"), "Réponse enregistrée.");
    await expectText(psi.locator("#outbox"), "Réponses envoyées.");
    expect(await d.locator("[data-state]").textContent()).toBe("Brouillon");
    const first = await stored("d");
    expect(first.rows).toMatchObject([{ activities: FIRST_SITTING, state: "draft" }]);
    expect(first.clientIds.length).toBeGreaterThan(0);
    await checkPage(psi, "collection-5-first-sitting", PHONE.viewport.width);

    // What comes back after a reload is the server's copy: nothing is left on the device.
    await psi.reload();
    expect(await d.locator("textarea[name=activities]").inputValue()).toBe(FIRST_SITTING);
    expect(await d.locator("input[name=outputValue]").first().inputValue()).toBe("619");
    expect(await idb(psi)).toEqual({ drafts: [], outbox: [] });

    // A reload while a save is on its way (a dead battery, a closed tab) loses nothing: the
    // answer comes back from the device and is sent again. The first save is held on the way
    // (it never reaches the server); later ones go through.
    const held: Route[] = [];
    await psi.route("**/api/q/2023/psi/d", async (route) => {
      if (held.length === 0) held.push(route);
      else await route.continue();
    });
    await d.locator("textarea[name=difficulties]").fill("Ruptures de stock d’implants.");
    await expect.poll(() => held.length, { timeout: 5_000 }).toBe(1);
    const before = await stored("d");
    expect(before.rows).toMatchObject([{ difficulties: null }]);
    await psi.reload();
    await expectText(d.locator("[data-status]"), "Réponse enregistrée.");
    await psi.unrouteAll({ behavior: "ignoreErrors" });
    expect(await d.locator("textarea[name=difficulties]").inputValue()).toBe(
      "Ruptures de stock d’implants.",
    );
    const after = await stored("d");
    expect(after.rows).toMatchObject([
      { difficulties: "Ruptures de stock d’implants.", version: (first.rows[0]?.version ?? 0) + 1 },
    ]);
    // Sent again under the id it first went out with.
    const resent = held[0]?.request().headers()["x-client-id"];
    expect(after.clientIds.filter((id) => !before.clientIds.includes(id))).toEqual([resent]);
    expect(await idb(psi)).toEqual({ drafts: [], outbox: [] });

    // An incomplete row is kept as typed and said beside its row, as the server's page says it;
    // the rest is saved, and "saved" is not said.
    const value = d.locator("input[name=outputValue]").nth(1);
    await value.fill("12");
    await d.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await expectText(d.locator("[data-status]"), "Brouillon enregistré, sauf ces lignes", 10_000, {
      prefix: true,
    });
    await expectText(
      d.locator(".pair").nth(1).locator("p.error"),
      "Ligne 2\u00a0: indiquez l’unité (par exemple « prestataires formés »).",
    );
    await value.fill("");
    await expectText(d.locator("[data-status]"), "Réponse enregistrée.");
    expect(await d.locator(".pair.invalid").count()).toBe(0);
    await expect.poll(async () => (await idb(psi)).drafts.length, { timeout: 10_000 }).toBe(0);
  });

  it("keeps an answer submitted offline on the device and sends it once back online", async () => {
    await psiContext.setOffline(true);
    expect(await psi.evaluate(() => navigator.onLine)).toBe(false);
    const l = psi.locator("#i-l");
    await l.locator("input[name=contributes][value=yes]").check();
    await l.locator("textarea[name=activities]").fill(OFFLINE_ANSWER);
    await l.getByRole("button", { name: "Soumettre pour validation" }).click();
    // Queued, and said so: neither "not started" nor a success.
    await expectText(
      l.locator("[data-status]"),
      "Soumission en attente d’envoi\u00a0: elle partira au retour de la connexion.",
    );
    await expectText(psi.locator("#outbox"), "1 réponse en attente d’envoi", 10_000, {
      prefix: true,
    });
    expect(await l.locator("[data-state]").textContent()).toBe("En attente d’envoi");
    expect(await psi.locator("#outbox").getAttribute("class")).toBe("pending");
    expect((await stored("l")).rows).toEqual([]);
    const kept = await idb(psi);
    expect(kept.outbox).toMatchObject([{ k: "2023/psi/l", submit: true, base: 0 }]);
    const clientId = String(kept.outbox[0]?.id);
    expect(clientId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    await checkPage(psi, "collection-6-offline", PHONE.viewport.width);

    // Back online, the first response is lost on the way back (the server has stored the
    // answer): the resend carries the same client id and is stored once.
    const outcomes: string[] = [];
    await psi.route("**/api/q/2023/psi/l", async (route) => {
      const reply = await route.fetch();
      outcomes.push((await reply.json()).outcome);
      if (outcomes.length === 1) await route.abort("connectionreset");
      else await route.fulfill({ response: reply });
    });
    await psiContext.setOffline(false);
    await expectText(psi.locator("#outbox"), "Réponses envoyées.", 15_000);
    expect(outcomes).toEqual(["saved", "replayed"]);
    await psi.unroute("**/api/q/2023/psi/l");
    const after = await stored("l");
    expect(after.rows).toMatchObject([{ activities: OFFLINE_ANSWER, state: "submitted" }]);
    expect(after.clientIds).toEqual([clientId]);
    expect(await l.locator("[data-state]").textContent()).toBe("Soumis");
    expect(await idb(psi)).toEqual({ drafts: [], outbox: [] });
    await checkPage(psi, "collection-7-sent", PHONE.viewport.width);
  });

  it("never overwrites an answer changed elsewhere, until the respondent saves again", async () => {
    // Another PSI respondent, signed in with an account, changes 2.2 meanwhile.
    const [, other] = await phonePage();
    await other.goto("/login");
    await other.fill("input[name=email]", ACCOUNTS.respondent.email);
    await other.fill("input[name=password]", PASSWORD);
    await other.locator("main button[type=submit]").click();
    await other.waitForURL("**/q/2023/psi");
    const theirs = other.locator("#i-d");
    await theirs.locator("textarea[name=activities]").fill(HEADQUARTERS);
    await theirs.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await expectText(theirs.locator("[data-status]"), "Réponse enregistrée.");
    const stale = (await stored("d")).rows[0]?.version ?? 0;
    expect((await stored("d")).rows).toMatchObject([{ activities: HEADQUARTERS }]);

    // The first respondent, still on the older version, types into 2.2 and the autosave runs.
    const d = psi.locator("#i-d");
    const mine = `${FIRST_SITTING}${FIELD_EDIT}`;
    await d.locator("textarea[name=activities]").press("Control+End");
    await d.locator("textarea[name=activities]").pressSequentially(FIELD_EDIT);
    const block = d.locator("[data-remote]");
    await block.waitFor({ timeout: 10_000 });
    expect(await block.textContent()).toContain(HEADQUARTERS);
    expect(await block.textContent()).toContain("Quelqu’un a modifié cette réponse");
    await expectText(psi.locator("#outbox"), "Conflit : cette réponse a changé ailleurs.", 5_000, {
      prefix: true,
    });
    expect(await d.locator("textarea[name=activities]").inputValue()).toBe(mine);
    expect((await stored("d")).rows).toMatchObject([{ activities: HEADQUARTERS, version: stale }]);
    await checkPage(psi, "collection-8-conflict", PHONE.viewport.width);

    // More typing stays on the device and is not sent while the conflict stands.
    await d.locator("input[name=collaboratorsText]").fill("Direction régionale de Kayes");
    await psi.waitForTimeout(2_500);
    expect((await stored("d")).rows).toMatchObject([{ activities: HEADQUARTERS, version: stale }]);

    // A reload keeps both: the typed text in the form, the stored one beside it.
    await psi.reload();
    await d.locator("[data-remote]").waitFor();
    expect(await d.locator("textarea[name=activities]").inputValue()).toBe(mine);
    expect(await d.locator("input[name=collaboratorsText]").inputValue()).toBe(
      "Direction régionale de Kayes",
    );
    expect(await d.locator("[data-remote]").textContent()).toContain(HEADQUARTERS);

    // Saving again is a conscious choice: it replaces the stored version.
    await d.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await expectText(d.locator("[data-status]"), "Réponse enregistrée.");
    expect(await d.locator("[data-remote]").count()).toBe(0);
    expect((await stored("d")).rows).toMatchObject([{ activities: mine, version: stale + 1 }]);
    await checkPage(psi, "collection-9-overwritten", PHONE.viewport.width);
  });

  async function signedIn(email: string, landing: string): Promise<Page> {
    const [, page] = await phonePage();
    await page.goto("/login");
    await page.fill("input[name=email]", email);
    await page.fill("input[name=password]", PASSWORD);
    await page.locator("main button[type=submit]").click();
    await page.waitForURL(`**${landing}`);
    return page;
  }

  it("lets the validator set statuses in a meeting, the coordinator publish, and anyone read", async () => {
    // The coordinator closes collection: the cycle moves to validation.
    const coordinator = await signedIn(ACCOUNTS.coordinator.email, "/manage");
    await coordinator.goto("/manage/cycles/2023");
    await coordinator
      .getByRole("button", { name: "Clore la collecte et passer à la validation" })
      .click();
    await expectText(coordinator.locator(".st-validation").first(), "En validation");

    // The validator records the meeting, then sets two statuses with their narratives.
    const validator = await signedIn(ACCOUNTS.validator.email, "/manage");
    await validator.goto("/manage/cycles/2023/validation");
    const meeting = validator.locator('form[action$="/meeting#meeting"]');
    if (!(await meeting.isVisible()))
      await validator.locator("#meeting summary, details summary").first().click();
    await meeting.locator("input[name=title]").fill("Atelier de validation 2023");
    await meeting.locator("input[name=held_on]").fill("2024-02-20");
    await meeting.locator("input[name=place]").fill("Bamako");
    await meeting.locator("input[name=participants][value]").first().check();
    await meeting.getByRole("button", { name: "Enregistrer la réunion" }).click();
    await validator.waitForLoadState();
    for (const [code, status, narrative] of [
      ["d", "achieved", "Les formations prévues ont eu lieu."],
      ["l", "on_track", "La distribution progresse dans les zones de crise."],
    ] as const) {
      const form = validator.locator(`form.assess[action*="/indicators/${code}#"]`);
      await form.locator(`input[name=status][value=${status}]`).check();
      await form.locator("textarea[name=narrative]").fill(narrative);
      await form.getByRole("button", { name: "Enregistrer le statut" }).click();
      await validator.waitForLoadState();
    }
    await checkPage(validator, "collection-10-validation", PHONE.viewport.width);
    const statuses = await database.db
      .selectFrom("assessments")
      .innerJoin("cycles", "cycles.id", "assessments.cycle_id")
      .innerJoin("indicators", "indicators.id", "assessments.indicator_id")
      .select(["indicators.code", "assessments.status", "assessments.meeting_id"])
      .where("cycles.slug", "=", "2023")
      .orderBy("indicators.code")
      .execute();
    expect(statuses.map((s) => [s.code, s.status])).toEqual([
      ["d", "achieved"],
      ["l", "on_track"],
    ]);
    expect(statuses.every((s) => s.meeting_id !== null)).toBe(true);

    // The coordinator confirms and publishes: the cycle is frozen and public, and it says so.
    await coordinator.goto("/manage/cycles/2023");
    await coordinator.getByLabel(/Je confirme la publication/).check();
    await coordinator
      .getByRole("button", { name: "Publier (les réponses et statuts seront figés)" })
      .click();
    await expectText(coordinator.locator(".st-published").first(), "Publié");
    await expectText(coordinator.locator(".notice").first(), "Période publiée.", 10_000, {
      prefix: true,
    });

    // An anonymous visitor sees the new scorecard, and PSI's validated answer.
    const [, visitor] = await phonePage();
    await visitor.goto("/");
    expect(await visitor.locator("main").textContent()).toContain("Janvier – décembre 2023");
    await checkPage(visitor, "collection-11-public-scorecard", PHONE.viewport.width);
    await visitor.goto("/cycles/2023/commitments/5");
    expect(await visitor.locator("main").textContent()).toContain(OFFLINE_ANSWER);
    // A draft never reaches the public pages.
    await visitor.goto("/cycles/2023/commitments/2");
    expect(await visitor.locator("main").textContent()).not.toContain(FIELD_EDIT.trim());
    await checkPage(visitor, "collection-12-public-commitment", PHONE.viewport.width);
  });

  it("met no page error, no Content-Security-Policy violation and no server error", () => {
    expect(browserErrors).toEqual([]);
    expect(serverErrors).toEqual([]);
  });
});

async function expectText(
  locator: ReturnType<Page["locator"]>,
  text: string,
  timeout = 10_000,
  o: { prefix?: boolean } = {},
): Promise<void> {
  await expect
    .poll(
      async () => {
        const got = ((await locator.textContent()) ?? "").trim();
        return o.prefix ? got.slice(0, text.length) : got;
      },
      { timeout },
    )
    .toBe(text);
}

/** What the questionnaire keeps in the browser: drafts and outbox entries. */
function idb(page: Page): Promise<{ drafts: unknown[]; outbox: Record<string, unknown>[] }> {
  return page.evaluate(
    () =>
      new Promise((done, fail) => {
        const open = indexedDB.open("jalon-questionnaire");
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const t = open.result.transaction(["drafts", "outbox"]);
          const drafts = t.objectStore("drafts").getAll();
          const outbox = t.objectStore("outbox").getAll();
          t.oncomplete = () => {
            open.result.close();
            done({ drafts: drafts.result, outbox: outbox.result });
          };
        };
      }),
  );
}
