// A programme manager's journey on a phone (390 px), over the demo worlds: registers a midwife,
// deploys her to a centre of Ségou and finds her in the register's count, then sets a target for
// one of the programme's indicators (refused once, the year written wrong). Screenshots go to a temporary directory, named in the log.

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerType } from "@hono/node-server";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { chromium } from "playwright-core";
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
    await shot("4-programme");
    expect(browserErrors).toEqual([]);
  });
});
