// Which answers a published cycle shows: the public pages, the HTML, DOCX and PDF report and its
// XLSX annex all apply one rule, so on a cycle with drafts, answers sent back (never sent again),
// submitted, validated, empty and "no" answers they list exactly the same contributions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor, Role } from "../../src/domain/shared/policy.ts";
import { indicatorNumber } from "../../src/domain/tracker/commitment.ts";
import type { createApp } from "../../src/http/app.ts";
import { closeCollection, publishCycle } from "../../src/services/tracker/cycles.ts";
import { type AnswerInput, saveAnswer } from "../../src/services/tracker/questionnaire.ts";
import { assessIndicator, sendBack } from "../../src/services/tracker/validation.ts";
import { sendBackMail } from "../../src/web/tracker/pages/send-back.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { docxParagraphs, loadWorkbook, pdfPages, zipPart } from "../support/reports.ts";
import { ACCOUNTS, collectionWorld } from "../support/world.ts";

const KINDS = ["draft", "returned", "submitted", "validated", "empty", "no", "unknown"] as const;
type Kind = (typeof KINDS)[number];
/** A short word each answer carries, to find it in every format (none for the empty one). */
const marker = (kind: Kind) => `Repere${kind[0]?.toUpperCase()}${kind.slice(1)}`;
const SHOWN: Kind[] = ["submitted", "validated", "unknown"];
const HIDDEN: Kind[] = ["draft", "returned", "no"];

const content = (kind: Kind): AnswerInput =>
  kind === "empty"
    ? {
        contributes: "unknown",
        activities: null,
        collaboratorIds: [],
        collaboratorsText: null,
        difficulties: null,
        outputs: [],
        evidence: [],
      }
    : {
        contributes: kind === "no" ? "no" : kind === "unknown" ? "unknown" : "yes",
        activities: `Activites ${marker(kind)}`,
        collaboratorIds: [],
        collaboratorsText: null,
        difficulties: null,
        outputs: [],
        evidence: [],
      };

describe.each(backends)("published contributions on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  /** The partner (short name) and indicator (number) each kind of answer was given for. */
  const placed = new Map<Kind, { partner: string; slug: string; number: string; code: string }>();
  const text = async (path: string) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(200);
    return res;
  };

  beforeAll(async () => {
    t = await freshDatabase(backend);
    ({ app } = await collectionWorld(t));
    const u = await t.db
      .selectFrom("users")
      .select(["id", "role", "partner_id", "name"])
      .where("email", "=", ACCOUNTS.coordinator.email)
      .executeTakeFirstOrThrow();
    const coordinator: Actor = {
      kind: "user",
      userId: u.id,
      role: u.role as Role,
      partnerId: u.partner_id,
      name: u.name,
    };
    // One mapped pair per kind, each on its own indicator, so a status validates only one.
    const pairs = await t.db
      .selectFrom("mappings as m")
      .innerJoin("cycles as c", "c.id", "m.cycle_id")
      .innerJoin("partners as p", "p.id", "m.partner_id")
      .innerJoin("indicators as i", "i.id", "m.indicator_id")
      .innerJoin("commitments as k", "k.id", "i.commitment_id")
      .select(["p.slug", "p.acronym", "p.name", "i.code", "i.position", "k.number as commitment"])
      .where("c.slug", "=", "2023")
      .orderBy("i.code")
      .orderBy("p.slug")
      .execute();
    const used = new Set<string>();
    const kinds = [...KINDS];
    for (const pair of pairs) {
      if (used.has(pair.code) || kinds.length === 0) continue;
      const kind = kinds.shift() as Kind;
      used.add(pair.code);
      const number = indicatorNumber(pair.commitment, pair);
      placed.set(kind, {
        partner: pair.acronym ?? pair.name,
        slug: pair.slug,
        number,
        code: pair.code,
      });
      await saveAnswer(
        t.db,
        coordinator,
        {
          cycleSlug: "2023",
          partnerSlug: pair.slug,
          indicatorCode: pair.code,
          answer: content(kind),
          ifMatch: 0,
          clientId: null,
          // Without yes/no a submission is refused now; older ones are stored below.
          submit: kind !== "draft" && kind !== "empty" && kind !== "unknown",
        },
        "fr",
      );
    }
    expect(kinds).toEqual([]);
    // Answers without yes/no sent before such sends were refused: stored as submitted.
    const legacy = [placed.get("empty")?.code ?? "", placed.get("unknown")?.code ?? ""];
    await t.db
      .updateTable("responses")
      .set({ state: "submitted" })
      .where("indicator_id", "in", (eb) =>
        eb.selectFrom("indicators").select("id").where("code", "in", legacy),
      )
      .where("cycle_id", "in", (eb) =>
        eb.selectFrom("cycles").select("id").where("slug", "=", "2023"),
      )
      .execute();
    await closeCollection(t.db, coordinator, "2023", "fr");
    const validated = placed.get("validated");
    await assessIndicator(
      t.db,
      coordinator,
      "2023",
      {
        indicatorCode: validated?.code ?? "",
        status: "achieved",
        narrative: null,
        narrativeEn: null,
      },
      "fr",
    );
    const returned = await t.db
      .selectFrom("responses")
      .select("id")
      .where("activities", "like", `%${marker("returned")}%`)
      .executeTakeFirstOrThrow();
    await sendBack(t.db, coordinator, "2023", returned.id, "Précisez les chiffres.", "fr", {
      baseUrl: "http://jalon.test",
      message: sendBackMail(),
    });
    await publishCycle(t.db, coordinator, "2023", "fr", { confirmed: true });
    const states = await t.db.selectFrom("responses as r").select("r.state").execute();
    expect(new Set(states.map((s) => s.state))).toEqual(
      new Set(["draft", "returned", "submitted", "validated"]),
    );
  });
  afterAll(() => t.dispose());

  const expectRule = (where: string, body: string) => {
    for (const k of SHOWN) expect(body, `${where} shows ${k}`).toContain(marker(k));
    for (const k of HIDDEN) expect(body, `${where} hides ${k}`).not.toContain(marker(k));
  };

  it("shows the same answers on the public pages", async () => {
    const commitments = [...new Set([...placed.values()].map((p) => p.number.split(".")[0]))];
    let pages = "";
    for (const n of commitments)
      pages += await (await text(`/cycles/2023/commitments/${n}`)).text();
    expectRule("commitment pages", pages);
    // The empty answer's partner is listed under no indicator it answered with nothing.
    const empty = placed.get("empty");
    const page = await (
      await text(`/cycles/2023/commitments/${empty?.number.split(".")[0]}`)
    ).text();
    const start = page.indexOf(`id="i-${empty?.code}"`);
    const section = page.slice(start, page.indexOf('id="i-', start + 5));
    expect(section).not.toContain(`href="/partners/${empty?.slug}"`);
    let partners = "";
    for (const p of placed.values()) partners += await (await text(`/partners/${p.slug}`)).text();
    expectRule("partner pages", partners);
  });

  it("prints the same answers in the HTML, DOCX and PDF report", async () => {
    const html = await (await text("/cycles/2023/report.html")).text();
    expectRule("HTML report", html);
    const docx = docxParagraphs(
      zipPart(
        new Uint8Array(await (await text("/cycles/2023/report.docx")).arrayBuffer()),
        "word/document.xml",
      ),
    ).join("\n");
    expectRule("DOCX report", docx);
    const pdf = (
      await pdfPages(new Uint8Array(await (await text("/cycles/2023/report.pdf")).arrayBuffer()))
    ).join("\n");
    expectRule("PDF report", pdf);
  });

  it("lists exactly those answers in the XLSX annex", async () => {
    const book = await loadWorkbook(
      new Uint8Array(await (await text("/cycles/2023/report.xlsx")).arrayBuffer()),
    );
    const sheet = book.getWorksheet("Réponses");
    const rows: string[] = [];
    let cells = "";
    sheet?.eachRow((row, n) => {
      if (n === 1) return;
      rows.push(`${row.getCell(2).text} ${row.getCell(4).text}`);
      cells += `${row.values}\n`;
    });
    expectRule("XLSX annex", cells);
    const expected = SHOWN.map((k) => placed.get(k)).map((p) => `${p?.number} ${p?.partner}`);
    const listed = rows.filter((r) =>
      [...placed.values()].some((p) => r.startsWith(`${p.number} `)),
    );
    expect(listed.sort()).toEqual(expected.sort());
  });
});
