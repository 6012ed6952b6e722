// A programme manager's journey on a phone (390 px), over the demo worlds: registers a midwife,
// deploys her to a centre of Ségou and finds her in the register's count, sets a target for one
// of the programme's indicators (refused once, the year written wrong); then records a monitoring
// mission with a visit and a recommendation and downloads its report, adds a mother's words with
// a photo and her consent, finds them on the public dashboard with the photo, downloads a result
// card and opens it, withdraws the consent and sees the words and the photo gone from public
// view. Screenshots go to a temporary directory, named in the log.

import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/connect.ts";
import { browserSuite, PHONE, type PhoneJourney, startPhoneJourney, watch } from "./support.ts";

const [suite, title] = browserSuite("a programme manager's journey in a browser");
const WIDTH = 390;
const CENTRE = "ML_SEG_SEG_CINZANA";

suite(title, () => {
  let journey: PhoneJourney;
  let database: Database;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let browserErrors: string[];
  const shot: PhoneJourney["shot"] = (name, part) => journey.shot(name, part);
  /** Submits the form whose action is (or ends with) `action`, and waits for the next page. */
  const submit = (action: string) =>
    Promise.all([
      page.waitForNavigation(),
      page.locator(`form[method=post][action$='${action}'] button[type=submit]`).first().click(),
    ]);
  const main = async () => ((await page.locator("main").textContent()) ?? "").replace(/\s+/g, " ");

  beforeAll(async () => {
    journey = await startPhoneJourney({
      prefix: "programme",
      account: {
        email: "programme@jalon.test",
        name: "Gestion du programme",
        role: "programme_manager",
        password: "correct horse battery",
      },
      width: WIDTH,
    });
    ({ database, browser, page, dir, errors: browserErrors } = journey);
  });

  afterAll(async () => {
    await journey?.stop();
  });

  it("registers and deploys a midwife, then sets a target", async () => {
    await journey.signIn();

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
