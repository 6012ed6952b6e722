// The questionnaire as a file in a real browser, at phone width: a PSI respondent downloads the
// 2023 questionnaire as a workbook, fills it in offline (here with exceljs, as a spreadsheet
// program would), uploads it back and reads the counts; a file that is not a workbook is refused.
// The app runs in process on an in-memory PGlite loaded with the Mali 2022 demo, a 2023 cycle
// carried forward and open for collection, and a respondent account; the browser is the system's
// Chromium.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/connect.ts";
import {
  QUESTIONNAIRE_COLUMNS,
  QUESTIONNAIRE_FILE,
} from "../src/domain/tracker/questionnaire-file.ts";
import { ACCOUNTS, PASSWORD } from "../test/support/world.ts";
import { browserSuite, checkPage, type Journey, PHONE, startJourney, watch } from "./support.ts";

const ACTIVITIES = "Formation de 619 prestataires en PF du post-partum, saisie hors ligne.";
const OUTPUTS = "619 prestataires formés; 12 sessions";
const REFUSED_WORD = "Peut-être";

const [suite, title] = browserSuite("questionnaire file journey in a browser");

suite(title, () => {
  let journey: Journey;
  let database: Database;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let work: string;
  /** The workbook as filled in offline, kept for the second upload. */
  let filled: string;
  /** Rows of the questionnaire sheet: every indicator asked of PSI in 2023. */
  let indicatorRows = 0;
  /** The sheet row the refused answer was written on. */
  let refusedRow = 0;
  const browserErrors: string[] = [];
  const serverErrors: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "jalon-files-e2e-"));
    // The coordinator's part (covered by the collection journey): 2023 from 2022, open.
    journey = await startJourney({
      log: (line) => serverErrors.push(line),
      accounts: [ACCOUNTS.respondent],
      cycle2023: true,
    });
    ({ database, base, browser } = journey);
    context = await browser.newContext({ ...PHONE, baseURL: base, acceptDownloads: true });
    page = await context.newPage();
    watch(page, browserErrors);
  });

  afterAll(async () => {
    await journey?.stop(context ? [context] : []);
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** PSI's stored answers in 2023, by indicator code, with their outputs. */
  async function stored() {
    const rows = await database.db
      .selectFrom("responses")
      .innerJoin("cycles", "cycles.id", "responses.cycle_id")
      .innerJoin("partners", "partners.id", "responses.partner_id")
      .innerJoin("indicators", "indicators.id", "responses.indicator_id")
      .select([
        "responses.id",
        "indicators.code",
        "responses.contributes",
        "responses.activities",
        "responses.method",
        "responses.state",
        "responses.version",
      ])
      .where("cycles.slug", "=", "2023")
      .where("partners.slug", "=", "psi")
      .orderBy("indicators.code")
      .execute();
    const outputs =
      rows.length === 0
        ? []
        : await database.db
            .selectFrom("response_outputs")
            .select(["response_id", "value", "unit"])
            .where(
              "response_id",
              "in",
              rows.map((r) => r.id),
            )
            .orderBy("response_id")
            .orderBy("position")
            .execute();
    return { rows, outputs };
  }

  async function upload(path: string): Promise<number> {
    await page.goto("/q/2023/psi");
    await page.locator("#import-file").setInputFiles(path);
    const [response] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === "POST" && r.url() === `${base}/q/2023/psi/import`,
      ),
      page.getByRole("button", { name: "Importer le fichier" }).click(),
    ]);
    await page.waitForURL("**/q/2023/psi/import");
    await page.waitForLoadState();
    return response.status();
  }

  it("lets the PSI respondent download the questionnaire as a workbook from the phone", async () => {
    await page.goto("/login");
    await page.fill("input[name=email]", ACCOUNTS.respondent.email);
    await page.fill("input[name=password]", PASSWORD);
    await page.locator("main button[type=submit]").click();
    await page.waitForURL("**/q/2023/psi");
    const files = page.locator("section[aria-labelledby=files]");
    expect(await files.locator("h2").textContent()).toBe("Questionnaire en fichier Excel");
    await checkPage(page, "files-1-questionnaire", PHONE.viewport.width);

    const link = files.getByRole("link", { name: "Télécharger le questionnaire (.xlsx)" });
    expect(await link.getAttribute("href")).toBe("/q/2023/psi/questionnaire.xlsx");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("questionnaire-psi-2023.xlsx");
    expect(await download.failure()).toBeNull();
    const downloaded = join(work, download.suggestedFilename());
    await download.saveAs(downloaded);

    // Filled in offline: an answer to 2.2 (code d), and a word the import does not accept on
    // another row.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(downloaded);
    const sheet = book.getWorksheet(QUESTIONNAIRE_FILE.questionnaire);
    const ids = book.getWorksheet(QUESTIONNAIRE_FILE.ids);
    expect(sheet).toBeDefined();
    expect(ids?.state).toBe("hidden");
    expect(ids?.getRow(2).values).toEqual([undefined, "cycle", "2023"]);
    expect(ids?.getRow(3).values).toEqual([undefined, "partner", "psi"]);
    if (!sheet) return;
    const column = (key: (typeof QUESTIONNAIRE_COLUMNS)[number]) =>
      QUESTIONNAIRE_COLUMNS.indexOf(key) + 1;
    const rowOf = new Map<string, number>();
    sheet.eachRow((row, n) => {
      if (n > 1) rowOf.set(String(row.getCell(column("code")).value), n);
    });
    indicatorRows = rowOf.size;
    // PSI answers two indicators in 2023 (2.2 and 5.3): one filled, one refused below.
    expect(indicatorRows).toBe(2);
    expect(rowOf.has("d")).toBe(true);
    const answered = rowOf.get("d") ?? 0;
    refusedRow = [...rowOf.entries()].find(([code]) => code !== "d")?.[1] ?? 0;
    expect(refusedRow).toBeGreaterThan(1);
    // Nothing answered yet: the file carries version 0 and empty answers.
    expect(sheet.getRow(answered).getCell(column("version")).value).toBe(0);
    expect(sheet.getRow(answered).getCell(column("activities")).value).toBeNull();
    sheet.getRow(answered).getCell(column("contributes")).value = "Oui";
    sheet.getRow(answered).getCell(column("activities")).value = ACTIVITIES;
    sheet.getRow(answered).getCell(column("outputs")).value = OUTPUTS;
    sheet.getRow(refusedRow).getCell(column("contributes")).value = REFUSED_WORD;
    filled = join(work, "questionnaire-psi-2023-rempli.xlsx");
    await book.xlsx.writeFile(filled);
    expect((await stored()).rows).toEqual([]);
  });

  it("imports the filled workbook and says in French what was stored and what was refused", async () => {
    expect(await upload(filled)).toBe(200);
    expect(await page.locator("h1").textContent()).toBe("Import du questionnaire");
    expect(await page.locator("main [role=status]").textContent()).toBe(
      "1 réponse ajoutée, 0 mise à jour, 0 inchangée, 1 ligne refusée.",
    );
    expect(await page.locator("main").textContent()).toContain("PSI — Janvier – décembre 2023");
    expect(await page.locator("main").textContent()).toContain(
      "reste un brouillon : relisez-la dans le questionnaire, puis soumettez-la pour validation.",
    );
    expect(await page.locator("main h2").textContent()).toBe("Lignes refusées");
    expect(await page.locator("main ul.errors li").allTextContents()).toEqual([
      `Ligne ${refusedRow} : « ${REFUSED_WORD} » n’est pas une réponse admise : indiquez Oui ou Non.`,
    ]);
    await checkPage(page, "files-2-import-result", PHONE.viewport.width);

    const after = await stored();
    expect(after.rows).toMatchObject([
      { code: "d", contributes: "yes", activities: ACTIVITIES, method: "import", state: "draft" },
    ]);
    // In the order they were written in the cell.
    expect(after.outputs.map((o) => [Number(o.value), o.unit])).toEqual([
      [619, "prestataires formés"],
      [12, "sessions"],
    ]);

    // Back on the questionnaire, the imported answer is there to go on with.
    await page.getByRole("link", { name: "Retour au questionnaire" }).click();
    await page.waitForURL("**/q/2023/psi");
    const d = page.locator("#i-d");
    expect(await d.locator("textarea[name=activities]").inputValue()).toBe(ACTIVITIES);
    expect(await d.locator("input[name=contributes][value=yes]").isChecked()).toBe(true);
    expect(await d.locator("input[name=outputValue]").nth(0).inputValue()).toBe("619");
    expect(await d.locator("input[name=outputUnit]").nth(0).inputValue()).toBe(
      "prestataires formés",
    );
    expect(await d.locator("[data-state]").textContent()).toBe("Brouillon");
    expect(await d.textContent()).toContain("Saisie par import");
    await checkPage(page, "files-3-questionnaire-after-import", PHONE.viewport.width);
  });

  it("changes nothing when the same workbook is uploaded a second time", async () => {
    const before = await stored();
    expect(await upload(filled)).toBe(200);
    expect(await page.locator("main [role=status]").textContent()).toBe(
      "0 réponse ajoutée, 0 mise à jour, 1 inchangée, 1 ligne refusée.",
    );
    expect(await stored()).toEqual(before);
  });

  it("refuses a file that is not a workbook, in French, and stores nothing", async () => {
    const before = await stored();
    const fake = join(work, "x.xlsx");
    await writeFile(fake, "Réponses de PSI : voir le courriel du 3 février.\n");
    expect(await upload(fake)).toBe(400);
    expect(await page.locator("h1").textContent()).toBe("Fichier refusé");
    expect(await page.locator("main [role=alert]").textContent()).toBe(
      "Ce fichier n’est pas un classeur Excel (.xlsx).",
    );
    expect(await page.getByRole("link", { name: "Retour au questionnaire" }).count()).toBe(1);
    await checkPage(page, "files-4-refused", PHONE.viewport.width);
    expect(await stored()).toEqual(before);
  });

  it("met no page error, no Content-Security-Policy violation and no server error", () => {
    expect(browserErrors).toEqual([]);
    expect(serverErrors).toEqual([]);
  });
});
