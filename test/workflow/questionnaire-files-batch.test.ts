// A workbook import is one batch: its answers are written in a fixed number of statements
// whatever the number of rows, the import is recorded in import_batches with its counts, and
// the audit log gets one event that describes it (counts, source, file hash, what each answer
// said before) instead of a record per answer.

import ExcelJS from "exceljs";
import type { KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorLabel } from "../../src/domain/shared/policy.ts";
import {
  importQuestionnaire,
  questionnaireWorkbook,
} from "../../src/services/tracker/questionnaire-files.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { renderer, workbookReader } from "../support/files.ts";
import { collectionWorld, SYSTEM } from "../support/world.ts";

const COL = { contributes: 4, activities: 5, outputs: 8, evidence: 9 };
const PARTNER = "amppf";

/** Fills the first `count` rows of the questionnaire sheet (every row when undefined). */
async function fill(bytes: Uint8Array, tag: string, count?: number): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  book.getWorksheet("Questionnaire")?.eachRow((r, n) => {
    if (n === 1 || (count !== undefined && n > count + 1)) return;
    r.getCell(COL.contributes).value = "Oui";
    r.getCell(COL.activities).value = `Activités ${tag} ${n}`;
    r.getCell(COL.outputs).value = `${n} sessions; ${n * 3} personnes`;
    r.getCell(COL.evidence).value = `https://example.org/${tag}/${n}`;
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe.each(backends)("workbook import as one batch on %s", (backend) => {
  let t: TestDatabase;
  let statements = 0;
  const counting: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      statements++;
      return args.result;
    },
  };
  const download = async () =>
    (await questionnaireWorkbook(t.db, SYSTEM, "2023", PARTNER, "fr", renderer)).bytes;
  const counted = async (bytes: Uint8Array) => {
    statements = 0;
    const result = await importQuestionnaire(
      t.db.withPlugin(counting),
      SYSTEM,
      bytes,
      { dryRun: false },
      "fr",
      workbookReader,
    );
    return { result, statements };
  };

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await collectionWorld(t);
  });
  afterAll(() => t.dispose());

  it("writes one row or every row in the same number of statements", async () => {
    // The first answer stored, so that both imports below read the same stored answers.
    expect((await counted(await fill(await download(), "a", 1))).result).toMatchObject({
      ok: true,
      summary: { imported: 1, rejected: [] },
    });
    const one = await counted(await fill(await download(), "a2", 1));
    expect(one.result).toMatchObject({ ok: true, summary: { updated: 1, imported: 0 } });
    const all = await counted(await fill(await download(), "b"));
    expect(all.result.ok).toBe(true);
    if (!all.result.ok) return;
    const rows = all.result.summary.imported + all.result.summary.updated;
    expect(rows).toBeGreaterThanOrEqual(8);
    expect(all.result.summary).toMatchObject({ updated: 1, imported: rows - 1, rejected: [] });
    // The rows are written by a handful of multi-row statements, not some ten per row.
    expect(all.statements).toBe(one.statements);
  });

  it("records the batch and one audit event describing it, none per answer", async () => {
    const bytes = await fill(await download(), "c");
    const last = await t.db
      .selectFrom("audit_log")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirstOrThrow();
    const { result } = await counted(bytes);
    if (!result.ok) throw new Error("refused");
    const batch = await t.db
      .selectFrom("import_batches")
      .selectAll()
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(batch).toMatchObject({
      source: "questionnaire_workbook",
      actor: actorLabel(SYSTEM),
      state: "done",
      inserted: 0,
      updated: result.summary.updated,
      unchanged: 0,
      rejected: 0,
      scope: { cycle: "2023", partner: PARTNER },
    });
    expect(batch.file_hash).toMatch(/^[0-9a-f]{64}$/);
    const events = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("id", ">", String(last.id))
      .where("entity", "in", [
        "responses",
        "response_outputs",
        "response_evidence",
        "import_batches",
      ])
      .execute();
    expect(events.map((e) => [e.action, e.entity, e.entity_id])).toEqual([
      ["import", "import_batches", String(batch.id)],
    ]);
    const event = events[0];
    const after = event?.after as { counts: unknown; written: { version: number }[] };
    expect(after.counts).toMatchObject({ updated: result.summary.updated });
    expect(after.written).toHaveLength(result.summary.updated);
    expect(after.written.map((w) => w.version).sort()).toEqual([
      ...Array(result.summary.updated - 1).fill(2),
      4,
    ]);
    const before = event?.before as { activities: string }[];
    expect(before).toHaveLength(result.summary.updated);
    expect(before.every((b) => b.activities.startsWith("Activités b"))).toBe(true);
  });

  it("stores what the file says, as one save would", async () => {
    const stored = await t.db
      .selectFrom("responses")
      .innerJoin("partners", "partners.id", "responses.partner_id")
      .innerJoin("cycles", "cycles.id", "responses.cycle_id")
      .select([
        "responses.id",
        "responses.activities",
        "responses.method",
        "responses.state",
        "responses.version",
      ])
      .where("partners.slug", "=", PARTNER)
      .where("cycles.slug", "=", "2023")
      .orderBy("responses.id")
      .execute();
    expect(stored.every((r) => r.method === "import" && r.state === "draft")).toBe(true);
    expect(stored.every((r) => r.activities?.startsWith("Activités c"))).toBe(true);
    expect(stored[0]?.version).toBe(4);
    expect(stored.slice(1).every((r) => r.version === 2)).toBe(true);
    const outputs = await t.db
      .selectFrom("response_outputs")
      .select(["response_id", "position", "value", "unit"])
      .where(
        "response_id",
        "in",
        stored.map((r) => r.id),
      )
      .orderBy("response_id")
      .orderBy("position")
      .execute();
    expect(outputs).toHaveLength(stored.length * 2);
    expect(outputs[0]).toMatchObject({ position: 1, unit: "sessions" });
    expect(outputs[1]).toMatchObject({ position: 2, unit: "personnes" });
  });
});
