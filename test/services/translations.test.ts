// The English edition's translations as use cases, on both stores: what the demo's 2022 cycle
// lacks (nothing), an English version saved, removed, outdated by a changed answer, and the
// list that counts what is missing per kind; who may write; a refused text stores nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemo } from "../../src/demo/load.ts";
import type { Actor } from "../../src/domain/shared/policy.ts";
import { isProblem } from "../../src/domain/shared/problem.ts";
import { REPORT_CATALOGUES } from "../../src/i18n/report.ts";
import { buildReport } from "../../src/services/tracker/reports.ts";
import {
  answerTranslationForm,
  MAX_TRANSLATION_LENGTH,
  saveAnswerTranslations,
  saveListTranslations,
  saveNarrativeTranslation,
} from "../../src/services/tracker/translations.ts";
import { missingTranslations } from "../../src/services/tracker/translations-missing.ts";
import { backends, freshDatabase, type TestDatabase } from "../support/database.ts";

const coordinator: Actor = {
  kind: "user",
  userId: 1,
  role: "coordinator",
  partnerId: null,
  name: "Coordination",
};
const MARK = REPORT_CATALOGUES.en.untranslated;

describe.each(backends)("English versions of free texts on %s", (backend) => {
  let t: TestDatabase;
  let psiAnswer: number;
  let psiId: number;

  beforeAll(async () => {
    t = await freshDatabase(backend);
    await loadDemo(t, { reset: false });
    const row = await t.db
      .selectFrom("responses")
      .innerJoin("partners", "partners.id", "responses.partner_id")
      .innerJoin("indicators", "indicators.id", "responses.indicator_id")
      .select(["responses.id", "partners.id as partner"])
      .where("partners.slug", "=", "psi")
      .where("indicators.code", "=", "d")
      .executeTakeFirstOrThrow();
    psiAnswer = row.id;
    psiId = row.partner;
  }, 60_000);
  afterAll(() => t.dispose());

  const psiActivities = async () =>
    (await buildReport(t.db, "2022", "en", { publishedOnly: true })).commitments
      .flatMap((c) => c.indicators)
      .find((i) => i.number === "2.2")
      ?.contributions.find((r) => r.partner === "PSI");

  it("finds nothing missing in the demo's 2022 cycle", async () => {
    const { items, counts } = await missingTranslations(t.db, coordinator, "2022", "en");
    expect(items).toEqual([]);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
  });

  it("lists an answer whose English was removed, with its place and link, and counts it", async () => {
    await saveAnswerTranslations(
      t.db,
      coordinator,
      "2022",
      psiAnswer,
      { texts: { activities: "" }, units: { "prestataires formés": " " } },
      "en",
    );
    const { items, counts } = await missingTranslations(t.db, coordinator, "2022", "en");
    expect(counts.activities).toBe(1);
    expect(counts.unit).toBe(1);
    expect(items.filter((i) => i.kind === "activities")).toEqual([
      {
        kind: "activities",
        place: "2.2 · PSI",
        french: expect.stringContaining("Formation en 2022 de 619 prestataires"),
        href: `/manage/cycles/2022/translations/answers/${psiAnswer}`,
        outdated: false,
      },
    ]);
    expect(items.find((i) => i.kind === "unit")?.french).toBe("prestataires formés");
    const psi = await psiActivities();
    expect(psi?.activities).toMatch(new RegExp(`^\\${MARK} Formation en 2022`));
    expect(psi?.outputs[0]?.unit).toBe(`prestataires formés ${MARK}`);
  });

  it("saves an English version, audited, and the English edition prints it", async () => {
    await saveAnswerTranslations(
      t.db,
      coordinator,
      "2022",
      psiAnswer,
      {
        texts: { activities: "Trained 619 providers in the integrated module in 2022." },
        units: { "prestataires formés": "providers trained" },
      },
      "en",
    );
    expect((await missingTranslations(t.db, coordinator, "2022", "en")).items).toEqual([]);
    const psi = await psiActivities();
    expect(psi?.activities).toBe("Trained 619 providers in the integrated module in 2022.");
    expect(psi?.outputs[0]?.unit).toBe("providers trained");
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "actor"])
      .where("entity", "=", "response_translations")
      .where("entity_id", "=", `${psiAnswer}:activities`)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "delete", "create"]);
    expect(audit.at(-1)?.actor).toBe("user:1");
  });

  it("shows an English version as outdated once the partner's French changed", async () => {
    await t.db
      .updateTable("responses")
      .set({ activities: "Formation en 2022 de 650 prestataires au module intégré." })
      .where("id", "=", psiAnswer)
      .execute();
    const { items } = await missingTranslations(t.db, coordinator, "2022", "en");
    expect(items).toEqual([
      expect.objectContaining({ kind: "activities", place: "2.2 · PSI", outdated: true }),
    ]);
    expect((await psiActivities())?.activities).toBe(
      `${MARK} Formation en 2022 de 650 prestataires au module intégré.`,
    );
    // The form offers the outdated English to bring up to date.
    const form = await answerTranslationForm(t.db, coordinator, "2022", psiAnswer, "en");
    expect(form.answer.fields).toEqual([
      {
        field: "activities",
        fr: "Formation en 2022 de 650 prestataires au module intégré.",
        en: "Trained 619 providers in the integrated module in 2022.",
        outdated: true,
      },
    ]);
  });

  it("counts narratives, difficulties and recommendations without English", async () => {
    const indicator = await t.db
      .selectFrom("indicators")
      .select("id")
      .where("code", "=", "b")
      .executeTakeFirstOrThrow();
    await saveNarrativeTranslation(t.db, coordinator, "2022", indicator.id, "", "en");
    const [difficulty, recommendation] = await Promise.all([
      t.db.selectFrom("difficulties").select("id").orderBy("id").executeTakeFirstOrThrow(),
      t.db.selectFrom("recommendations").select("id").orderBy("id").executeTakeFirstOrThrow(),
    ]);
    await saveListTranslations(
      t.db,
      coordinator,
      "2022",
      { [`d-${difficulty.id}`]: "", [`r-${recommendation.id}`]: "" },
      "en",
    );
    const { counts, items } = await missingTranslations(t.db, coordinator, "2022", "en");
    expect(counts).toMatchObject({ narrative: 1, cycle_difficulty: 1, recommendation: 1 });
    expect(items.find((i) => i.kind === "narrative")).toMatchObject({
      place: "1.2",
      href: `/manage/cycles/2022/translations/indicators/${indicator.id}`,
    });
    const model = await buildReport(t.db, "2022", "en", { publishedOnly: true });
    expect(model.recommendations[0]?.startsWith(`${MARK} `)).toBe(true);
    expect(model.commitments[0]?.indicators[1]?.narrative?.startsWith(`${MARK} `)).toBe(true);
    // The French edition is untouched by it all.
    const french = await buildReport(t.db, "2022", "fr", { publishedOnly: true });
    expect(french.recommendations[0]?.includes(MARK)).toBe(false);
  });

  it("lets no respondent write an English version, and stores nothing refused", async () => {
    const respondent: Actor = {
      kind: "user",
      userId: 2,
      role: "respondent",
      partnerId: psiId,
      name: "PSI",
    };
    const refused = await saveAnswerTranslations(
      t.db,
      respondent,
      "2022",
      psiAnswer,
      { texts: { activities: "Trained providers." }, units: {} },
      "en",
    ).catch((e: unknown) => e);
    expect(isProblem(refused) && refused.code).toBe("forbidden");
    const tooLong = await saveAnswerTranslations(
      t.db,
      coordinator,
      "2022",
      psiAnswer,
      {
        texts: { activities: "x".repeat(MAX_TRANSLATION_LENGTH + 1) },
        units: { "prestataires formés": "trained providers" },
      },
      "en",
    ).catch((e: unknown) => e);
    expect(isProblem(tooLong) && tooLong.code).toBe("invalid_input");
    const units = await t.db.selectFrom("unit_translations").select("unit_en").execute();
    expect(units.map((u) => u.unit_en)).toContain("providers trained");
    expect(units.map((u) => u.unit_en)).not.toContain("trained providers");
  });
});
