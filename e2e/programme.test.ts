// A programme manager's journey on a phone (390 px), over the demo worlds: registers a midwife,
// deploys her to a centre of Ségou and finds her in the register's count, sets a target for one
// of the programme's indicators (refused once, the year written wrong); then records a monitoring
// mission with a visit and a recommendation and downloads its report, adds a mother's words with
// a photo and her consent, finds them on the public dashboard with the photo, downloads a result
// card and opens it, withdraws the consent and sees the words and the photo gone from public
// view. Screenshots go to a temporary directory, named in the log.

import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerType } from "@hono/node-server";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { chromium } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/connect.ts";
import { loadDemoWorlds } from "../src/demo/load.ts";
import type { JobRunner } from "../src/services/shared/jobs.ts";
import { addUser } from "../src/services/tracker/users.ts";
import { freshDatabase } from "../test/support/database.ts";
import {
  browserSuite,
  CHROMIUM,
  CHROMIUM_ARGS,
  closeServer,
  PHONE,
  serveHealth,
  watch,
} from "./support.ts";

const [suite, title] = browserSuite("a programme manager's journey in a browser");
const PASSWORD = "correct horse battery";
const WIDTH = 390;
const CENTRE = "ML_SEG_SEG_CINZANA";

suite(title, () => {
  let database: Database;
  let server: ServerType;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let runner: JobRunner;
  let dir: string;
  const browserErrors: string[] = [];

  /** A screenshot (of the page, or of one part) into the temporary directory; no sideways scroll. */
  const shot = async (name: string, part?: Locator) => {
    const path = join(dir, `${name}.png`);
    await (part ? part.screenshot({ path }) : page.screenshot({ path, fullPage: true }));
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, `${name} is ${wide}px wide`).toBeLessThanOrEqual(WIDTH);
  };
  /** Submits the form whose action is (or ends with) `action`, and waits for the next page. */
  const submit = (action: string) =>
    Promise.all([
      page.waitForNavigation(),
      page.locator(`form[method=post][action$='${action}'] button[type=submit]`).first().click(),
    ]);
  const main = async () => ((await page.locator("main").textContent()) ?? "").replace(/\s+/g, " ");

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "jalon-e2e-programme-"));
    console.info(`screenshots in ${dir}`);
    database = await freshDatabase("pglite");
    await loadDemoWorlds(database, { reset: false });
    await addUser(database.db, "test", {
      email: "programme@jalon.test",
      name: "Gestion du programme",
      role: "programme_manager",
      password: PASSWORD,
    });
    let base: string;
    ({ server, base, runner } = await serveHealth(database, join(dir, "uploads"), (l) =>
      console.error(l),
    ));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    phone = await browser.newContext({
      ...PHONE,
      viewport: { width: WIDTH, height: 844 },
      baseURL: base,
      acceptDownloads: true,
    });
    page = await phone.newPage();
    watch(page, browserErrors);
  });

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await closeServer(server);
    await runner?.stop();
    await database?.close();
  });

  it("registers and deploys a midwife, then sets a target", async () => {
    await page.goto("/login");
    await page.fill("input[name=email]", "programme@jalon.test");
    await page.fill("input[name=password]", PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);

    const [programme] = await database.db
      .selectFrom("programmes")
      .select(["id", "name"])
      .orderBy("id")
      .execute();
    if (!programme) throw new Error("the demo has no programme");
    const day = "2025-06-01";
    const deployedAt = async () => {
      await page.goto(`/programme/midwives?date=${day}`);
      const total = (await page.locator("main p b").first().textContent()) ?? "";
      return Number(total.replace(/\D/g, ""));
    };
    const before = await deployedAt();
    expect(before).toBeGreaterThan(0);

    // A new midwife, refused first without a name: the typed phone stays, the error is beside.
    await page.goto("/programme/midwives/new");
    await page.fill("input[name=phone]", "+223 70 00 00 01");
    await submit("/programme/midwives");
    expect(await page.inputValue("input[name=phone]")).toBe("+223 70 00 00 01");
    expect(await page.locator("#name-e, .field .error").count()).toBeGreaterThan(0);
    await page.fill("input[name=name]", "Awa Traoré");
    await page.selectOption("select[name=qualification]", "midwife");
    await page.fill("input[name=languages]", "bambara, français");
    await shot("1-midwife-new");
    await submit("/programme/midwives");
    expect(new URL(page.url()).pathname).toMatch(/^\/programme\/midwives\/\d+$/);
    expect(await page.locator("h1").textContent()).toBe("Awa Traoré");

    // Deployed to a centre of Ségou under the demo programme, from the first of the year.
    await page.selectOption("select[name=programme]", String(programme.id));
    await page.fill("input[name=facility]", CENTRE);
    await page.fill("input[name=startDate]", "2025-01-01");
    await submit("/deployments");
    expect(await main()).toContain("Déploiement enregistré.");
    await shot("2-midwife-deployed");
    expect(await deployedAt()).toBe(before + 1);
    await shot("3-register");

    // A target for the first indicator the programme follows.
    await page.goto(`/programme/${programme.id}`);
    expect(await page.locator("h1").textContent()).toBe(programme.name);
    const targets = page.locator("form#targets");
    const indicator = await targets.locator("select[name=indicator] option").nth(1);
    const indicatorName = ((await indicator.textContent()) ?? "").trim();
    await targets
      .locator("select[name=indicator]")
      .selectOption((await indicator.getAttribute("value")) ?? "");
    await targets.locator("select[name=unit]").selectOption({ label: "Ségou" });
    // A year written wrong is said beside the field, and what was typed stays.
    await targets.locator("input[name=period]").fill("25");
    await targets.locator("input[name=value]").fill("85,5");
    await submit("/targets");
    expect(await page.locator("form#targets input[name=value]").inputValue()).toBe("85,5");
    expect(await page.locator("form#targets .error").count()).toBeGreaterThan(0);
    await page.locator("form#targets input[name=period]").fill("2025");
    await submit("/targets");
    const text = await main();
    expect(text).toContain(indicatorName);
    expect(text).toMatch(/Cible 2025\s?: 85,5/);
    expect(text).toContain("Cible enregistrée.");
    await shot("4-programme");
    expect(browserErrors).toEqual([]);
  });

  it("records a mission, publishes a consented testimonial, shares a card, then withdraws it", async () => {
    const [programme] = await database.db
      .selectFrom("programmes")
      .select(["id", "name"])
      .orderBy("id")
      .execute();
    if (!programme) throw new Error("the demo has no programme");
    const base = `/programme/${programme.id}`;

    // A mission, refused once for days in the wrong order, then created.
    await page.goto(`${base}/missions`);
    const create = `form[action='${base}/missions']`;
    await page.fill(`${create} input[name=title]`, "Mission de suivi de juin");
    await page.fill(`${create} input[name=startDate]`, "2025-06-12");
    await page.fill(`${create} input[name=endDate]`, "2025-06-10");
    await page.locator(`${create} input[name=regions]`).first().check();
    await page.fill(
      `${create} textarea[name=delegation]`,
      "Awa Diallo; UNFPA Mali; chargée de suivi",
    );
    await page.fill(`${create} textarea[name=objectives]`, "Voir les centres de Ségou");
    await Promise.all([page.waitForNavigation(), page.click(`${create} button[type=submit]`)]);
    expect(await page.locator(`${create} .error`).count()).toBeGreaterThan(0);
    expect(await page.inputValue(`${create} input[name=title]`)).toBe("Mission de suivi de juin");
    await page.fill(`${create} input[name=endDate]`, "2025-06-14");
    await Promise.all([page.waitForNavigation(), page.click(`${create} button[type=submit]`)]);
    expect(new URL(page.url()).pathname).toMatch(/\/missions\/\d+$/);
    const missionPath = new URL(page.url()).pathname;

    // A visit to a centre with a figure reported there, and a recommendation with its owner.
    const visit = `form[action='${missionPath}/visits']`;
    await page.fill(`${visit} input[name=facility]`, CENTRE);
    await page.fill(`${visit} input[name=date]`, "2025-06-13");
    await page.fill(`${visit} textarea[name=findings]`, "La maternité est propre et équipée.");
    await page.fill(`${visit} textarea[name=figures]`, "Accouchements par mois; 14; accouchements");
    await Promise.all([page.waitForNavigation(), page.click(`${visit} button[type=submit]`)]);
    const rec = `form[action='${missionPath}/recommendations']`;
    await page.fill(`${rec} textarea[name=text]`, "Recruter une deuxième matrone à Cinzana.");
    await page.fill(`${rec} input[name=ownerName]`, "Mairie de Cinzana");
    await page.fill(`${rec} input[name=dueDate]`, "2025-09-30");
    await page.check(`${rec} input[name=key]`);
    await Promise.all([page.waitForNavigation(), page.click(`${rec} button[type=submit]`)]);
    const mission = await main();
    expect(mission).toContain("La maternité est propre et équipée.");
    expect(mission).toContain("Recruter une deuxième matrone à Cinzana.");
    await shot("5-mission");
    const reportLink = page.locator(`a[href^='${missionPath}/report.pdf']`);
    expect(await reportLink.count()).toBe(1);
    const report = await page.request.get(`${missionPath}/report.pdf`);
    expect(report.status()).toBe(200);
    const pdf = await report.body();
    await writeFile(join(dir, "5-mission-report.pdf"), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    // A mother's words with a photo, then her consent for the public page and social media.
    await page.goto(`${base}/testimonials`);
    const add = `form[action='${base}/testimonials']`;
    await page.selectOption(`${add} select[name=speakerRole]`, "mother");
    await page.fill(`${add} input[name=speakerName]`, "Oumou Sangaré");
    await page.fill(`${add} input[name=facility]`, CENTRE);
    await page.fill(`${add} input[name=date]`, "2025-06-13");
    await page.fill(
      `${add} textarea[name=quote]`,
      "La sage-femme est venue de nuit pour mon accouchement.",
    );
    await page.fill(`${add} input[name=language]`, "bambara");
    const photo = await sharp({
      create: { width: 2400, height: 1800, channels: 3, background: "#2e7d6b" },
    })
      .jpeg()
      .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "13/1 18/1 0/1" } })
      .toBuffer();
    await page.setInputFiles(`${add} input[name=photo]`, {
      name: "maternite.jpg",
      mimeType: "image/jpeg",
      buffer: photo,
    });
    await Promise.all([page.waitForNavigation(), page.click(`${add} button[type=submit]`)]);
    expect(new URL(page.url()).pathname).toMatch(/\/testimonials\/\d+$/);
    const testimonialPath = new URL(page.url()).pathname;
    await page.fill("input[name=consenterName]", "Oumou Sangaré");
    await page.fill("#f-c-date", "2025-06-13");
    for (const use of ["internal", "report", "public_web", "social_media"])
      await page.check(`input[name=uses][value=${use}]`);
    await page.check("input[name=named]");
    await Promise.all([
      page.waitForNavigation(),
      page.click("form[action$='/consents'] button[type=submit]"),
    ]);
    expect(await page.locator(".notice").textContent()).toBe("Consentement enregistré.");
    await shot("6-testimonial");

    // The public dashboard, as anyone reads it: her words, her name and her photo.
    const slug = (
      await database.db
        .selectFrom("programme_publications")
        .select("slug")
        .where("programme_id", "=", programme.id)
        .executeTakeFirstOrThrow()
    ).slug;
    const visitor = await browser.newContext({
      ...PHONE,
      viewport: { width: WIDTH, height: 844 },
      baseURL: new URL(page.url()).origin,
      acceptDownloads: true,
    });
    try {
      const pub = await visitor.newPage();
      watch(pub, browserErrors);
      await pub.goto(`/programmes/${slug}`);
      const words = "La sage-femme est venue de nuit pour mon accouchement.";
      const board = ((await pub.locator("main").textContent()) ?? "").replace(/\s+/g, " ");
      expect(board).toContain(words);
      expect(board).toContain("Oumou Sangaré");
      expect(board).toContain("Recruter une deuxième matrone à Cinzana.");
      const img = pub.locator("blockquote img.photo").first();
      const src = (await img.getAttribute("src")) ?? "";
      expect(src).toContain("use=public_web");
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(1600);
      await pub.screenshot({ path: join(dir, "7-dashboard.png"), fullPage: true });
      expect(await pub.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        WIDTH,
      );

      // A result card, downloaded and opened: a PNG of its announced size.
      const href = (await pub.locator("a[href*='-square.png']").first().getAttribute("href")) ?? "";
      const answer = await pub.request.get(href);
      expect(answer.headers()["content-type"]).toBe("image/png");
      const bytes = await answer.body();
      await writeFile(join(dir, "9-card.png"), bytes);
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["png", 1080, 1080]);

      // Her consent withdrawn: the words, the name and the photo leave the public page.
      await page.goto(testimonialPath);
      await page.fill("input[name=withdrawnOn]", new Date().toISOString().slice(0, 10));
      await Promise.all([
        page.waitForNavigation(),
        page.click("form[action$='/withdraw'] button[type=submit]"),
      ]);
      await pub.reload();
      const after = ((await pub.locator("main").textContent()) ?? "").replace(/\s+/g, " ");
      expect(after).not.toContain(words);
      expect(after).not.toContain("Oumou Sangaré");
      expect((await pub.request.get(src)).status()).toBe(404);
      await pub.screenshot({ path: join(dir, "8-dashboard-withdrawn.png"), fullPage: true });
    } finally {
      await visitor.close();
    }
    expect(browserErrors).toEqual([]);
  });
});
