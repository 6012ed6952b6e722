// The indicator explorer over the health world: the table and the chart for values checked by
// hand (CPN1 coverage 80 % for Ségou in January 2022), the breakdown by level, what a visitor may
// pick, the empty states and refused choices, and the CSV and XLSX downloads read back with the
// same numbers — on PGlite and PostgreSQL.
import { gzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setIndicatorPublic } from "../../src/db/health/catalogue.ts";
import { createApp } from "../../src/http/app.ts";
import { HEADER_ROW } from "../../src/reports/health/explorer-xlsx.ts";
import { client, signIn, type TestClient } from "../support/client.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { HEALTH_ACCOUNTS, HEALTH_PASSWORD, healthApp } from "../support/health-app.ts";
import { statementCounter } from "../support/statements.ts";

const SEGOU_JAN_FEB =
  "/health/explorer?dx=InAnc1Cov01&ou=RegSeg00001&pt=Monthly&from=2022-01&to=2022-02";
const DISTRICTS_Q1 =
  "/health/explorer?dx=InAnc1Cov01&ou=RegSeg00001&level=3&pt=Quarterly&from=2022-01&to=2022-03";

/** The table's body rows as the text of their cells. */
function tableRows(page: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(page)?.[1] ?? "";
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...(m[1] ?? "").matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) =>
      (c[1] ?? "").replace(/\u00a0/g, " "),
    ),
  );
}

describe.each(backends)("indicator explorer on %s", (backend) => {
  let t: TestDatabase;
  let app: Awaited<ReturnType<typeof healthApp>>["app"];
  let admin: TestClient;
  let coverageId: number;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await healthApp(t));
    admin = await signIn(app, HEALTH_ACCOUNTS.admin, HEALTH_PASSWORD);
    coverageId = (
      await t.db
        .selectFrom("health_indicators")
        .select("id")
        .where("uid", "=", "InAnc1Cov01")
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.dispose());

  it("shows Ségou's coverage by month with its numerator and denominator, and draws it", async () => {
    const res = await admin.get(SEGOU_JAN_FEB);
    expect(res.status).toBe(200);
    const page = await res.text();
    // January: 80 first visits for 1200 pregnancies a year (100 a month): 80 %. February: 20
    // visits, 600 pregnancies a year (50 a month): 40 %.
    expect(tableRows(page)).toEqual([
      ["Ségou", "janv. 2022", "80", "80", "100"],
      ["Ségou", "févr. 2022", "40", "20", "50"],
    ]);
    const svg = /<svg[^>]*viewBox[\s\S]*?<\/svg>/.exec(page)?.[0] ?? "";
    expect(svg).toContain("janv. 2022");
    expect(svg).toMatch(/<path d="M[^"]+L[^"]+"[^>]*stroke="#1f5f8b"/);
    // The page's policy refuses inline styles: the chart carries none.
    expect(svg).not.toMatch(/style=/);
    expect(page.replace(/\u00a0/g, " ")).toContain(
      'role="img" aria-label="Graphique : Couverture CPN1"',
    );
    // Both kinds of item for staff, the chosen one selected, and a link to the same question in JSON.
    expect(page).toContain('<optgroup label="Éléments de données">');
    expect(page).toContain('<option value="InAnc1Cov01" selected>Couverture CPN1</option>');
    expect(page).toContain(
      'href="/api/analytics?dimension=dx%3AInAnc1Cov01&amp;dimension=ou%3ARegSeg00001&amp;dimension=pe%3A202201%3B202202&amp;includeNumDen=true"',
    );
  });

  it("breaks a region down into its districts, with bars for one quarter", async () => {
    const page = await (await admin.get(DISTRICTS_Q1)).text();
    // Barouéli: 60 visits, 660 pregnancies a year averaged over its months (55 a month): 109.09 %.
    expect(tableRows(page)).toEqual([
      ["Barouéli", "T1 2022", "109,1", "60", "55"],
      ["Bla", "T1 2022", "100", "40", "40"],
    ]);
    const svg = /<svg[^>]*viewBox[\s\S]*?<\/svg>/.exec(page)?.[0] ?? "";
    expect(svg).toContain("Barouéli");
    expect(svg).toContain("109,1");
    expect(page).toContain("chaque District de Ségou, T1 2022 – T1 2022");
  });

  it("shows a data element to staff without numerator or denominator, and its CSV alike", async () => {
    const path =
      "/health/explorer?dx=CPN1&ou=RegSeg00001&level=4&pt=Yearly&from=2022-01&to=2022-12";
    const page = await (await admin.get(path)).text();
    // Named by its code in the URL, by its uid in the form.
    expect(page).toContain(
      '<option value="DeAnc100001" selected>Consultations prénatales 1</option>',
    );
    expect(page).not.toContain("<abbr");
    // Every facility of Ségou for 2022: 30 + 20 at Boidié, 10 at Barouéli central, 40 at Bla.
    expect(tableRows(page)).toEqual([
      ["CSCom Barouéli central", "2022", "10"],
      ["CSCom Bla", "2022", "40"],
      ["CSCom Boidié", "2022", "50"],
    ]);
    const csv: string[][] = parse(
      await (await admin.get(`${path.replace("explorer?", "explorer.csv?")}&lang=fr`)).text(),
      { delimiter: ";", bom: true },
    );
    expect(csv.map((r) => r.length)).toEqual([5, 5, 5, 5]);
    expect(csv[3]).toEqual(["CSCom Boidié", "FacBar00001", "2022", "2022", "50"]);
  });

  it("writes English periods and numbers in English", async () => {
    const page = await (await admin.get(`${DISTRICTS_Q1}&lang=en`)).text();
    expect(tableRows(page)[0]).toEqual(["Barouéli", "Q1 2022", "109.1", "60", "55"]);
    const month = await (await admin.get(`${SEGOU_JAN_FEB}&lang=en`)).text();
    expect(tableRows(month)[0]?.[1]).toBe("Jan 2022");
  });

  it("downloads the same table as CSV, in each language's spreadsheet format", async () => {
    const fr = await admin.get(`${DISTRICTS_Q1.replace("explorer?", "explorer.csv?")}&lang=fr`);
    expect(fr.status).toBe(200);
    expect(fr.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(fr.headers.get("content-disposition")).toMatch(
      /^attachment; filename="jalon-InAnc1Cov01-.+\.csv"$/,
    );
    const bytes = new Uint8Array(await fr.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows: string[][] = parse(new TextDecoder().decode(bytes), { delimiter: ";", bom: true });
    expect(rows).toEqual([
      [
        "Unité",
        "Identifiant de l’unité",
        "Période",
        "Identifiant de la période",
        "Valeur",
        "Numérateur",
        "Dénominateur",
      ],
      ["Barouéli", "DisBar00001", "T1 2022", "2022Q1", "109,090909090909", "60", "55"],
      ["Bla", "DisBla00001", "T1 2022", "2022Q1", "100", "40", "40"],
    ]);
    const en = await admin.get(`${DISTRICTS_Q1.replace("explorer?", "explorer.csv?")}&lang=en`);
    const english: string[][] = parse(await en.text(), { bom: true });
    expect(english[1]).toEqual([
      "Barouéli",
      "DisBar00001",
      "Q1 2022",
      "2022Q1",
      "109.090909090909",
      "60",
      "55",
    ]);
    const exports = await t.db
      .selectFrom("audit_log")
      .select(["actor", "after"])
      .where("action", "=", "export")
      .where("entity", "=", "health_explorer")
      .where("entity_id", "=", "InAnc1Cov01")
      .execute();
    expect(exports.map((e) => (e.after as { format: string; level: string }).level)).toEqual([
      "3",
      "3",
    ]);
  });

  it("downloads the same table as XLSX, numbers typed", async () => {
    const res = await admin.get(SEGOU_JAN_FEB.replace("explorer?", "explorer.xlsx?"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.getCell(1, 1).value).toBe("Couverture CPN1");
    const header = sheet.getRow(HEADER_ROW).values as unknown[];
    expect(header.slice(1)).toEqual([
      "Unité",
      "Identifiant de l’unité",
      "Période",
      "Identifiant de la période",
      "Valeur",
      "Numérateur",
      "Dénominateur",
    ]);
    const data = [1, 2].map((i) => (sheet.getRow(HEADER_ROW + i).values as unknown[]).slice(1));
    expect(data).toEqual([
      ["Ségou", "RegSeg00001", "janv. 2022", "202201", 80, 80, 100],
      ["Ségou", "RegSeg00001", "févr. 2022", "202202", 40, 20, 50],
    ]);
  });

  it("sends a download with nothing to download back to the page", async () => {
    const res = await admin.get(
      "/health/explorer.csv?dx=InAnc1Cov01&ou=RegSeg00001&from=2022-13&to=2022-02",
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(
      "/health/explorer?dx=InAnc1Cov01&ou=RegSeg00001&from=2022-13&to=2022-02",
    );
  });

  it("says beside its field what is wrong with a choice, and keeps what was typed", async () => {
    const bad = await admin.get(
      "/health/explorer?dx=InAnc1Cov01&ou=RegSeg00001&from=2022-13&to=2022-02",
    );
    expect(bad.status).toBe(400);
    const page = (await bad.text()).replace(/\u00a0/g, " ");
    expect(page).toContain(
      'id="hx-from-e">Mois invalide : écrivez AAAA-MM, par exemple 2022-01.</p>',
    );
    expect(page).toContain('value="2022-13"');
    expect(page).toMatch(
      /id="hx-from"[^>]*aria-describedby="hx-from-h hx-from-e" aria-invalid="true"/,
    );
    expect(page.match(/id="hx-from"[^>]*>/)?.[0].match(/aria-describedby/g)).toHaveLength(1);
    const reversed = await admin.get(
      "/health/explorer?dx=InAnc1Cov01&ou=RegSeg00001&from=2022-05&to=2022-02",
    );
    expect(reversed.status).toBe(400);
    expect(await reversed.text()).toContain(
      'id="hx-to-e">Le mois de fin précède le mois de début.</p>',
    );
    const unit = await admin.get(
      "/health/explorer?dx=InAnc1Cov01&ou=Nowhere&from=2022-01&to=2022-02",
    );
    expect(unit.status).toBe(400);
    expect(await unit.text()).toContain('id="hx-ou-e">Choisissez une unité de la liste.</p>');
  });

  it("says what to do when nothing is chosen yet, or no value is there", async () => {
    const start = await (await admin.get("/health/explorer")).text();
    expect(start).toContain("Choisissez un indicateur et une unité, puis « Afficher ».");
    const none = await (
      await admin.get("/health/explorer?dx=InAnc1Cov01&ou=RegSeg00001&from=2023-01&to=2023-12")
    ).text();
    expect(none).toContain("Aucune valeur pour ce choix.");
    expect(tableRows(none)).toEqual([]);
    // Without a range, the twelve months that end with the latest value.
    const latest = await (await admin.get("/health/explorer?dx=InAnc1Cov01&ou=RegSeg00001")).text();
    expect(latest).toContain('name="from" value="2021-03"');
    expect(latest).toContain('name="to" value="2022-02"');
  });

  it("offers a visitor the public indicators only, and sends one asking for more to sign in", async () => {
    const visitor = client(app);
    const empty = await (await visitor.get("/health/explorer")).text();
    expect(empty).toContain("Aucun indicateur n’est encore public.");
    expect(empty).not.toContain("Couverture CPN1");
    const hidden = await visitor.get(SEGOU_JAN_FEB);
    expect(hidden.status).toBe(303);
    expect(hidden.headers.get("location")).toMatch(/^\/login\?next=/);
    // A made-up key gets the same answer as a non-public one.
    const unknown = await visitor.get("/health/explorer?dx=NOPE");
    expect(unknown.headers.get("location")).toMatch(/^\/login\?next=/);
    await setIndicatorPublic(t.db, coverageId, true);
    try {
      const page = await (await visitor.get(SEGOU_JAN_FEB)).text();
      expect(tableRows(page)[0]).toEqual(["Ségou", "janv. 2022", "80", "80", "100"]);
      expect(page).not.toContain("Éléments de données");
      expect(page).not.toContain("Consultations prénatales 1");
      const element = await visitor.get("/health/explorer?dx=CPN1&ou=RegSeg00001");
      expect(element.status).toBe(303);
      const csv = await visitor.get(SEGOU_JAN_FEB.replace("explorer?", "explorer.csv?"));
      expect(csv.status).toBe(200);
    } finally {
      await setIndicatorPublic(t.db, coverageId, false);
    }
  });

  it("sends a fixed number of statements, whatever the number of units shown", async () => {
    const counter = statementCounter();
    const counted = createApp({
      db: t.db.withPlugin(counter.plugin),
      secureCookies: false,
      baseUrl: "http://jalon.test",
    });
    const visitor = client(counted);
    await setIndicatorPublic(t.db, coverageId, true);
    try {
      const count = async (path: string) => {
        await (await visitor.get(path)).text();
        counter.reset();
        const res = await visitor.get(path);
        expect(res.status).toBe(200);
        await res.text();
        return counter.count();
      };
      const region = await count(SEGOU_JAN_FEB);
      const facilities = await count(`${SEGOU_JAN_FEB}&level=4`);
      // A level adds one read of the units at it (the row limit; analytics reads them with the
      // catalogue), never one per unit.
      expect(facilities).toBe(region + 1);
      expect(region).toBeLessThanOrEqual(8);
    } finally {
      await setIndicatorPublic(t.db, coverageId, false);
    }
  });

  it("keeps the page within the 60 KB budget", async () => {
    const page = await (await admin.get(DISTRICTS_Q1)).text();
    const gzipped = gzipSync(Buffer.from(page)).length;
    expect(gzipped).toBeLessThan(60 * 1024);
  });
});
