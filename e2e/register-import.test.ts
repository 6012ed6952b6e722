// Importing the midwife register in a browser on a phone (390 px), over the demo worlds: the
// programme manager downloads the CSV template from the register page, sends a file of two
// lines (one with an unknown centre), reads the preview (one line to import, the refused one
// with its row and reason), confirms, and finds the midwife counted in the register.
// Screenshots go to a temporary directory, named in the log.

import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerType } from "@hono/node-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
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

const [suite, title] = browserSuite("importing the midwife register in a browser");
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

  const shot = async (name: string) => {
    await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, `${name} is ${wide}px wide`).toBeLessThanOrEqual(WIDTH);
  };
  const main = async () => ((await page.locator("main").textContent()) ?? "").replace(/\s+/g, " ");

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "jalon-e2e-register-"));
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

  it("downloads the template, previews a file, confirms it and counts the midwife", async () => {
    await page.goto("/login");
    await page.fill("input[name=email]", "programme@jalon.test");
    await page.fill("input[name=password]", PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);

    const day = "2025-06-01";
    const deployedAt = async () => {
      await page.goto(`/programme/midwives?date=${day}`);
      const total = (await page.locator("main p b").first().textContent()) ?? "";
      return Number(total.replace(/\D/g, ""));
    };
    const before = await deployedAt();

    // The template holds the accepted headers; the file is written from it.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("a[href^='/programme/midwives/templates/register.csv']"),
    ]);
    const header = (await readFile((await download.path()) ?? "", "utf8"))
      .replace(/^\uFEFF/, "")
      .trim();
    expect(header.split(";")).toContain("structure");
    const file = join(dir, "registre.csv");
    await writeFile(
      file,
      [
        header,
        `Fanta Camara;sage-femme;bambara;+223 70 10 20 30;;${CENTRE};2025-01-15;;;`,
        "Nana Touré;sage-femme;;+223 70 10 20 31;;NULLE_PART;2025-01-15;;;",
      ].join("\n"),
    );

    await page.setInputFiles("input[name=file]", file);
    await Promise.all([
      page.waitForNavigation(),
      page.click("form[action='/programme/midwives/import'] button[type=submit]"),
    ]);
    const preview = await main();
    expect(preview).toContain("Vérification du registre");
    expect(preview).toMatch(/1 ligne à importer/);
    expect(preview).toMatch(/Ligne 3 — Nana Touré ?structure inconnue/);
    await shot("1-preview");
    // Nothing is stored before the confirmation.
    const fanta = () =>
      database.db.selectFrom("midwives").select("id").where("name", "=", "Fanta Camara").execute();
    expect(await fanta()).toEqual([]);

    await Promise.all([
      page.waitForNavigation(),
      page.click("form[action='/programme/midwives/import/confirm'] button[type=submit]"),
    ]);
    expect(await main()).toContain("Registre importé");
    await shot("2-imported");
    expect(await fanta()).toHaveLength(1);
    expect(await deployedAt()).toBe(before + 1);
    expect(browserErrors).toEqual([]);
  });
});
