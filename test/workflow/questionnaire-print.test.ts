// The printable questionnaire (annex 1): PSI prints its 2023 questionnaire as PDF and Word, with
// its answers or blank; MSI's cannot be reached by PSI.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/domain/shared/policy.ts";
import type { createApp } from "../../src/http/app.ts";
import { getQuestionnaire, saveAnswer } from "../../src/services/tracker/questionnaire.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { freshDatabase, type TestDatabase } from "../support/database.ts";
import { docxParagraphs, pdfPages, zipPart } from "../support/reports.ts";
import { ACCOUNTS, actorOf, collectionWorld, PASSWORD } from "../support/world.ts";

const ACTIVITIES = "Formations de prestataires à Sikasso";
const DIFFICULTIES = "Ruptures de stock en saison des pluies";
const OUTPUT = "619 prestataires formés";
const EVIDENCE = "https://example.org/rapport-2023";

describe("printable questionnaire", () => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let web: TestClient;
  let titles: string[];

  beforeAll(async () => {
    t = await freshDatabase("pglite");
    ({ app } = await collectionWorld(t));
    const psi: Actor = await actorOf(t.db, ACCOUNTS.respondent.email);
    const q = await getQuestionnaire(t.db, psi, "2023", "psi", "fr");
    const indicators = q.commitments.flatMap((c) => c.indicators);
    titles = indicators.map((i) => i.title);
    const [first] = indicators;
    if (!first) throw new Error("PSI has no indicator in 2023");
    await saveAnswer(
      t.db,
      psi,
      {
        cycleSlug: "2023",
        partnerSlug: "psi",
        indicatorCode: first.code,
        answer: {
          contributes: "yes",
          activities: ACTIVITIES,
          collaboratorIds: [],
          collaboratorsText: "ONASR",
          difficulties: DIFFICULTIES,
          outputs: [{ value: 619, unit: "prestataires formés" }],
          evidence: [{ url: EVIDENCE, title: null }],
        },
        ifMatch: first.answer?.version ?? 0,
        clientId: null,
        submit: false,
      },
      "fr",
    );
    web = await signIn(app, ACCOUNTS.respondent.email, PASSWORD);
  });
  afterAll(() => t.dispose());

  const download = async (path: string) => {
    const res = await web.get(path);
    expect(res.status).toBe(200);
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  };
  const flat = (text: string) => text.replace(/\s+/g, " ");

  it("links both formats, filled and blank, beside the workbook", async () => {
    const page = await (await web.get("/q/2023/psi")).text();
    for (const href of ["questionnaire.pdf", "questionnaire.docx"]) {
      expect(page).toContain(`href="/q/2023/psi/${href}"`);
      expect(page).toContain(`href="/q/2023/psi/${href}?blank=1"`);
    }
  });

  it("prints the PDF with every indicator and PSI's answers", async () => {
    const { res, bytes } = await download("/q/2023/psi/questionnaire.pdf");
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain("questionnaire-psi-2023.pdf");
    const text = flat((await pdfPages(bytes)).join(" "));
    expect(text).toContain("Nom du répondant");
    for (const title of titles) expect(text).toContain(flat(title).slice(0, 40));
    for (const answer of [ACTIVITIES, DIFFICULTIES, OUTPUT, EVIDENCE, "ONASR"])
      expect(text).toContain(answer);
  });

  it("prints a blank PDF without any answer", async () => {
    const { bytes } = await download("/q/2023/psi/questionnaire.pdf?blank=1");
    const text = flat((await pdfPages(bytes)).join(" "));
    for (const title of titles) expect(text).toContain(flat(title).slice(0, 40));
    expect(text).toContain("Formulaire vierge");
    for (const answer of [ACTIVITIES, DIFFICULTIES, OUTPUT, EVIDENCE, "ONASR"])
      expect(text).not.toContain(answer);
  });

  it("prints the Word document, filled and blank", async () => {
    const { res, bytes } = await download("/q/2023/psi/questionnaire.docx");
    expect(res.headers.get("content-type")).toContain("wordprocessingml");
    const filled = docxParagraphs(zipPart(bytes, "word/document.xml"));
    for (const title of titles) expect(filled.some((p) => p.includes(title))).toBe(true);
    for (const answer of [ACTIVITIES, DIFFICULTIES, OUTPUT, EVIDENCE])
      expect(filled).toContain(answer);
    expect(filled.some((p) => p.includes("☒ Oui"))).toBe(true);

    const blank = docxParagraphs(
      zipPart(
        (await download("/q/2023/psi/questionnaire.docx?blank=1")).bytes,
        "word/document.xml",
      ),
    );
    for (const title of titles) expect(blank.some((p) => p.includes(title))).toBe(true);
    for (const answer of [ACTIVITIES, DIFFICULTIES, OUTPUT, EVIDENCE])
      expect(blank.join("\n")).not.toContain(answer);
    expect(blank.join("\n")).not.toContain("☒");
  });

  it("keeps MSI's questionnaire out of PSI's reach", async () => {
    for (const path of ["/q/2023/msi/questionnaire.pdf", "/q/2023/msi/questionnaire.docx?blank=1"])
      expect((await web.get(path)).status).toBe(404);
  });
});
