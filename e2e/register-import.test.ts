// Importing the midwife register in a browser on a phone (390 px), over the demo worlds: the
// programme manager downloads the CSV template from the register page, sends a file of two
// lines (one with an unknown centre), reads the preview (one line to import, the refused one
// with its row and reason), confirms, and finds the midwife counted in the register.
// Screenshots go to a temporary directory, named in the log.

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/connect.ts";
import { browserSuite, type PhoneJourney, startPhoneJourney } from "./support.ts";

const [suite, title] = browserSuite("importing the midwife register in a browser");
const WIDTH = 390;
const CENTRE = "ML_SEG_SEG_CINZANA";

suite(title, () => {
  let journey: PhoneJourney;
  let database: Database;
  let page: Page;
  let dir: string;
  let browserErrors: string[];

  const shot = (name: string) => journey.shot(name);
  const main = async () => ((await page.locator("main").textContent()) ?? "").replace(/\s+/g, " ");

  beforeAll(async () => {
    journey = await startPhoneJourney({
      prefix: "register",
      account: {
        email: "programme@jalon.test",
        name: "Gestion du programme",
        role: "programme_manager",
        password: "correct horse battery",
      },
      width: WIDTH,
    });
    ({ database, page, dir, errors: browserErrors } = journey);
  });

  afterAll(async () => {
    await journey?.stop();
  });

  it("downloads the template, previews a file, confirms it and counts the midwife", async () => {
    await journey.signIn();

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
