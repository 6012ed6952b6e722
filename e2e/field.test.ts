// The field journey, on a real `jalon serve` and a real mail server, every page over an emulated
// slow phone link (400 kbit/s, 400 ms round trip) at 360 px: the first administrator from the
// set-up link, an account added from a second process while the server runs, then a 2024 cycle
// collected, sent back after collection closed, corrected by the partner and published.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type Served, serveJalon } from "../test/support/served.ts";
import {
  browserSuite,
  CHROMIUM,
  CHROMIUM_ARGS,
  checkPage,
  PHONE,
  SCREENSHOTS,
  watch,
} from "./support.ts";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "jalon.js");
const width = PHONE.viewport.width;
/** Chromium's DevTools emulation of a slow phone link, as bench/3g.ts measures the budgets. */
const SLOW_LINK = {
  offline: false,
  latency: 400,
  downloadThroughput: 50_000,
  uploadThroughput: 50_000,
};

const READY = /Jalon est prêt\u00a0: (http:\/\/127\.0\.0\.1:(\d+))/;
const SETUP = /ouvrez ce lien pour créer l'administrateur .*: (http:\/\/\S+\/setup\/\S+)$/;

const ADMIN = {
  email: "admin@sante.example.ml",
  name: "Awa Traoré",
  password: "Baobab de Kayes, saison 2024",
};
const COORDINATOR = {
  email: "coordination@sante.example.ml",
  name: "Moussa Keïta",
  password: "Fleuve Niger à Ségou 1960",
};
const VALIDATOR = {
  email: "validation@sante.example.ml",
  name: "Fatoumata Diarra",
  password: "Marché de Mopti le lundi",
};
const PARTNER_MAIL = "suivi.pf@psi.example.org";
const FIRST = "Formation de sages-femmes au post-partum immédiat à Kayes.";
const CORRECTED = "Formation de 48 sages-femmes au post-partum immédiat à Kayes et Kita.";
const COMMENT = "Précisez le nombre de sages-femmes formées et les cercles concernés.";

interface Mail {
  to: string[];
  text: string;
}

/** Undoes quoted-printable (soft line breaks included): enough to read a link nodemailer wrote. */
function readBody(raw: string): string {
  const body = raw.slice(raw.indexOf("\r\n\r\n") + 4).replace(/=\r?\n/g, "");
  const bytes = body.replace(/=([0-9A-F]{2})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/** A mail server on loopback keeping what arrives, as the partner's mailbox would. */
function startMailbox(): Promise<{ server: SMTPServer; port: number; mails: Mail[] }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          text: readBody(Buffer.concat(chunks).toString("latin1")),
        });
        done();
      });
    },
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () =>
      done({ server, port: (server.server.address() as AddressInfo).port, mails }),
    );
  });
}

/** `jalon serve` as the newcomer runs it, on a fresh data directory, e-mail through `smtpUrl`. */
function serve(dataDir: string, smtpUrl: string): Served {
  return serveJalon({ JALON_DATA_DIR: dataDir, SMTP_URL: smtpUrl });
}

/** One `jalon` command in its own process, beside the running server. */
function jalon(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; out: string; err: string }>((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { PATH: process.env.PATH, TZ: "UTC", ...env }, timeout: 50_000 },
      (error, out, err) => done({ code: error ? (error.code as number) : 0, out, err }),
    );
  });
}

interface Timing {
  page: string;
  loadMs: number;
  kB: number;
}

const [suite, title] = browserSuite("field journey on a slow link");

suite(title, () => {
  let dir: string;
  let data: string;
  let server: Served;
  let base: string;
  let setupLink: string;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const browserErrors: string[] = [];
  const timings: Timing[] = [];
  let shots = 0;
  let admin: Page;
  let coordinator: Page;
  let validator: Page;
  let partner: Page;
  let partnerLink: string;

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    mailbox = await startMailbox();
    dir = await mkdtemp(join(tmpdir(), "jalon-field-"));
    data = join(dir, "data");
    // The listener offers STARTTLS with a self-signed certificate: accepted for the test only.
    server = serve(data, `smtp://127.0.0.1:${mailbox.port}?tls.rejectUnauthorized=false`);
    base = (await server.waitFor(READY))[1] ?? "";
    setupLink = (await server.waitFor(SETUP))[1] ?? "";
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);

  afterAll(async () => {
    if (timings.length > 0) {
      console.log(
        `Page loads over 400 kbit/s, 400 ms RTT (navigation timing, load event):\n${timings
          .map(
            (t) =>
              `  ${t.page.padEnd(44)} ${String(t.loadMs).padStart(6)} ms ${t.kB.toFixed(1).padStart(7)} kB`,
          )
          .join("\n")}`,
      );
    }
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close().catch(() => {});
    if (server && server.process.exitCode === null) {
      await new Promise<void>((done) => {
        server.process.once("exit", () => done());
        server.process.kill("SIGTERM");
      });
    }
    await new Promise<void>((done) => (mailbox ? mailbox.server.close(() => done()) : done()));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /**
   * A new phone: its own cookies, every request over the slow link. Chromium does not slow a
   * service worker's own fetches (neither the page's emulation nor the worker target's, tried on
   * Chromium 156), and the questionnaire's worker fetches its pages first: it is kept off here so
   * that every figure crossed the slow link. e2e/offline.test.ts drives the worker.
   */
  async function phone(): Promise<Page> {
    const context = await browser.newContext({ ...PHONE, baseURL: base, serviceWorkers: "block" });
    contexts.push(context);
    const page = await context.newPage();
    watch(page, browserErrors);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", SLOW_LINK);
    return page;
  }

  /**
   * The page just loaded: its load time and what it cost (the document and what it loaded
   * before its load event), then a screenshot checked for width. `timed: false` when the page
   * changed in place (no navigation to time).
   */
  async function loaded(page: Page, name: string, o: { timed?: boolean } = {}): Promise<void> {
    await page.waitForLoadState("load");
    shots += 1;
    const label = `field-${String(shots).padStart(2, "0")}-${name}`;
    if (o.timed !== false) {
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
        const before = resources.filter((r) => r.startTime < nav.loadEventStart);
        return {
          load: nav.loadEventStart - nav.startTime,
          bytes: nav.transferSize + before.reduce((sum, r) => sum + r.transferSize, 0),
        };
      });
      timings.push({
        page: label,
        loadMs: Math.round(t.load),
        kB: t.bytes / 1000,
      });
    }
    await checkPage(page, label, width);
  }

  /** The mail that reached `to` with a link, once the outbox has sent it. */
  async function mailTo(to: string, kind: RegExp): Promise<string> {
    let found: Mail | undefined;
    await expect
      .poll(
        () => {
          found = mailbox.mails.find((m) => m.to.includes(to) && kind.test(m.text));
          return found !== undefined;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const link = /(http:\/\/\S+\/i\/[A-Za-z0-9_-]{20,})/.exec(found?.text ?? "")?.[1] ?? "";
    expect(link.startsWith(`${base}/i/`)).toBe(true);
    return link;
  }

  async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
    await page.fill("input[name=email]", who.email);
    await page.fill("input[name=password]", who.password);
    await page.locator("main button[type=submit]").click();
    await page.waitForURL("**/manage");
  }

  it("creates the first administrator from the set-up link the server printed", async () => {
    expect(setupLink.startsWith(`${base}/setup/`)).toBe(true);
    admin = await phone();
    expect((await admin.goto(setupLink))?.status()).toBe(200);
    await loaded(admin, "setup");
    await admin.fill("input[name=email]", ADMIN.email);
    await admin.fill("input[name=name]", ADMIN.name);
    await admin.fill("input[name=password]", ADMIN.password);
    await admin.locator("main button[type=submit]").click();
    await admin.waitForURL("**/manage");
    await loaded(admin, "admin-workspace");
    // Signed in as an administrator: the accounts page is offered, and signing out.
    expect(await admin.getByRole("link", { name: "Comptes" }).count()).toBe(1);
    expect(await admin.getByRole("button", { name: "Se déconnecter" }).count()).toBe(1);
  }, 120_000);

  it("adds the coordinator from a second process while the server runs", async () => {
    const added = await jalon(
      [
        "user",
        "add",
        "--email",
        COORDINATOR.email,
        "--role",
        "coordinator",
        "--name",
        COORDINATOR.name,
      ],
      { JALON_DATA_DIR: data },
    );
    expect(added.err).toBe("");
    expect(added.code).toBe(0);
    const link = /(http:\/\/\S+\/password\/reset\/[A-Za-z0-9_-]{40,})/.exec(added.out)?.[1] ?? "";
    expect(link.startsWith(`${base}/password/reset/`)).toBe(true);

    coordinator = await phone();
    await coordinator.goto(link);
    await loaded(coordinator, "coordinator-password");
    await coordinator.fill("input[name=password]", COORDINATOR.password);
    await coordinator.locator("main button[type=submit]").click();
    await coordinator.locator("input[name=email]").waitFor();
    await loaded(coordinator, "coordinator-password-set");
    await signIn(coordinator, COORDINATOR);
    await loaded(coordinator, "coordinator-workspace");

    // The set-up link served once: it is dead now that accounts exist.
    const again = await admin.goto(setupLink);
    expect(again?.status()).toBe(410);
    await loaded(admin, "setup-dead");
  }, 120_000);

  it("lets the administrator add the validator in the browser", async () => {
    await admin.goto("/manage/users");
    await loaded(admin, "users");
    await admin.fill("input[name=email]", VALIDATOR.email);
    await admin.fill("input[name=name]", VALIDATOR.name);
    await admin.selectOption("select[name=role]", "validator");
    await admin.locator("form[action='/manage/users'] button[type=submit]").click();
    await admin.waitForLoadState("load");
    const notice = (await admin.locator(".notice").first().textContent()) ?? "";
    const link = /(http:\/\/\S+\/password\/reset\/[A-Za-z0-9_-]{40,})/.exec(notice)?.[1] ?? "";
    expect(link.startsWith(`${base}/password/reset/`)).toBe(true);
    await loaded(admin, "users-created");

    validator = await phone();
    await validator.goto(link);
    await validator.fill("input[name=password]", VALIDATOR.password);
    await validator.locator("main button[type=submit]").click();
    await validator.locator("input[name=email]").waitFor();
    await signIn(validator, VALIDATOR);
    await loaded(validator, "validator-workspace");
  }, 120_000);

  it("opens 2024 and invites PSI by e-mail; the partner answers with a decimal comma", async () => {
    const page = coordinator;
    await page.goto("/manage");
    await page.fill("input[name=slug]", "2024");
    await page.fill("input[name=label]", "Janvier – décembre 2024");
    await page.fill("input[name=labelEn]", "January – December 2024");
    await page.fill("input[name=periodStart]", "2024-01-01");
    await page.fill("input[name=periodEnd]", "2024-12-31");
    await page.selectOption("select[name=fromSlug]", "2022");
    await page.getByRole("button", { name: "Créer la période" }).click();
    await page.waitForURL("**/manage/cycles/2024/mapping");
    await loaded(page, "mapping");

    await page.goto("/manage/cycles/2024");
    const year = new Date().getUTCFullYear() + 1;
    await page.fill("input[name=deadline]", `${year}-02-15`);
    await page.getByRole("button", { name: "Ouvrir la collecte" }).click();
    await page.waitForURL((url) => url.pathname === "/manage/cycles/2024");
    await loaded(page, "cycle-open");

    await page.goto("/manage/cycles/2024/partners/psi");
    await page.fill("input[name=email]", PARTNER_MAIL);
    await page.getByRole("button", { name: "Créer le lien d’invitation" }).click();
    await page.locator("input[name=link]").waitFor();
    await loaded(page, "invited");

    // The e-mail leaves through the outbox, and reaches the partner's mailbox.
    await page.goto("/manage/outbox");
    await page.getByRole("button", { name: "Envoyer maintenant" }).click();
    await page.waitForLoadState("load");
    await loaded(page, "outbox-sent");
    partnerLink = await mailTo(PARTNER_MAIL, /\/i\//);

    partner = await phone();
    expect((await partner.goto(partnerLink))?.status()).toBe(200);
    expect(partner.url()).toBe(`${base}/q/2024/psi`);
    await loaded(partner, "questionnaire");
    const d = partner.locator("#i-d");
    await d.locator("input[name=contributes][value=yes]").check();
    await d.locator("textarea[name=activities]").fill(FIRST);
    await d.locator("input[name=outputValue]").first().fill("12,5");
    await d.locator("input[name=outputUnit]").first().fill("millions FCFA alloués");
    await d.getByRole("button", { name: "Soumettre pour validation" }).click();
    await expectText(d.locator("[data-state]"), "Soumis", 20_000);
    // What the server kept comes back as typed, in French.
    await partner.reload();
    await loaded(partner, "questionnaire-submitted");
    expect(await d.locator("input[name=outputValue]").first().inputValue()).toBe("12,5");
    expect(await d.locator("[data-state]").textContent()).toBe("Soumis");
  }, 240_000);

  it("closes collection, sends the answer back, and reaches the partner with a fresh link", async () => {
    await coordinator.goto("/manage/cycles/2024");
    await coordinator
      .getByRole("button", { name: "Clore la collecte et passer à la validation" })
      .click();
    await expectText(coordinator.locator(".st-validation").first(), "En validation");
    await loaded(coordinator, "collection-closed");

    // The partner's session ended with collection.
    await partner.reload();
    await loaded(partner, "partner-after-close");
    expect(await partner.locator("#i-d textarea[name=activities]").count()).toBe(0);
    // Not the staff sign-in alone: the partner reads why the link closed and what comes next.
    await expectText(partner.locator("h1"), "Ce lien n’ouvre plus le questionnaire");

    await validator.goto("/manage/cycles/2024/validation");
    await loaded(validator, "validation");
    const answer = validator.locator("article.answer", { hasText: FIRST });
    await answer.locator("summary", { hasText: "Renvoyer au partenaire" }).click();
    await answer.locator("textarea[name=comment]").fill(COMMENT);
    await answer.getByRole("button", { name: "Renvoyer avec ce commentaire" }).click();
    await validator.waitForURL(/saved=a-/);
    await loaded(validator, "sent-back");
    expect(await answer.textContent()).toContain(COMMENT);

    // The coordinator sees the answer sent back and can hand a link over by WhatsApp.
    await coordinator.goto("/manage/cycles/2024/validation");
    const theirs = coordinator.locator("article.answer", { hasText: FIRST });
    await expect.poll(() => theirs.getByRole("button", { name: /WhatsApp/ }).count()).toBe(1);
    await loaded(coordinator, "validation-coordinator");
    await coordinator.goto("/manage/outbox");
    await coordinator.getByRole("button", { name: "Envoyer maintenant" }).click();
    await coordinator.waitForLoadState("load");
    const fresh = await mailTo(PARTNER_MAIL, /renvoyé à/);
    expect(fresh).not.toBe(partnerLink);

    expect((await partner.goto(fresh))?.status()).toBe(200);
    expect(partner.url()).toBe(`${base}/q/2024/psi`);
    await loaded(partner, "questionnaire-returned");
    expect(await partner.locator("main").textContent()).toContain(COMMENT);
    const d = partner.locator("#i-d");
    expect(await d.locator("[data-state]").textContent()).toBe("Renvoyé pour correction");
    await d.locator("textarea[name=activities]").fill(CORRECTED);
    await d.getByRole("button", { name: "Soumettre pour validation" }).click();
    await expectText(d.locator("[data-state]"), "Soumis", 20_000);
    await loaded(partner, "questionnaire-resubmitted", { timed: false });
  }, 240_000);

  it("validates, publishes after the confirmation, and shows the corrected answer to anyone", async () => {
    await validator.goto("/manage/cycles/2024/validation");
    const form = validator.locator('form.assess[action*="/indicators/d#"]');
    await form.locator("input[name=status][value=achieved]").check();
    await form.locator("textarea[name=narrative]").fill("Les formations prévues ont eu lieu.");
    await form.getByRole("button", { name: "Enregistrer le statut" }).click();
    await validator.waitForLoadState("load");
    await loaded(validator, "validated");
    const answer = validator.locator("article.answer", { hasText: CORRECTED });
    expect(await answer.locator(".mark").textContent()).toBe("Validée");
    expect(await answer.textContent()).toContain("12,5");

    await coordinator.goto("/manage/cycles/2024");
    const publish = coordinator.getByRole("button", {
      name: "Publier (les réponses et statuts seront figés)",
    });
    await coordinator.getByLabel(/Je confirme la publication/).check();
    await loaded(coordinator, "publish-confirm");
    await publish.click();
    await expectText(coordinator.locator(".st-published").first(), "Publié");
    await loaded(coordinator, "published");

    const visitor = await phone();
    await visitor.goto("/");
    await loaded(visitor, "public-scorecard");
    expect(await visitor.locator("main").textContent()).toContain("Janvier – décembre 2024");
    await visitor.goto("/cycles/2024/commitments/2");
    await loaded(visitor, "public-commitment");
    const text = (await visitor.locator("main").textContent()) ?? "";
    expect(text).toContain(CORRECTED);
    expect(text).not.toContain(FIRST);
    expect(text).toContain("12,5");
  }, 240_000);

  it("met no page error and no server error", () => {
    expect(browserErrors).toEqual([]);
    const errors = server.lines.filter((l) => /error|erreur|\b500\b/i.test(l));
    expect(errors).toEqual([]);
  });
});

async function expectText(
  locator: ReturnType<Page["locator"]>,
  text: string,
  timeout = 10_000,
): Promise<void> {
  await expect
    .poll(async () => ((await locator.textContent()) ?? "").trim(), { timeout })
    .toBe(text);
}
