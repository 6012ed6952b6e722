// The report's findings and annexes on the served demo (2022 published, 2023 under validation):
// verdicts with the meeting's, trends 2023 vs 2022, the matrix, response rates checked against
// the demo's invitations, the partner annex, follow-up of 2022's recommendations, evidence,
// double counts, and the data annex's new sheets read back with exceljs.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load.ts";
import { mali2023 } from "../../src/demo/mali-2023/index.ts";
import type { Block } from "../../src/reports/shared/document.ts";
import { reportDocument } from "../../src/reports/tracker/document.ts";
import type { ReportModel } from "../../src/reports/tracker/model.ts";
import { buildReport, renderReport } from "../../src/services/tracker/reports.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { renderer } from "../support/files.ts";
import { loadWorkbook, pdfPages } from "../support/reports.ts";

type Table = Extract<Block, { kind: "table" }>;

/** The first table after the heading that reads `title`. */
function tableAfter(blocks: Block[], title: string): Table {
  const plain = (text: string) => text.replace(/\s+/g, " ");
  const at = blocks.findIndex((b) => b.kind === "heading" && plain(b.text) === plain(title));
  const table = blocks.slice(at + 1).find((b): b is Table => b.kind === "table");
  if (at < 0 || !table) throw new Error(`no table after ${title}`);
  return table;
}

describe.each(backends)("the report's findings and annexes on %s", (backend) => {
  let t: TestDatabase;
  let fr: ReportModel;
  let en: ReportModel;
  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadDemo(t, { reset: false, laterCycle: true });
    const options = { publishedOnly: false, today: "2024-02-01" };
    fr = await buildReport(t.db, "2023", "fr", options);
    en = await buildReport(t.db, "2023", "en", options);
  });
  afterAll(() => t.dispose());

  it("prints the validated verdict beside the rule's, and counts the headline from it", () => {
    const six = fr.commitments[5];
    expect(six).toMatchObject({ verdict: "on_track", computedVerdict: "off_track" });
    expect(six?.verdictReason).toMatch(/^Les participants retiennent/);
    expect(en.commitments[5]?.verdictReason).toMatch(/^Participants weighed/);
    // 3 lags by the rule (3.2 off track) and nobody changed it; 6 was lifted by the meeting.
    expect(fr.commitments.map((c) => c.verdict)).toEqual([
      "on_track",
      "achieved",
      "off_track",
      "on_track",
      "achieved",
      "on_track",
    ]);
    expect(fr.summary).toMatchObject({ total: 6, onTrackOrBetter: 5 });
    const blocks = reportDocument(fr).blocks;
    const recap = tableAfter(blocks, "Récapitulatif des statuts par engagement");
    expect(recap.columns.map((c) => c.label)).toContain("Appréciation de l’engagement");
    const row6 = recap.rows.find((r) => r.cells[0]?.text === "6");
    expect(row6?.cells[3]?.text).toBe("En bonne voie");
    expect(row6?.cells[3]?.note).toMatch(/^calculée\s:\sen retard$/);
    const texts = blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(texts.some((x) => x.startsWith("L’appréciation d’un engagement découle"))).toBe(true);
    expect(texts.some((x) => /^Raison\s:\s/.test(x) && x.endsWith(six?.verdictReason ?? "-"))).toBe(
      true,
    );
    expect(
      reportDocument(en).blocks.some(
        (b) => b.kind === "paragraph" && b.text.startsWith("A commitment’s verdict follows"),
      ),
    ).toBe(true);
  });

  it("shows each indicator's status in 2022 and 2023, and the commitments' verdicts", () => {
    const trends = fr.annexes.trends;
    expect(trends?.cycles.map((c) => c.year)).toEqual(["2022", "2023"]);
    const by = Object.fromEntries(trends?.indicators.map((i) => [i.number, i.statuses]) ?? []);
    expect(by).toMatchObject({
      "2.2": ["on_track", "achieved"],
      "3.2": ["on_track", "off_track"],
      "5.2": ["on_track", "achieved"],
      "6.1": ["achieved", "on_track"],
      "6.3": ["on_track", "off_track"],
      "1.1": ["achieved", "achieved"],
    });
    // 2022's verdicts are the workshop's: 3 and 4 lagging.
    expect(trends?.commitments.map((c) => c.verdicts)).toEqual([
      ["on_track", "on_track"],
      ["on_track", "achieved"],
      ["off_track", "off_track"],
      ["off_track", "on_track"],
      ["on_track", "achieved"],
      ["on_track", "on_track"],
    ]);
    const table = tableAfter(reportDocument(fr).blocks, "Évolution d’un cycle à l’autre");
    expect(table.columns.map((c) => c.label)).toEqual([
      "N°",
      "Indicateur",
      "2022",
      "2023",
      "Évolution",
    ]);
    const row = (n: string) =>
      table.rows.find((r) => r.cells[0]?.text === n)?.cells.map((c) => c.text);
    expect(row("3.2")?.slice(2)).toEqual(["Sur la bonne voie", "Pas sur la bonne voie", "↓ recul"]);
    expect(row("2.2")?.slice(2)).toEqual(["Sur la bonne voie", "Réalisé", "↑ progrès"]);
    // The 2022 report has no earlier cycle: no trends table, the outcome charts still.
    const charts = reportDocument(fr).blocks.filter((b) => b.kind === "chart");
    expect(charts.map((c) => c.title)).toContain("Taux de prévalence contraceptive moderne (TPCm)");
  });

  it("draws the commitment × indicator matrix, one row per commitment", () => {
    const matrix = tableAfter(
      reportDocument(fr).blocks,
      "Tableau de bord : engagements et indicateurs",
    );
    expect(matrix.columns).toHaveLength(2 + 3);
    expect(matrix.rows).toHaveLength(6);
    const three = matrix.rows[2]?.cells ?? [];
    expect(three[1]?.text).toBe("En retard");
    expect(three.slice(2).map((c) => c.text.split("\n")[0])).toEqual([
      "3.1 Réalisé",
      "3.2 Pas sur la bonne voie",
      "3.3 Réalisé",
    ]);
    expect(three[3]?.shade?.fill).toBe(matrix.rows[5]?.cells[4]?.shade?.fill);
    // Commitment 1 has two indicators: its third cell is empty.
    expect(matrix.rows[0]?.cells[4]).toEqual({ text: "" });
  });

  it("counts organisations asked vs answered as the demo's invitations say", async () => {
    const cycle = await t.db
      .selectFrom("cycles")
      .select("id")
      .where("slug", "=", "2023")
      .executeTakeFirstOrThrow();
    const mapped = await sql<{
      n: number;
    }>`select count(*)::int as n from mappings where cycle_id = ${cycle.id}`.execute(t.db);
    const r = fr.annexes.responseRates;
    expect(r.overall.asked).toBe(mapped.rows[0]?.n);
    const world = Object.values(mali2023.indicators);
    expect(r.overall).toEqual({
      asked: world.reduce((n, i) => n + i.unanswered.length + i.contributions.length, 0),
      answered: world.reduce((n, i) => n + i.contributions.length, 0),
    });
    expect(r.overall).toEqual({ asked: 26, answered: 15 });
    const byNumber = Object.fromEntries(r.indicators.map((i) => [i.number, [i.asked, i.answered]]));
    expect(byNumber["3.2"]).toEqual([4, 2]);
    expect(byNumber["6.3"]).toEqual([2, 0]);
    expect(r.categories).toEqual([
      { category: "government", asked: 4, answered: 2, silent: ["DNP", "SWEDD"] },
      { category: "donor", asked: 2, answered: 1, silent: ["PSAT Canada"] },
      { category: "international_ngo", asked: 3, answered: 2, silent: ["MSI"] },
      { category: "local_ngo", asked: 4, answered: 3, silent: ["REMASPEN"] },
      { category: "private_sector", asked: 0, answered: 0, silent: [] },
    ]);
    const categories = tableAfter(
      reportDocument(fr).blocks,
      "Catégories de partenaires et institutions",
    );
    expect(categories.rows[0]?.cells.map((c) => c.text)).toEqual([
      "Gouvernement",
      "4",
      "2",
      "MSDS, ONASR",
      "DNP, SWEDD",
    ]);
  });

  it("gives every partner asked one annex block, and the partner × indicator grid", () => {
    const partners = fr.annexes.partners;
    expect(partners.map((p) => p.partner)).toEqual([
      "AMPPF",
      "DNP",
      "Jhpiego",
      "MSDS",
      "MSI",
      "ONASR",
      "OSC/PF",
      "Projet Jeune",
      "PSAT Canada",
      "PSI",
      "REMASPEN",
      "SWEDD",
      "UNFPA",
    ]);
    const amppf = partners[0];
    expect(amppf?.contributions.map((c) => c.indicator)).toEqual(["2.2", "3.2", "4.1"]);
    expect(amppf?.rate).toEqual({ asked: 3, answered: 3 });
    expect(partners.find((p) => p.partner === "DNP")).toMatchObject({
      rate: { asked: 2, answered: 0 },
      contributions: [],
      grid: { "4.2": "silent", "6.3": "silent" },
    });
    const blocks = reportDocument(fr).blocks;
    expect(blocks).toContainEqual(
      expect.objectContaining({
        kind: "paragraph",
        text: "AMPPF (Association malienne pour la protection et la promotion de la famille) — ONG locales et acteurs locaux · 3 sur 3 indicateurs renseignés",
      }),
    );
    const grid = tableAfter(blocks, "Grille partenaires × indicateurs");
    expect(grid.columns).toHaveLength(1 + 15);
    const dnp = grid.rows.find((r) => r.cells[0]?.text === "DNP")?.cells.map((c) => c.text);
    expect(dnp?.filter((x) => x !== "")).toEqual(["DNP", "?", "?"]);
  });

  it("follows up 2022's recommendations, prints evidence and flags a likely double count", async () => {
    expect(fr.annexes.followUps?.items.map((i) => i.followUp)).toEqual([
      "in_progress",
      "done",
      "not_started",
    ]);
    const unfpa = fr.commitments[1]?.indicators[0]?.contributions.find(
      (c) => c.partner === "UNFPA",
    );
    expect(unfpa?.outputs[0]).toMatchObject({ value: 320, alsoUnder: ["5.3"] });
    const pages = (await pdfPages(await renderReport(renderer, fr, "pdf")))
      .join("\n")
      .replace(/\s+/g, " ");
    expect(pages).toContain("Suivi des recommandations de 2022");
    expect(pages).toMatch(/Preuve\s?:\s?Plan d.action annuel 2023/);
    expect(pages).toContain("aussi déclaré sous 5.3");
  });

  it("adds the goals' series, the commitments with their verdicts and the partner directory", async () => {
    const book = await loadWorkbook(await renderReport(renderer, fr, "xlsx"));
    const values = (name: string, n: number) =>
      ((book.getWorksheet(name)?.getRow(n).values ?? []) as unknown[]).slice(1);
    const commitments = book.getWorksheet("Engagements");
    expect(commitments?.rowCount).toBe(1 + 6);
    expect(values("Engagements", 7)).toEqual([
      6,
      fr.commitments[5]?.title,
      0,
      2,
      1,
      0,
      "en retard",
      "en bonne voie",
      fr.commitments[5]?.verdictReason,
    ]);
    const partners = book.getWorksheet("Partenaires");
    expect(partners?.rowCount).toBe(1 + 13);
    const dnp = partners?.getRows(2, 13)?.find((r) => r.getCell(1).value === "DNP");
    expect([4, 5, 6].map((c) => dnp?.getCell(c).value)).toEqual([2, 0, 0]);
    const psi = partners?.getRows(2, 13)?.find((r) => r.getCell(1).value === "PSI");
    expect(psi?.getCell(8).value).toBe("https://psi.example.org/mali/auto-injection-2023");
    // The mCPR goal: 17 % in 2020 → 40 % in 2030; on the trajectory, 2023 reads 23.9 %.
    const goals = book.getWorksheet("Séries des objectifs");
    const mcpr2023 = goals
      ?.getRows(2, (goals?.rowCount ?? 1) - 1)
      ?.find((r) => r.getCell(1).value === 2 && r.getCell(8).value === 2023);
    expect([4, 5, 6, 7, 9, 11].map((c) => mcpr2023?.getCell(c).value)).toEqual([
      2020, 17, 2030, 40, 18.5, 23.9,
    ]);
    const outputs = book.getWorksheet("Résultats chiffrés");
    const twice = outputs
      ?.getRows(2, (outputs?.rowCount ?? 1) - 1)
      ?.filter((r) => r.getCell(7).value !== null)
      .map((r) => [r.getCell(2).value, r.getCell(3).value, r.getCell(6).value, r.getCell(7).value]);
    expect(twice).toEqual([
      ["2.1", "UNFPA", "structures de santé approvisionnées", "5.3"],
      ["5.3", "UNFPA", "structures de santé approvisionnées", "2.1"],
    ]);
  });
});
