// The public journey in a real browser, at phone width: scorecard in French, switch to English,
// a commitment, a partner, the directory, the synthesis and a 404. The app runs in process on an
// in-memory PGlite loaded with the Mali 2022 demo; the browser is the system's Chromium.
import { resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { browserSuite, checkPage, type Journey, startJourney, watch } from "./support.ts";

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const DOCS_SCREENSHOT = resolve(import.meta.dirname, "../docs/screenshot-scorecard.png");

const [suite, title] = browserSuite("public journey in a browser");

suite(title, () => {
  let journey: Journey;
  let base: string;
  let browser: Browser;
  let phone: BrowserContext;
  let page: Page;
  /** Console errors about the Content-Security-Policy, and uncaught page errors. */
  const browserErrors: string[] = [];

  beforeAll(async () => {
    journey = await startJourney({ log: console.error });
    ({ base, browser } = journey);
    phone = await browser.newContext({
      viewport: PHONE,
      isMobile: true,
      hasTouch: true,
      baseURL: base,
    });
    page = await phone.newPage();
    watch(page, browserErrors);
  });

  afterAll(async () => {
    await journey?.stop(phone ? [phone] : []);
  });

  it("shows the scorecard in French by default", async () => {
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    expect(await page.getAttribute("html", "lang")).toBe("fr");
    expect(await page.locator("h1").textContent()).toContain("Mali");
    expect(await countOf(page, "Réalisé")).toBe("8");
    expect(await countOf(page, "Sur la bonne voie")).toBe("7");
    expect(await page.locator(".grid.two > section.card").count()).toBe(6);
    await checkPage(page, "scorecard-fr", PHONE.width);
  });

  it("switches to English, and the choice persists", async () => {
    await page.locator("a.lang").click();
    await page.waitForSelector("html[lang=en]", { state: "attached" });
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await countOf(page, "Achieved")).toBe("8");
    expect(await countOf(page, "On track")).toBe("7");
    expect(await page.locator("a.lang").textContent()).toBe("Français");
    const cookies = await phone.cookies(base);
    expect(cookies.find((c) => c.name === "jalon_lang")?.value).toBe("en");
    await checkPage(page, "scorecard-en", PHONE.width);
  });

  it("follows commitment 2 to its indicators and contributions", async () => {
    await page.locator('a[href="/cycles/2022/commitments/2"]').first().click();
    await page.waitForURL("**/cycles/2022/commitments/2");
    // No ?lang= on this URL: English comes from the saved choice.
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe("Commitment 2");
    const indicator = indicatorSection(page, "2.2");
    expect(await indicator.count()).toBe(1);
    const table = indicator.locator("table");
    expect(await table.count()).toBe(1);
    const text = (await table.textContent()) ?? "";
    expect(text).toContain("PSI");
    expect(text).toContain("619");
    await checkPage(page, "commitment-2", PHONE.width);
  });

  it("follows PSI from the contributions table to its partner page", async () => {
    const table = indicatorSection(page, "2.2").locator("table");
    await table.locator("tbody td:nth-child(2) a", { hasText: /^PSI$/ }).click();
    await page.waitForURL("**/partners/psi");
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.locator("h1").textContent()).toBe("PSI");
    const contribution = page.locator("article.card", {
      has: page.locator("h3", { hasText: "Indicator 2.2" }),
    });
    expect(await contribution.count()).toBe(1);
    expect(await contribution.textContent()).toContain("619");
    await checkPage(page, "partner-psi", PHONE.width);
  });

  it("opens the partner directory from the navigation", async () => {
    await page.locator('nav.main a[href="/partners"]').click();
    await page.waitForURL("**/partners");
    expect(await page.locator("h1").textContent()).toBe("Partners");
    const headings = await page.locator("main section h2").allTextContents();
    for (const category of [
      "Government",
      "Main donors",
      "International NGOs",
      "Local NGOs and local actors",
      "Private sector",
    ]) {
      expect(headings.some((h) => h.startsWith(category))).toBe(true);
    }
    await checkPage(page, "partners", PHONE.width);
  });

  it("opens the synthesis from the navigation", async () => {
    // The directory is not tied to a cycle, so the synthesis entry is reached from the scorecard.
    await page.locator('nav.main a[href="/"]').click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.locator('nav.main a[href="/cycles/2022/synthesis"]').click();
    await page.waitForURL("**/cycles/2022/synthesis");
    expect(await page.locator("h1").textContent()).toContain("Synthesis");
    const blocks = page.locator('section[aria-labelledby="bb"] table tbody tr');
    expect(await blocks.count()).toBe(6);
    await checkPage(page, "synthesis", PHONE.width);
  });

  it("answers an unknown commitment with a helpful 404", async () => {
    const response = await page.goto("/cycles/2022/commitments/99");
    expect(response?.status()).toBe(404);
    expect(await page.locator("h1").textContent()).toBe("Page not found");
    expect(await page.locator("main").textContent()).toContain("“99”");
    expect(await page.locator('main a[href="/"]').count()).toBe(1);
    await checkPage(page, "not-found", PHONE.width);
  });

  it("shows the scorecard on a desktop screen", async () => {
    const desktop = await browser.newContext({ viewport: DESKTOP, baseURL: base });
    try {
      const wide = await desktop.newPage();
      watch(wide, browserErrors);
      const response = await wide.goto("/");
      expect(response?.status()).toBe(200);
      expect(await wide.locator(".grid.two > section.card").count()).toBe(6);
      await checkPage(wide, "scorecard-desktop", DESKTOP.width);
      // The README's picture: the first screen only, to stay small.
      await wide.screenshot({ path: DOCS_SCREENSHOT });
    } finally {
      await desktop.close();
    }
  });

  it("met no Content-Security-Policy violation nor page error", () => {
    expect(browserErrors).toEqual([]);
  });
});

/** The number shown before a status label in the scorecard's counts. */
async function countOf(page: Page, label: string): Promise<string | null> {
  const item = page.locator("ul.counts li", {
    has: page.locator(".mark", { hasText: new RegExp(`^${label}$`) }),
  });
  return item.locator("b").textContent();
}

function indicatorSection(page: Page, number: string) {
  return page.locator("section.card", {
    has: page.locator("h2", { hasText: new RegExp(`^${number.replace(".", "\\.")} `) }),
  });
}
