// A programme manager's testimonial journey on a phone (390 px): from the programme's page to its
// testimonials, a form sent with a file that is no photo (every wrong field said beside it), then
// a mother's words with a GPS-tagged photo, her consent recorded, the photo shown upright and
// small enough; the pages in English. Screenshots go to a temporary directory, named in the log.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerType } from "@hono/node-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromium } from "playwright-core";
import sharp from "sharp";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/connect.ts";
import { createApp } from "../src/http/app.ts";
import { saveProgramme } from "../src/services/programme/programmes.ts";
import { freshDatabase } from "../test/support/database.ts";
import { HEALTH_ACCOUNTS, HEALTH_PASSWORD, loadHealthWorld } from "../test/support/health-app.ts";
import {
  browserSuite,
  CHROMIUM,
  CHROMIUM_ARGS,
  closeServer,
  listen,
  PHONE,
  watch,
} from "./support.ts";

const [suite, title] = browserSuite("a programme manager's testimonials in a browser");
const WIDTH = 390;

suite(title, () => {
  let database: Database;
  let server: ServerType;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let dir: string;
  let programmeId = 0;
  const browserErrors: string[] = [];

  const shot = async (name: string) => {
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, `${name} is ${wide}px wide`).toBeLessThanOrEqual(WIDTH);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "jalon-e2e-testimonials-"));
    console.info(`screenshots in ${dir}`);
    database = await freshDatabase("pglite");
    await loadHealthWorld(database);
    programmeId = (
      await saveProgramme(
        database.db,
        { kind: "user", userId: 1, role: "admin", partnerId: null, name: "admin" },
        {
          name: "Déploiement des sages-femmes en milieu communautaire",
          leadPartner: "UNFPA Mali",
          funders: ["UNFPA"],
          partners: [],
          startDate: "2022-01-01",
          endDate: null,
          budget: null,
          currency: null,
          regions: [],
          commitments: [],
          indicators: [],
        },
      )
    ).id;
    const served = await listen((baseUrl) =>
      createApp({ db: database.db, secureCookies: false, baseUrl }),
    );
    server = served.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    phone = await browser.newContext({
      ...PHONE,
      viewport: { width: WIDTH, height: 844 },
      baseURL: served.base,
    });
    page = await phone.newPage();
    watch(page, browserErrors);
  });

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await closeServer(server);
    await database?.close();
  });

  it("adds a mother's words with her photo and consent", async () => {
    await page.goto("/login");
    await page.fill("input[name=email]", HEALTH_ACCOUNTS.admin);
    await page.fill("input[name=password]", HEALTH_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);

    await page.goto(`/programme/${programmeId}`);
    await Promise.all([page.waitForNavigation(), page.click("text=Témoignages et consentements")]);
    expect(new URL(page.url()).pathname).toBe(`/programme/${programmeId}/testimonials`);
    await shot("1-list-empty");

    const form = `form[action='/programme/${programmeId}/testimonials']`;
    await page.fill(`${form} input[name=speakerName]`, "Ramata Coulibaly");
    await page.fill(`${form} input[name=date]`, "2999-01-01");
    await page.fill(`${form} textarea[name=quote]`, "Cette fois, la sage-femme m’a suivie.");
    await page.setInputFiles(`${form} input[name=photo]`, {
      name: "notes.txt",
      mimeType: "text/plain",
      buffer: Buffer.from("pas une photo"),
    });
    await Promise.all([page.waitForNavigation(), page.click(`${form} button[type=submit]`)]);
    const refused = (await page.locator("main").textContent()) ?? "";
    expect(refused).toContain("Une structure ou un lieu.");
    expect(refused).toContain("Ce fichier n’est pas une photo");
    expect(await page.inputValue(`${form} input[name=speakerName]`)).toBe("Ramata Coulibaly");
    await shot("2-list-refused");

    const photo = await sharp({
      create: { width: 3000, height: 2000, channels: 3, background: "#b5651d" },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "13/1 4/1 30/1" } })
      .toBuffer();
    await page.fill(`${form} input[name=facility]`, "OU_FacBar00001");
    await page.fill(`${form} input[name=placeText]`, "Boidié");
    await page.fill(`${form} input[name=date]`, "2025-03-12");
    await page.fill(`${form} input[name=language]`, "bambara");
    await page.check(`${form} input[name=faceVisible]`);
    await page.setInputFiles(`${form} input[name=photo]`, {
      name: "IMG_2025.jpg",
      mimeType: "image/jpeg",
      buffer: photo,
    });
    await Promise.all([page.waitForNavigation(), page.click(`${form} button[type=submit]`)]);
    expect(new URL(page.url()).pathname).toMatch(/\/testimonials\/\d+$/);
    await shot("3-testimonial-no-consent");

    await page.fill("input[name=consenterName]", "Ramata Coulibaly");
    await page.fill("#f-c-date", "2025-03-12");
    await page.check("input[name=uses][value=internal]");
    await page.check("input[name=uses][value=public_web]");
    await page.check("input[name=named]");
    await Promise.all([
      page.waitForNavigation(),
      page.click("form[action$='/consents'] button[type=submit]"),
    ]);
    expect(await page.locator(".notice").textContent()).toBe("Consentement enregistré.");
    const img = page.locator("img.photo");
    // Turned upright (the camera held it sideways) and no wider than 1600 px.
    expect(
      await img.evaluate((el: HTMLImageElement) => [el.naturalWidth, el.naturalHeight]),
    ).toEqual([1067, 1600]);
    await shot("4-testimonial-consented");

    await page.goto(`${new URL(page.url()).pathname}?lang=en`);
    expect(await page.locator("h3").first().textContent()).toBe("What each use shows");
    await shot("5-testimonial-en");
    await page.goto(`/programme/${programmeId}/testimonials?lang=en`);
    await shot("6-list-en");
    expect(browserErrors).toEqual([]);
  });
});
