// What every browser journey shares: Debian's Chromium and its flags, the rule that a missing
// browser skips the journeys locally but fails them under CI, and the demo served in process.

import { accessSync, constants } from "node:fs";
import { mkdir, mkdtemp } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createAdaptorServer, type ServerType } from "@hono/node-server";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { describe, expect } from "vitest";
import { type Database, openDatabase } from "../src/db/connect.ts";
import { loadDemoWorlds, prepareDemo } from "../src/demo/load.ts";
import { createApp } from "../src/http/app.ts";
import { healthImportJobs } from "../src/services/health/import-jobs.ts";
import { createJobRunner, type JobRunner } from "../src/services/shared/jobs.ts";
import { createInvitation } from "../src/services/tracker/invitations.ts";
import { addUser } from "../src/services/tracker/users.ts";
import { freshDatabase } from "../test/support/database.ts";
import { errorLogger } from "../test/support/logs.ts";
import { type ACCOUNTS, openCycle2023, PASSWORD, SYSTEM } from "../test/support/world.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Without the background-networking flags Chromium keeps calling hosts this network refuses. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const SCREENSHOTS = resolve(import.meta.dirname, "screenshots");

/** A French phone: the width the pages are built for. */
export const PHONE = {
  viewport: { width: 360, height: 760 },
  isMobile: true,
  hasTouch: true,
  locale: "fr-FR",
};

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const hasChromium = isExecutable(CHROMIUM);

/** `describe` when Chromium is there; a skip with the reason otherwise (an error under CI). */
export function browserSuite(name: string): [typeof describe | typeof describe.skip, string] {
  if (!hasChromium && process.env.CI === "true") {
    throw new Error(
      `CI=true but no Chromium at ${CHROMIUM}: install Debian's chromium or set CHROMIUM_PATH`,
    );
  }
  if (hasChromium) return [describe, name];
  console.warn(
    `e2e: no Chromium at ${CHROMIUM}; ${name} skipped (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
  return [describe.skip, `${name} (skipped: no Chromium at ${CHROMIUM}; set CHROMIUM_PATH)`];
}

/**
 * Collects what a page reports as wrong: uncaught errors, and console errors except Chromium's
 * own "Failed to load resource" lines, which every expected non-2xx answer (a refused upload, a
 * stale write's 412, an offline attempt) prints. Content-Security-Policy violations are kept.
 */
export function watch(page: Page, errors: string[]): void {
  page.on("console", (message) => {
    if (message.type() === "error" && !/^Failed to load resource/.test(message.text()))
      errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
}

/** A full-page screenshot for review, then no sideways scrolling at this width. */
export async function checkPage(page: Page, name: string, width: number): Promise<void> {
  await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
  const { scrollWidth, culprits } = await page.evaluate((limit) => {
    // The innermost elements sticking out on the right: what to fix when the page is too wide.
    const wide = [...document.body.querySelectorAll("*")].filter(
      (el) => el.getBoundingClientRect().right > limit + 0.5,
    );
    const innermost = wide.filter(
      (el) => !wide.some((other) => other !== el && el.contains(other)),
    );
    // Text can stick out of a box that fits (a long link in a notice): name that box then.
    const spilling = [...document.body.querySelectorAll("*")].filter(
      (el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible",
    );
    return {
      scrollWidth: document.documentElement.scrollWidth,
      culprits: (innermost.length > 0 ? innermost : spilling).slice(0, 5).map((el) => {
        const cls = el.getAttribute("class");
        const right = Math.round(el.getBoundingClientRect().right);
        const text = (el.textContent ?? "").trim().slice(0, 40);
        return `<${el.tagName.toLowerCase()}${cls ? ` class="${cls}"` : ""}> right=${right} "${text}"`;
      }),
    };
  }, width);
  expect(
    scrollWidth,
    `${name}: page ${scrollWidth}px wide at ${width}px; sticking out: ${culprits.join("; ")}`,
  ).toBeLessThanOrEqual(width);
}

/** Serves the app on a free loopback port; the server and its base address. */
type Fetch = Parameters<typeof createAdaptorServer>[0]["fetch"];

/**
 * Serves an app on a free port. Given a function, builds the app from the address it listens on
 * (the base of the links it prints), as main.ts does.
 */
export async function listen(
  app: { fetch: Fetch } | ((base: string) => { fetch: Fetch }),
): Promise<{ server: ServerType; base: string }> {
  let fetch: Fetch | undefined = typeof app === "function" ? undefined : app.fetch;
  const server = createAdaptorServer({
    fetch: (request, env) => (fetch as Fetch)(request, env),
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => done());
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (typeof app === "function") fetch = app(base).fetch;
  return { server, base };
}

/** Stops a test's HTTP server, cutting the connections a browser keeps open. */
export async function closeServer(server: ServerType | undefined): Promise<void> {
  if (!server) return;
  await new Promise<void>((done) => {
    server.close(() => done());
    if ("closeAllConnections" in server) server.closeAllConnections();
  });
}

/**
 * Serves the app with the health part's imports on a free port: uploads kept in `uploadDir`,
 * their jobs run by a runner of their own (stop it after the server).
 */
export async function serveHealth(
  database: Database,
  uploadDir: string,
  log: (line: string) => void,
): Promise<{ server: ServerType; base: string; runner: JobRunner }> {
  const runner = createJobRunner(database.db, healthImportJobs(database), {
    log: errorLogger(log),
  });
  const { server, base } = await listen((baseUrl) =>
    createApp({
      db: database.db,
      secureCookies: false,
      logger: errorLogger(log),
      baseUrl,
      health: { database, uploadDir, kickJobs: () => runner.kick() },
    }),
  );
  return { server, base, runner };
}

type Account = (typeof ACCOUNTS)[keyof typeof ACCOUNTS];

/** The demo world served in process to a launched Chromium: what most journeys start from. */
export interface Journey {
  database: Database;
  server: ServerType;
  base: string;
  browser: Browser;
  /** New links to PSI's 2023 questionnaire, one per address (null: a link without one). */
  invite(emails: (string | null)[]): Promise<string[]>;
  /** Closes the given browser contexts, the browser, the server and the database. */
  stop(contexts?: BrowserContext[]): Promise<void>;
}

/**
 * Loads the demo into a fresh embedded database, adds the accounts asked for (password
 * PASSWORD), opens the 2023 cycle when asked, serves the app on a free port (`wrap` may watch
 * its requests) and launches Chromium.
 */
export async function startJourney(options: {
  log: (line: string) => void;
  accounts?: Account[];
  cycle2023?: boolean;
  wrap?: (app: { fetch: Fetch }) => { fetch: Fetch };
}): Promise<Journey> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const database = await openDatabase({ kind: "pglite", dataDir: null });
  await prepareDemo(database.db);
  for (const a of options.accounts ?? []) {
    await addUser(database.db, "test", {
      email: a.email,
      name: a.email.split("@")[0] ?? a.email,
      role: a.role,
      partnerSlug: "partner" in a ? a.partner : undefined,
      password: PASSWORD,
    });
  }
  if (options.cycle2023) await openCycle2023(database.db);
  const { server, base } = await listen((baseUrl) => {
    const app = createApp({
      db: database.db,
      secureCookies: false,
      logger: errorLogger(options.log),
      baseUrl,
    });
    return options.wrap ? options.wrap(app) : app;
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    database,
    server,
    base,
    browser,
    async invite(emails) {
      const links: string[] = [];
      for (const email of emails) {
        const created = await createInvitation(
          database.db,
          SYSTEM,
          { cycleSlug: "2023", partnerSlug: "psi", email, baseUrl: base },
          (m) => ({ subject: "Invitation", body: m.url }),
          "fr",
        );
        links.push(created.url);
      }
      return links;
    },
    async stop(contexts = []) {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await closeServer(server);
      await database.close();
    },
  };
}

/** Both demo worlds served with the health part's imports to a phone in Chromium, signed out. */
export interface PhoneJourney {
  database: Database;
  base: string;
  browser: Browser;
  phone: BrowserContext;
  page: Page;
  /** The temporary directory the screenshots (and the uploads) go to, named in the log. */
  dir: string;
  /** What the page's console and network said wrong (see `watch`). */
  errors: string[];
  /** A screenshot of the page (or of one part) into `dir`; fails if the page scrolls sideways. */
  shot(name: string, part?: Locator): Promise<void>;
  /** Signs the phone in with the account made at the start. */
  signIn(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Loads the Mali and health demo worlds (and the programme) into a fresh embedded database, adds
 * one account, serves the app with the health imports and their job runner, and opens a phone
 * of `width` px.
 */
export async function startPhoneJourney(o: {
  prefix: string;
  account: { email: string; name: string; role: string; password: string };
  width: number;
}): Promise<PhoneJourney> {
  const dir = await mkdtemp(join(tmpdir(), `jalon-e2e-${o.prefix}-`));
  console.info(`screenshots in ${dir}`);
  const database = await freshDatabase("pglite");
  await loadDemoWorlds(database, { reset: false });
  await addUser(database.db, "test", { ...o.account });
  const { server, base, runner } = await serveHealth(database, join(dir, "uploads"), (l) =>
    console.error(l),
  );
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const phone = await browser.newContext({
    ...PHONE,
    viewport: { width: o.width, height: 844 },
    baseURL: base,
    acceptDownloads: true,
  });
  const page = await phone.newPage();
  const errors: string[] = [];
  watch(page, errors);
  return {
    database,
    base,
    browser,
    phone,
    page,
    dir,
    errors,
    async shot(name, part) {
      const path = join(dir, `${name}.png`);
      await (part ? part.screenshot({ path }) : page.screenshot({ path, fullPage: true }));
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(wide, `${name} is ${wide}px wide`).toBeLessThanOrEqual(o.width);
    },
    async signIn() {
      await page.goto("/login");
      await page.fill("input[name=email]", o.account.email);
      await page.fill("input[name=password]", o.account.password);
      await Promise.all([page.waitForNavigation(), page.click("button[type=submit]")]);
    },
    async stop() {
      await phone.close().catch(() => {});
      await browser.close().catch(() => {});
      await closeServer(server);
      await runner.stop();
      await database.close();
    },
  };
}
