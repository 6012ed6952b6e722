// A DHIS2 import in a real browser at phone width: an administrator uploads the metadata, then a
// value set, follows each import's page (it reloads itself until the summary is there), reads
// the refused rows, opens the explorer on what was imported and downloads its CSV.

import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerType } from "@hono/node-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/connect.ts";
import type { JobRunner } from "../src/services/shared/jobs.ts";
import { addUser } from "../src/services/tracker/users.ts";
import { freshDatabase } from "../test/support/database.ts";
import { METADATA, VALUES } from "../test/support/health-world.ts";
import {
  browserSuite,
  CHROMIUM,
  CHROMIUM_ARGS,
  checkPage,
  closeServer,
  PHONE,
  SCREENSHOTS,
  serveHealth,
  watch,
} from "./support.ts";

const [suite, title] = browserSuite("DHIS2 import in a browser");
const PASSWORD = "correct horse battery";

suite(title, () => {
  let database: Database;
  let server: ServerType;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  let runner: JobRunner;
  let dir: string;
  const browserErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), "jalon-e2e-import-"));
    await writeFile(join(dir, "metadata.json"), JSON.stringify(METADATA));
    await writeFile(join(dir, "rma-2022.json"), JSON.stringify(VALUES));
    database = await freshDatabase("pglite");
    await addUser(database.db, "test", {
      email: "pm@sante.test",
      name: "Programme",
      role: "programme_manager",
      password: PASSWORD,
    });
    let base: string;
    ({ server, base, runner } = await serveHealth(database, join(dir, "uploads"), (l) =>
      console.error(l),
    ));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    phone = await browser.newContext({ ...PHONE, baseURL: base, acceptDownloads: true });
    page = await phone.newPage();
    watch(page, browserErrors);
  });

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await closeServer(server);
    await runner?.stop();
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const upload = async (file: string) => {
    await page.goto("/health/imports");
    await page.setInputFiles("input[name=file]", join(dir, file));
    await Promise.all([
      page.waitForNavigation(),
      page.click("form[action='/health/imports'] button[type=submit]"),
    ]);
    expect(new URL(page.url()).pathname).toMatch(/^\/health\/imports\/\d+$/);
    // The page reloads itself every 3 s while the import runs; the summary ends it.
    await page.waitForSelector("p.notice[role=status], ul.counts", { timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector("meta[http-equiv=refresh]"), null, {
      timeout: 60_000,
    });
  };

  it("uploads the metadata and the values and reads each summary on a phone", async () => {
    await page.goto("/login");
    await page.fill("input[name=email]", "pm@sante.test");
    await page.fill("input[name=password]", PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
    await page.goto("/health/imports");
    await checkPage(page, "health-import-form", PHONE.viewport.width);

    await upload("metadata.json");
    expect(await page.locator("p.notice").textContent()).toContain("20 objets ajoutés");

    await upload("rma-2022.json");
    const counts = await page.locator("ul.counts li").allTextContents();
    expect(counts).toEqual([
      "10 ajoutées",
      "0 mises à jour",
      "0 supprimées",
      "0 inchangées",
      "6 refusées",
    ]);
    expect(await page.locator("table tbody tr").count()).toBe(6);
    await checkPage(page, "health-import-summary", PHONE.viewport.width);
    expect(browserErrors).toEqual([]);
  });

  it("opens the explorer on the imported values and downloads the CSV", async () => {
    await page.goto(
      "/health/explorer?dx=DeAnc100001&ou=RegSeg00001&pt=Monthly&from=2022-01&to=2022-02",
    );
    expect(await page.locator(".hx-table tbody tr").count()).toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("a[href^='/health/explorer.csv']"),
    ]);
    const csv = await readFile(await download.path(), "utf8");
    expect(csv).toContain("Ségou");
    expect(csv).toMatch(/80/);
    expect(browserErrors).toEqual([]);
  });
});
