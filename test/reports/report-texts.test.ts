// The coordinator's report texts: constraints, audited writes (before and after on update), the
// previous cycle's text offered as a starting point, and placeholders checked on save.
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAcronym } from "../../src/db/tracker/acronyms.ts";
import { insertCycle } from "../../src/db/tracker/cycles.ts";
import { loadDemo } from "../../src/demo/load.ts";
import { getCycleTexts, saveCycleText } from "../../src/services/tracker/report-texts.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";
import { sqlState } from "../support/sql-state.ts";

describe.each(backends)("report texts on %s", (backend) => {
  let t: TestDatabase;
  let cycle2022: number;
  let cycle2023: number;
  let tracker: number;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadDemo(t, { reset: false });
    const c = await t.db
      .selectFrom("cycles")
      .selectAll()
      .where("slug", "=", "2022")
      .executeTakeFirstOrThrow();
    cycle2022 = c.id;
    tracker = c.tracker_id;
    const next = await insertCycle(t.db, "test", {
      trackerId: tracker,
      slug: "2023-textes",
      label: "Janvier – décembre 2023",
      labelEn: null,
      periodStart: "2023-01-01",
      periodEnd: "2023-12-31",
      state: "setup",
      publishedAt: null,
    });
    cycle2023 = next.id;
    await t.db
      .updateTable("cycles")
      .set({ previous_cycle_id: cycle2022 })
      .where("id", "=", cycle2023)
      .execute();
  });
  afterAll(() => t.dispose());

  it("refuses unknown kinds, duplicates, blank texts and malformed acronyms", async () => {
    const bad = [
      sql`insert into cycle_texts (cycle_id, kind, text) values (${cycle2022}, 'preface', 'x')`,
      sql`insert into cycle_texts (cycle_id, kind, text) values (${cycle2022}, 'context', 'again')`,
      sql`insert into cycle_texts (cycle_id, kind, text) values (${cycle2023}, 'context', '   ')`,
      sql`insert into acronyms (tracker_id, acronym, expansion) values (${tracker}, 'PF', 'doublon')`,
      sql`insert into acronyms (tracker_id, acronym, expansion) values (${tracker}, 'two words', 'x')`,
      sql`insert into acronyms (tracker_id, acronym, expansion) values (${tracker}, 'XYZ', '')`,
    ];
    const states: string[] = [];
    for (const q of bad) states.push(await sqlState(q.execute(t.db)));
    expect(states).toEqual(["23514", "23505", "23514", "23505", "23514", "23514"]);
    await expect(
      insertAcronym(t.db, "test", tracker, { acronym: "HP+", expansion: "x", expansionEn: null }),
    ).rejects.toThrow();
  });

  it("offers the previous cycle's texts until the cycle has its own", async () => {
    const before = await getCycleTexts(t.db, cycle2023);
    expect(before.context?.source).toBe("previous");
    expect(before.context?.text).toContain("planification familiale");
    await saveCycleText(
      t.db,
      "coordinator:1",
      cycle2023,
      "context",
      "Contexte 2023, {partners} partenaires.",
      null,
    );
    const after = await getCycleTexts(t.db, cycle2023);
    expect(after.context).toEqual({
      text: "Contexte 2023, {partners} partenaires.",
      textEn: null,
      source: "cycle",
    });
    expect(after.conclusion?.source).toBe("previous");
  });

  it("audits a creation, then an update with the text before and after", async () => {
    await saveCycleText(
      t.db,
      "coordinator:1",
      cycle2023,
      "conclusion",
      "Première version.",
      "First version.",
    );
    await saveCycleText(t.db, "coordinator:1", cycle2023, "conclusion", "Seconde version.", "  ");
    const row = await t.db
      .selectFrom("cycle_texts")
      .selectAll()
      .where("cycle_id", "=", cycle2023)
      .where("kind", "=", "conclusion")
      .executeTakeFirstOrThrow();
    expect([row.text, row.text_en]).toEqual(["Seconde version.", null]);
    const audit = await t.db
      .selectFrom("audit_log")
      .selectAll()
      .where("entity", "=", "cycle_texts")
      .where("entity_id", "=", String(row.id))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update"]);
    const update = audit[1];
    expect(update?.before).toMatchObject({ text: "Première version." });
    expect(update?.after).toMatchObject({ text: "Seconde version.", text_en: null });
    expect(update?.actor).toBe("coordinator:1");
  });

  it("rejects an unknown kind, an empty text, an unknown placeholder and an unknown cycle", async () => {
    await expect(saveCycleText(t.db, "c", cycle2023, "preface", "x", null)).rejects.toMatchObject({
      code: "invalid_input",
      subject: "kind",
    });
    await expect(saveCycleText(t.db, "c", cycle2023, "context", "  ", null)).rejects.toMatchObject({
      code: "invalid_input",
      subject: "text",
    });
    await expect(
      saveCycleText(t.db, "c", cycle2023, "context", "{partenaires}", null),
    ).rejects.toMatchObject({ code: "invalid_input", details: { placeholder: "partenaires" } });
    await expect(saveCycleText(t.db, "c", 999_999, "context", "x", null)).rejects.toMatchObject({
      code: "not_found",
    });
  });
});
