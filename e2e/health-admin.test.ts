// A coordinator's health journey on a phone (390 px), over both demo worlds: adds a health area
// by hand under Barouéli's district, downloads the facility template, fills two values for the
// new centre (the template's element uids, the centre's code) and uploads them, reads the summary, then finds the outcome goals on
// /manage/outcomes and, on commitment 5's public page, Mali's skilled birth attendance computed
// from the health data, and its line on the scorecard. Screenshots go to a temporary directory, named in the log.

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "../src/db/connect.ts";
import { ELEMENTS } from "../src/demo/health/index.ts";
import { browserSuite, type PhoneJourney, startPhoneJourney } from "./support.ts";

const [suite, title] = browserSuite("a coordinator's health journey in a browser");
const WIDTH = 390;
const NEW_UNIT = "ML_SEG_BAR_DIDIENI";

suite(title, () => {
  let journey: PhoneJourney;
  let database: Database;
  let page: Page;
  let dir: string;
  let browserErrors: string[];

  /** A screenshot (of the page, or of one part) into the temporary directory; no sideways scroll. */
  const shot: PhoneJourney["shot"] = (name, part) => journey.shot(name, part);

  beforeAll(async () => {
    journey = await startPhoneJourney({
      prefix: "health-admin",
      account: {
        email: "coordination@jalon.test",
        name: "Coordination",
        role: "coordinator",
        password: "correct horse battery",
      },
      width: WIDTH,
    });
    ({ database, page, dir, errors: browserErrors } = journey);
  });

  afterAll(async () => {
    await journey?.stop();
  });

  it("adds a centre, imports its values from the template, then reads the outcome goals", async () => {
    await journey.signIn();

    // A health area by hand, under Barouéli's district.
    await page.goto("/health/units/new?parent=ML_SEG_BAR");
    expect(await page.inputValue("input[name=parent]")).toBe("ML_SEG_BAR");
    await page.fill("input[name=name]", "CSCom de Didiéni");
    await page.fill("input[name=code]", NEW_UNIT);
    await shot("1-unit-new");
    await Promise.all([
      page.waitForNavigation(),
      page.click("form[action='/health/units'] button[type=submit]"),
    ]);
    expect(new URL(page.url()).pathname).toMatch(/^\/health\/units\/\d+$/);
    expect(await page.locator("h1").textContent()).toBe("CSCom de Didiéni");
    expect(await page.locator("main").textContent()).toContain("Barouéli");

    // The facility template, in French: its header and the element codes it lists.
    await page.goto("/health/imports");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("a[href^='/health/imports/templates/facility.csv']"),
    ]);
    const template = (await readFile(await download.path(), "utf8")).replace(/^\uFEFF/, "");
    const [header, ...lines] = template.split(/\r?\n/).filter((l) => l !== "");
    expect(header).toBe("code structure;période;code élément;valeur;désagrégation");
    // One line per element of last month, for the first centre, the value left empty.
    const codes = lines.map((l) => l.split(";")[2] ?? "");
    const uid = (key: string) => ELEMENTS.find((e) => e.key === key)?.uid ?? "";
    const [cpn1, cpn4] = [uid("cpn1"), uid("cpn4")];
    expect(codes).toEqual(expect.arrayContaining([cpn1, cpn4]));
    expect(lines.every((l) => l.endsWith(";;"))).toBe(true);

    // Two values for the new centre, in the template's columns.
    const file = join(dir, "sanando-2024-12.csv");
    await writeFile(
      file,
      [header, `${NEW_UNIT};2024-12;${cpn1};31;`, `${NEW_UNIT};2024-12;${cpn4};12;`].join("\r\n"),
    );
    await page.setInputFiles("input[name=file]", file);
    await Promise.all([
      page.waitForNavigation(),
      page.click("form[action='/health/imports'] button[type=submit]"),
    ]);
    expect(new URL(page.url()).pathname).toMatch(/^\/health\/imports\/\d+$/);
    // The page reloads itself while the import runs; the summary ends it.
    await page.waitForSelector("ul.counts", { timeout: 20_000 });
    await page.waitForFunction(() => !document.querySelector("meta[http-equiv=refresh]"), null, {
      timeout: 20_000,
    });
    const counts = await page.locator("ul.counts li").allTextContents();
    expect(counts[0]).toBe("2 ajoutées");
    expect(counts.at(-1)).toBe("0 refusées");
    await shot("2-import-summary");
    const stored = await database.db
      .selectFrom("data_values as v")
      .innerJoin("org_units as u", "u.id", "v.org_unit_id")
      .select(["v.value"])
      .where("u.code", "=", NEW_UNIT)
      .orderBy("v.value")
      .execute();
    expect(stored.map((r) => Number(r.value))).toEqual([12, 31]);

    // The coordinator's outcome goals, the health-backed one among them.
    await page.goto("/manage/outcomes");
    const goals = (await page.locator("main").textContent()) ?? "";
    expect(goals).toContain("Taux de prévalence contraceptive moderne (TPCm)");
    expect(goals).toContain("Taux d’accouchements assistés par du personnel qualifié");
    await shot("3-manage-outcomes");

    // The public commitment page: the latest figure is 2024's, computed from the centres' values.
    await page.goto("/cycles/2022/commitments/5");
    const block = page.locator("section.outcome");
    const text = ((await block.textContent()) ?? "").replace(/\s+/g, " ");
    expect(text).toContain("Taux d’accouchements assistés par du personnel qualifié");
    expect(text).toMatch(/65,5\s?% en 2024/);
    expect(text).toContain("DHIS2");
    await shot("4-commitment-outcome", block);
    // And the scorecard's line for it.
    await page.goto("/");
    const scorecard = await page.locator(".outcome-line").allTextContents();
    const line = scorecard.find((l) => l.includes("Taux d’accouchements assistés"));
    expect(line?.replace(/\s+/g, " ")).toMatch(/65,5\s?% en 2024 → 80\s?% en 2030/);
    expect(browserErrors).toEqual([]);
  });
});
