// Rows that are not valid yet, with JavaScript on, in Debian's Chromium at 360 px: a quantity
// typed "12,5" arrives as 12.5, a negative quantity and a link that is no address are kept in the
// draft as typed and marked beside their row, "saved" is not said, a submission is refused beside
// the yes/no answer or the rows; offline, the same rows wait on the device and reach the server.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/connect.ts";
import { getQuestionnaire } from "../src/services/tracker/questionnaire.ts";
import { SYSTEM } from "../test/support/world.ts";
import {
  browserSuite,
  checkPage,
  type Journey,
  PHONE,
  SCREENSHOTS,
  startJourney,
  watch,
} from "./support.ts";

const width = PHONE.viewport.width;
const NEGATIVE = "Ligne 2\u00a0: le nombre ne peut pas être négatif.";
const NOT_A_LINK = "Lien 1\u00a0: l’adresse doit commencer par http:// ou https://.";
const KEPT =
  "Brouillon enregistré, sauf ces lignes\u00a0: elles sont gardées telles que saisies, mais ne comptent pas dans la réponse tant qu’elles ne sont pas corrigées.";
const SAVE = "Enregistrer le brouillon";
const SUBMIT = "Soumettre pour validation";

const [suite, title] = browserSuite("rows kept as typed, with JavaScript on");

suite(title, () => {
  let journey: Journey;
  let database: Database;
  let browser: Browser;
  let base = "";
  const contexts: BrowserContext[] = [];
  const browserErrors: string[] = [];
  const serverErrors: string[] = [];
  const links: string[] = [];

  beforeAll(async () => {
    journey = await startJourney({ log: (l) => serverErrors.push(l), cycle2023: true });
    ({ database, base, browser } = journey);
    links.push(
      ...(await journey.invite([
        "terrain1@psi.example.org",
        "terrain2@psi.example.org",
        "terrain3@psi.example.org",
      ])),
    );
  });

  afterAll(() => journey?.stop(contexts));

  async function phone(link: string): Promise<[BrowserContext, Page]> {
    const context = await browser.newContext({ ...PHONE, baseURL: base });
    contexts.push(context);
    const page = await context.newPage();
    watch(page, browserErrors);
    await page.goto(link);
    expect(new URL(page.url()).pathname).toBe("/q/2023/psi");
    return [context, page];
  }

  /** PSI's stored answer to an indicator of 2023, as the service reads it. */
  async function stored(code: string) {
    const q = await getQuestionnaire(database.db, SYSTEM, "2023", "psi", "fr");
    return q.commitments.flatMap((c) => c.indicators).find((i) => i.code === code)?.answer;
  }

  const text = async (page: Page, selector: string) =>
    ((await page.locator(selector).first().textContent()) ?? "").replace(/[ \t\n\r]+/g, " ").trim();

  const values = (page: Page, form: string, name: string) =>
    page
      .locator(`${form} input[name=${name}]`)
      .evaluateAll((l) => l.map((i) => (i as HTMLInputElement).value));

  /** The drafts kept on the device. */
  const drafts = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<{ answer: { activities: string | null }; conflict?: unknown }[]>((done) => {
          const r = indexedDB.open("jalon-questionnaire");
          r.onsuccess = () => {
            const all = r.result.transaction("drafts").objectStore("drafts").getAll();
            all.onsuccess = () => {
              r.result.close();
              done(all.result);
            };
          };
        }),
    );

  /** The messages beside the rows of a form, in order. */
  const marks = (page: Page, form: string) =>
    page
      .locator(`${form} .pair.invalid p.error`)
      .evaluateAll((l) => l.map((p) => (p.textContent ?? "").trim()));

  it("keeps invalid rows as typed, says what was not saved beside each row, and keeps them on reload", async () => {
    const [, page] = await phone(links[0] ?? "");
    const progressBefore = await text(page, "#progress");
    expect(progressBefore).toMatch(/^Indicateurs commencés\u00a0: 0 sur \d+/);
    const d = page.locator("#i-d");
    await d.locator("input[name=outputValue]").nth(0).fill("12,5");
    await d.locator("input[name=outputUnit]").nth(0).fill("sessions de formation");
    await d.locator("input[name=outputValue]").nth(1).fill("-3");
    await d.locator("input[name=outputUnit]").nth(1).fill("kits perdus");
    await d.locator("input[name=evidenceUrl]").first().fill("rapport annuel");
    await d.getByRole("button", { name: SAVE }).click();

    // Not "saved": what was not is listed, and each message stands beside its row.
    await expect.poll(() => text(page, "#i-d [data-status]")).toBe(KEPT);
    await expect.poll(() => marks(page, "#i-d")).toEqual([NEGATIVE, NOT_A_LINK]);
    expect(await d.locator("[data-kept] li").allTextContents()).toEqual([NEGATIVE, NOT_A_LINK]);
    expect(await d.locator("input[name=outputValue]").nth(1).getAttribute("aria-invalid")).toBe(
      "true",
    );
    expect(await d.locator("input[name=outputValue]").nth(0).getAttribute("aria-invalid")).toBe(
      null,
    );
    await expect
      .poll(() => text(page, "#outbox"))
      .toContain("Réponse enregistrée, sauf des lignes à corriger");
    expect(await text(page, "#outbox li")).toContain("2 lignes à corriger");
    // The counter follows the write without a reload.
    expect(await text(page, "#progress")).toMatch(/^Indicateurs commencés\u00a0: 1 sur \d+/);
    // Typed as "12,5", stored as 12.5; the other rows are kept in the draft as typed.
    const answer = await stored("d");
    expect(answer?.outputs).toEqual([{ value: 12.5, unit: "sessions de formation" }]);
    expect(answer?.evidence).toEqual([]);
    expect(answer?.held).toEqual({
      outputs: [
        { value: "12,5", unit: "sessions de formation" },
        { value: "-3", unit: "kits perdus" },
      ],
      evidence: [{ url: "rapport annuel", title: null }],
    });
    expect(answer?.state).toBe("draft");
    // Typing into the last row opened an empty one under it.
    expect(await values(page, "#i-d", "outputValue")).toEqual(["12,5", "-3", ""]);
    await checkPage(page, "kept-1-rows-marked", width);
    await d.screenshot({ path: `${SCREENSHOTS}/kept-1-form.png` });
    await page.screenshot({ path: `${SCREENSHOTS}/kept-1-screen.png` });
    await page.locator("#outbox").screenshot({ path: `${SCREENSHOTS}/kept-1-outbox.png` });

    // After a reload the rows are still there as typed, and still marked.
    await page.reload();
    expect((await values(page, "#i-d", "outputValue")).slice(0, 2)).toEqual(["12,5", "-3"]);
    expect((await values(page, "#i-d", "evidenceUrl"))[0]).toBe("rapport annuel");
    expect(await marks(page, "#i-d")).toEqual([NEGATIVE, NOT_A_LINK]);

    // Submitting without the yes/no answer is refused beside it; nothing is marked submitted.
    await d.getByRole("button", { name: SUBMIT }).click();
    await expect
      .poll(() => text(page, "#i-d [data-status]"))
      .toContain("Réponse non soumise\u00a0: dites d’abord si votre organisation contribue");
    expect(await text(page, "#i-d [data-refusal]")).toBe(
      "Choisissez oui ou non pour soumettre cette réponse.",
    );
    // Then with yes, the rows to correct stand in the way.
    await d.locator("input[name=contributes][value=yes]").check();
    expect(await d.locator("[data-refusal]").count()).toBe(0);
    await d.getByRole("button", { name: SUBMIT }).click();
    await expect
      .poll(() => text(page, "#i-d [data-status]"))
      .toContain("Réponse non soumise\u00a0: corrigez d’abord ces lignes.");
    await expect.poll(() => marks(page, "#i-d")).toEqual([NEGATIVE, NOT_A_LINK]);
    // The yes typed before submitting may still wait in the outbox ("En attente d'envoi"):
    // once it is sent, the answer reads as the draft it still is.
    await expect.poll(() => text(page, "#i-d [data-state]")).toBe("Brouillon");
    await expect
      .poll(async () => (await stored("d"))?.contributes, { timeout: 10_000 })
      .toBe("yes");
    expect((await stored("d"))?.state).toBe("draft");
    await checkPage(page, "kept-2-submit-refused", width);
    await d.screenshot({ path: `${SCREENSHOTS}/kept-2-form.png` });

    // Corrected, the answer is saved whole, then submitted; "12,5" is shown back as typed.
    await d.locator("input[name=outputValue]").nth(1).fill("3");
    await d.locator("input[name=evidenceUrl]").first().fill("https://example.org/rapport-annuel");
    await expect
      .poll(() => text(page, "#i-d [data-status]"), { timeout: 10_000 })
      .toBe("Réponse enregistrée.");
    expect(await marks(page, "#i-d")).toEqual([]);
    await d.getByRole("button", { name: SUBMIT }).click();
    await expect
      .poll(() => text(page, "#i-d [data-status]"))
      .toBe("Réponse soumise pour validation.");
    const done = await stored("d");
    expect(done?.outputs).toEqual([
      { value: 12.5, unit: "sessions de formation" },
      { value: 3, unit: "kits perdus" },
    ]);
    expect(done?.held).toBeNull();
    expect(done?.state).toBe("submitted");
    expect(await text(page, "#progress")).toMatch(/soumis\u00a0: 1\.$/);
    await page.reload();
    expect((await values(page, "#i-d", "outputValue")).slice(0, 2)).toEqual(["12,5", "3"]);
  });

  it("keeps invalid rows typed offline on the device, and sends them kept and marked", async () => {
    const [context, page] = await phone(links[1] ?? "");
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            await navigator.serviceWorker.ready;
            return Boolean(
              navigator.serviceWorker.controller && (await caches.match("/q/2023/psi")),
            );
          }),
        { timeout: 15_000 },
      )
      .toBe(true);
    await context.setOffline(true);
    const l = page.locator("#i-l");
    await l.locator("input[name=outputValue]").first().fill("-3");
    await l.locator("input[name=outputUnit]").first().fill("kits");
    await l.locator("input[name=evidenceTitle]").first().fill("Rapport sans lien");
    await l.getByRole("button", { name: SAVE }).click();
    await expect
      .poll(() => text(page, "#i-l [data-status]"))
      .toBe("Enregistré sur cet appareil, sera envoyé au retour de la connexion.");
    await expect.poll(() => text(page, "#outbox")).toContain("1 réponse en attente d’envoi");
    expect(await text(page, "#i-l [data-state]")).toBe("En attente d’envoi");

    // Reopened without a connection, the rows come back from the device as typed.
    const again = await page.reload();
    expect(again?.fromServiceWorker()).toBe(true);
    await expect.poll(() => text(page, "#outbox")).toContain("1 réponse en attente d’envoi");
    expect((await values(page, "#i-l", "outputValue"))[0]).toBe("-3");
    expect((await values(page, "#i-l", "evidenceTitle"))[0]).toBe("Rapport sans lien");
    expect(await stored("l")).toBeNull();
    await checkPage(page, "kept-3-offline-waiting", width);
    await l.screenshot({ path: `${SCREENSHOTS}/kept-3-form.png` });

    // Back online, they reach the server kept as typed, and are marked beside their rows.
    await context.setOffline(false);
    await expect.poll(() => text(page, "#i-l [data-status]"), { timeout: 20_000 }).toBe(KEPT);
    const neg = "Ligne 1\u00a0: le nombre ne peut pas être négatif.";
    expect(await marks(page, "#i-l")).toEqual([neg, NOT_A_LINK]);
    expect((await stored("l"))?.held).toEqual({
      outputs: [{ value: "-3", unit: "kits" }],
      evidence: [{ url: "", title: "Rapport sans lien" }],
    });
    await checkPage(page, "kept-4-online-marked", width);
    await l.screenshot({ path: `${SCREENSHOTS}/kept-4-form.png` });
    await page.screenshot({ path: `${SCREENSHOTS}/kept-4-screen.png` });
    await page.reload();
    expect(await marks(page, "#i-l")).toEqual([neg, NOT_A_LINK]);
  });

  it("keeps both sides when a client id comes back with other content, and a write without If-Match", async () => {
    const [context, page] = await phone(links[2] ?? "");
    const l = page.locator("#i-l");
    const ids: string[] = [];
    page.on("request", (r) => {
      const id = r.headers()["x-client-id"];
      if (r.method() === "PUT" && id) ids.push(id);
    });
    const FIRST = "Distribution de 1 200 kits à Mopti.";
    const SECOND = "Distribution de 1 500 kits à Mopti et Gao.";
    await l.locator("textarea[name=activities]").fill(FIRST);
    await l.getByRole("button", { name: SAVE }).click();
    // The rows kept earlier are still there: not "saved".
    await expect.poll(() => text(page, "#i-l [data-status]"), { timeout: 10_000 }).toBe(KEPT);
    expect((await stored("l"))?.activities).toBe(FIRST);

    // A write whose If-Match is lost on the way (a proxy) is refused; the draft stays.
    await page.route("**/api/q/2023/psi/l", (route) => {
      const { "if-match": _, ...headers } = route.request().headers();
      return route.continue({ headers });
    });
    await l.locator("textarea[name=activities]").fill(SECOND);
    await l.getByRole("button", { name: SAVE }).click();
    await expect
      .poll(() => text(page, "#i-l [data-status]"))
      .toContain("Réponse non enregistrée\u00a0: la page n’a pas dit quelle version");
    await page.unrouteAll({ behavior: "wait" });
    expect((await stored("l"))?.activities).toBe(FIRST);
    expect((await drafts(page)).map((d) => d.answer.activities)).toEqual([SECOND]);

    // The same client id sent again with other content: refused, both sides shown and kept.
    await context.setOffline(true);
    await l.getByRole("button", { name: SAVE }).click();
    await expect.poll(() => text(page, "#outbox")).toContain("1 réponse en attente d’envoi");
    await page.evaluate(
      (id) =>
        new Promise<void>((done) => {
          const r = indexedDB.open("jalon-questionnaire");
          r.onsuccess = () => {
            const t = r.result.transaction("outbox", "readwrite");
            const o = t.objectStore("outbox");
            const c = o.openCursor();
            c.onsuccess = () => {
              if (c.result) c.result.update({ ...c.result.value, id });
            };
            t.oncomplete = () => {
              r.result.close();
              done();
            };
          };
        }),
      ids[0] ?? "",
    );
    await context.setOffline(false);
    const remote = l.locator("[data-remote]");
    await remote.waitFor({ timeout: 20_000 });
    expect(await text(page, "#i-l [data-remote]")).toContain(
      "Cet appareil a déjà envoyé cet enregistrement avec un autre contenu.",
    );
    expect(await text(page, "#i-l [data-remote]")).toContain(FIRST);
    expect(await l.locator("textarea[name=activities]").inputValue()).toBe(SECOND);
    expect((await stored("l"))?.activities).toBe(FIRST);
    expect((await drafts(page)).map((d) => [d.answer.activities, Boolean(d.conflict)])).toEqual([
      [SECOND, true],
    ]);
    await checkPage(page, "kept-5-client-id-reused", width);

    // Saving on purpose replaces the stored version, the rows still kept and marked.
    await l.getByRole("button", { name: SAVE }).click();
    await expect.poll(() => text(page, "#i-l [data-status]"), { timeout: 10_000 }).toBe(KEPT);
    expect(await l.locator("[data-remote]").count()).toBe(0);
    expect((await stored("l"))?.activities).toBe(SECOND);
    expect(await drafts(page)).toEqual([]);
  });

  it("met no page error, no Content-Security-Policy violation and no server error", () => {
    expect(browserErrors).toEqual([]);
    expect(serverErrors).toEqual([]);
  });
});
