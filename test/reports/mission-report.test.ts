// A mission's report, on both stores: the demo's joint mission to Ségou and Sikasso drawn as
// PDF and DOCX through the rendering worker, over HTTP, in French and English — its delegation,
// each visit's findings and figures, the recommendations with their status and follow-up, no
// owner's address — within the 3 s budget, and each download in the audit log.
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_MISSION } from "../../src/demo/programme/stories.ts";
import type { Actor } from "../../src/domain/shared/policy.ts";
import {
  addRecommendation,
  addVisit,
  recordFollowUp,
  saveMission,
} from "../../src/services/programme/missions.ts";
import { saveProgramme } from "../../src/services/programme/programmes.ts";
import { createRenderer } from "../../src/services/shared/rendering.ts";
import type { TestClient } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { unitId, useHealthPages } from "../support/health-app.ts";
import { docxParagraphs, pdfPages, zipPart } from "../support/reports.ts";

const manager: Actor = {
  kind: "user",
  userId: 1,
  role: "programme_manager",
  partnerId: null,
  name: "m",
};

const renderer = createRenderer();
afterAll(() => renderer.stop());

describe.each(backends)("mission report on %s", (backend) => {
  let t: TestDatabase;
  let coordinator: TestClient;
  useHealthPages(
    backend,
    (w) => ({ t, coordinator } = w),
    () => ({ renderer }),
  );
  let base = "";

  it("draws the mission as a PDF in French, within the budget", async () => {
    const segou = await unitId(t, "OU_RegSeg00001");
    const p = await saveProgramme(t.db, manager, {
      name: "Déploiement des sages-femmes en milieu communautaire",
      leadPartner: "UNFPA Mali",
      funders: [],
      partners: [],
      startDate: "2022-01-01",
      endDate: null,
      budget: null,
      currency: null,
      regions: [segou],
      commitments: [],
      indicators: [],
    });
    const m = await saveMission(t.db, manager, p.id, {
      title: DEMO_MISSION.title,
      startDate: DEMO_MISSION.startDate,
      endDate: DEMO_MISSION.endDate,
      regions: [String(segou)],
      delegation: DEMO_MISSION.delegation
        .map((d) => `${d.name}; ${d.institution}; ${d.role}`)
        .join("\n"),
      objectives: DEMO_MISSION.objectives.join("\n"),
    });
    for (const v of DEMO_MISSION.visits)
      await addVisit(t.db, manager, p.id, m.id, {
        // The health world has one region: the demo's facilities stand in as CSCom Boidié.
        facility: v.facility ? "OU_FacBar00001" : "",
        authority: v.authority ?? "",
        date: v.date,
        peopleMet: v.peopleMet.join("\n"),
        findings: v.findings,
        figures: v.figures.map((f) => `${f.label}; ${f.value}; ${f.unit}`).join("\n"),
      });
    for (const r of DEMO_MISSION.recommendations) {
      const saved = await addRecommendation(t.db, manager, p.id, m.id, {
        text: r.text,
        ownerName: r.ownerName,
        ownerEmail: r.ownerEmail ?? "",
        dueDate: r.dueDate,
        key: r.key,
      });
      for (const f of r.followUps) await recordFollowUp(t.db, manager, p.id, m.id, saved.id, f);
    }
    base = `/programme/${p.id}/missions/${m.id}`;
    // A first file warms the worker (its libraries load on first use); the budget is the next.
    await coordinator.get(`${base}/report.pdf`);
    const started = performance.now();
    const res = await coordinator.get(`${base}/report.pdf`);
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(3_000);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="jalon-mission-${m.id}-fr.pdf"`,
    );
    const text = (await pdfPages(new Uint8Array(await res.arrayBuffer()))).join("\n");
    expect(text).toContain(DEMO_MISSION.title);
    expect(text).toContain("Du 10 mars 2025 au 15 mars 2025");
    expect(text).toContain("Kadiatou Bagayoko");
    expect(text).toContain("Gouvernorat de la région de Sikasso");
    expect(text).toContain("Accouchements assistés par du personnel qualifié, fin 2024");
    expect(text).toContain("62 %");
    expect(text).toContain("Réalisée");
    expect(text).toContain("20 juin 2025 — Réalisée : Commande trimestrielle");
    expect(text).toContain("Page 1 sur");
    expect(text).not.toContain("@example.org");
  });

  it("draws it as a DOCX in English", async () => {
    const res = await coordinator.get(`${base}/report.docx?lang=en`);
    expect(res.status).toBe(200);
    const paragraphs = docxParagraphs(
      zipPart(new Uint8Array(await res.arrayBuffer()), "word/document.xml"),
    ).join("\n");
    expect(paragraphs).toContain("Delegation");
    expect(paragraphs).toContain("From 10 March 2025 to 15 March 2025");
    expect(paragraphs).toContain("Recommendation");
    expect(paragraphs).toContain("Figure");
    expect(paragraphs).toContain("In progress");
    expect(paragraphs).toContain("Overdue");
    expect(paragraphs).not.toContain("@example.org");
  });

  it("refuses another format and keeps each download in the audit log", async () => {
    expect((await coordinator.get(`${base}/report.xlsx`)).status).toBe(404);
    const rows = await t.db
      .selectFrom("audit_log")
      .select(["after"])
      .where("entity", "=", "mission_reports")
      .where("action", "=", "export")
      .orderBy("id")
      .execute();
    expect(rows.map((r) => (r.after as { format: string }).format)).toEqual(["pdf", "pdf", "docx"]);
  });
});
