// The indicator explorer in a real browser at phone width: the health world imported into an
// in-memory PGlite, a staff member's choice filled in through the form (no script), the chart
// and the table on a 360 px screen with nothing sticking out and no policy violation, then the
// same page in English.

import { mkdir } from "node:fs/promises";
import type { ServerType } from "@hono/node-server";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/connect.ts";
import { createApp } from "../src/http/app.ts";
import { freshDatabase } from "../test/support/database.ts";
import { HEALTH_ACCOUNTS, HEALTH_PASSWORD, loadHealthWorld } from "../test/support/health-app.ts";
import { errorLogger } from "../test/support/logs.ts";
import {
  browserSuite,
  CHROMIUM,
  CHROMIUM_ARGS,
  checkPage,
  closeServer,
  listen,
  PHONE,
  SCREENSHOTS,
  watch,
} from "./support.ts";

const [suite, title] = browserSuite("indicator explorer in a browser");

suite(title, () => {
  let database: Database;
  let server: ServerType;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  const browserErrors: string[] = [];

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    database = await freshDatabase("pglite");
    await loadHealthWorld(database);
    let base: string;
    ({ server, base } = await listen((baseUrl) =>
      createApp({
        db: database.db,
        secureCookies: false,
        logger: errorLogger((l) => console.error(l)),
        baseUrl,
      }),
    ));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    phone = await browser.newContext({ ...PHONE, baseURL: base });
    page = await phone.newPage();
    watch(page, browserErrors);
  });

  afterAll(async () => {
    await phone?.close();
    await browser?.close();
    await closeServer(server);
    await database?.close();
  });

  it("draws a district breakdown by month on a phone, from the form alone", async () => {
    await page.goto("/login");
    await page.fill("input[name=email]", HEALTH_ACCOUNTS.admin);
    await page.fill("input[name=password]", HEALTH_PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
    await page.goto("/health/explorer");
    await page.selectOption("select[name=dx]", "InAnc1Cov01");
    await page.selectOption("select[name=ou]", "RegSeg00001");
    await page.selectOption("select[name=level]", "3");
    await page.fill("input[name=from]", "2022-01");
    await page.fill("input[name=to]", "2022-03");
    await Promise.all([page.waitForNavigation(), page.click("form.hx-form button[type=submit]")]);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/health/explorer");
    expect(url.searchParams.get("level")).toBe("3");
    expect(await page.locator("figure.chart svg").count()).toBeGreaterThan(0);
    expect(await page.locator("ul.legend li").allTextContents()).toEqual([" Barouéli", " Bla"]);
    expect(await page.locator(".hx-table tbody tr").count()).toBe(6);
    await checkPage(page, "health-explorer-fr", PHONE.viewport.width);
    expect(browserErrors).toEqual([]);
  });

  it("shows the same choice in English", async () => {
    await page.locator("a.lang").click();
    await page.waitForSelector("html[lang=en]", { state: "attached" });
    expect(await page.locator(".hx-table tbody tr").first().textContent()).toContain("Jan 2022");
    await checkPage(page, "health-explorer-en", PHONE.viewport.width);
    expect(browserErrors).toEqual([]);
  });
});
