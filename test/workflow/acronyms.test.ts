// The acronyms editor: the coordinator adds, changes and deletes the acronyms that the annual
// report explains; bad input comes back beside its field with nothing stored; every change is
// audited; the report lists an acronym only while its text uses it; other roles are kept out.
import { describe, expect, it } from "vitest";
import type { createApp } from "../../src/http/app.ts";
import { saveCycleText } from "../../src/services/tracker/report-texts.ts";
import { buildReport } from "../../src/services/tracker/reports.ts";
import { signIn, type TestClient } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { ACCOUNTS, PASSWORD, useSignedInWorld } from "../support/world.ts";

const LIST = "/manage/acronyms";

describe.each(backends)("acronyms editor on %s", (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let web: TestClient;
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom("acronyms")
          .select((e) => e.fn.countAll().as("n"))
          .executeTakeFirst()
      )?.n,
    );
  const reportAcronyms = async () =>
    (await buildReport(t.db, "2022", "fr")).acronyms.map((a) => `${a.acronym}: ${a.expansion}`);

  useSignedInWorld(backend, "coordinator", (w) => ({ t, app, client: web } = w));

  it("lists the demo's acronyms and is linked from the cycle and the report texts", async () => {
    const page = await (await web.get(LIST)).text();
    expect(page).toContain("Sigles et abréviations");
    expect(page).toContain(`${await count()} sigles`);
    expect(page).toContain("<b>ONASR</b>");
    expect(await (await web.get("/manage/cycles/2023")).text()).toContain(`href="${LIST}"`);
    expect(await (await web.get("/manage/cycles/2023/report-texts")).text()).toContain(
      `href="${LIST}"`,
    );
  });

  it("refuses a missing, malformed or existing acronym beside its field, storing nothing", async () => {
    const before = await count();
    await web.get(LIST);
    const missing = await web.post(LIST, { acronym: "", expansion: "" });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Ce champ est obligatoire.");
    await web.get(LIST);
    const twoWords = await web.post(LIST, { acronym: "deux mots", expansion: "Gardé tel quel" });
    expect(twoWords.status).toBe(400);
    const page = await twoWords.text();
    expect(page).toContain("Un seul mot de 24 caractères au plus");
    expect(page).toContain('value="deux mots"');
    expect(page).toContain('value="Gardé tel quel"');
    await web.get(LIST);
    const taken = await web.post(LIST, { acronym: "onasr", expansion: "Doublon" });
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain("Ce sigle figure déjà dans la liste");
    // Both errors at once: the taken acronym and the missing meaning.
    await web.get(LIST);
    const both = await (await web.post(LIST, { acronym: "ONASR", expansion: "" })).text();
    expect(both).toContain("Ce sigle figure déjà dans la liste");
    expect(both).toContain("Ce champ est obligatoire.");
    // Far too long is a message beside the field, never a server error.
    await web.get(LIST);
    const long = await web.post(LIST, { acronym: "LONG", expansion: "x".repeat(5_000) });
    expect(long.status).toBe(400);
    const longPage = await long.text();
    expect(longPage).toContain("Ce champ est trop long\u00a0: 300 caractères au plus.");
    expect(longPage).toContain('value="LONG"');
    expect(await count()).toBe(before);
  });

  it("adds an acronym that the report prints once its text uses it", async () => {
    await web.get(LIST);
    const added = await web.post(LIST, {
      acronym: "CPN",
      expansion: "Consultation prénatale",
      expansion_en: "Antenatal care",
    });
    expect(added.status).toBe(303);
    const location = added.headers.get("location") ?? "";
    expect(location).toMatch(/^\/manage\/acronyms\?added=\d+$/);
    const page = await (await web.get(location)).text();
    expect(page).toContain("Sigle CPN ajouté.");
    expect(page).toContain("Consultation prénatale");
    expect(await reportAcronyms()).not.toContain("CPN: Consultation prénatale");
    const cycle = await t.db
      .selectFrom("cycles")
      .select("id")
      .where("slug", "=", "2022")
      .executeTakeFirstOrThrow();
    await saveCycleText(t.db, "test", cycle.id, "highlights", "Les CPN ont progressé.", null);
    expect(await reportAcronyms()).toContain("CPN: Consultation prénatale");
  });

  it("changes a meaning and deletes an acronym, both audited", async () => {
    const row = await t.db
      .selectFrom("acronyms")
      .select("id")
      .where("acronym", "=", "CPN")
      .executeTakeFirstOrThrow();
    const path = `${LIST}/${row.id}`;
    expect(await (await web.get(path)).text()).toContain('value="Consultation prénatale"');
    const refused = await web.post(path, { expansion: " ", expansion_en: "" });
    expect(refused.status).toBe(400);
    await web.get(path);
    const saved = await web.post(path, {
      expansion: "Consultation prénatale (CPN)",
      expansion_en: "",
    });
    expect(saved.headers.get("location")).toBe(`${LIST}?saved=${row.id}`);
    expect(await (await web.get(`${LIST}?saved=${row.id}`)).text()).toContain(
      "Sigle CPN enregistré.",
    );
    expect(await reportAcronyms()).toContain("CPN: Consultation prénatale (CPN)");

    await web.get(path);
    const removed = await web.post(`${path}/delete`, {});
    expect(removed.headers.get("location")).toBe(`${LIST}?removed=1`);
    expect(await (await web.get(`${LIST}?removed=1`)).text()).toContain("Sigle supprimé.");
    expect(await reportAcronyms()).not.toContain("CPN: Consultation prénatale (CPN)");
    expect((await web.get(path)).status).toBe(404);

    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "before", "after"])
      .where("entity", "=", "acronyms")
      .where("entity_id", "=", String(row.id))
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "delete"]);
    expect(audit[1]?.after).toMatchObject({ expansion: "Consultation prénatale (CPN)" });
    expect(audit[2]?.before).toMatchObject({ acronym: "CPN" });
  });

  it("is for coordinators and administrators only", async () => {
    const validator = await signIn(app, ACCOUNTS.validator.email, PASSWORD);
    expect((await validator.get(LIST)).status).toBe(403);
    expect((await validator.post(LIST, { acronym: "XYZ", expansion: "x" })).status).toBe(403);
    expect(await (await validator.get("/manage/cycles/2023")).text()).not.toContain(
      `href="${LIST}"`,
    );
  });
});
