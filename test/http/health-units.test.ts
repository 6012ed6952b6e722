// The organisation-unit pages, on both stores: the tree by level and by search in French and
// English, a unit added (a code taken and a parent missing said beside their fields, what was
// typed kept), a facility moved to another district with its roll-ups following it, a move
// under the unit's own descendant refused, a unit closed, each write in the audit log; a
// validator is refused.
import { describe, expect, it } from "vitest";
import { isProblem } from "../../src/domain/shared/problem.ts";
import { createUnit } from "../../src/services/health/org-units.ts";
import type { TestClient } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { unitId, useHealthPages } from "../support/health-app.ts";
import { plain } from "../support/text.ts";

describe.each(backends)("organisation-unit pages on %s", (backend) => {
  let t: TestDatabase;
  let admin: TestClient;
  let validator: TestClient;
  useHealthPages(backend, (w) => ({ t, admin, validator } = w));
  const idOf = (code: string) => unitId(t, code);
  const rollup = async (code: string) =>
    Number(
      (
        await t.db
          .selectFrom("data_value_rollups as r")
          .innerJoin("org_units as u", "u.id", "r.org_unit_id")
          .innerJoin("data_elements as e", "e.id", "r.data_element_id")
          .select((x) => x.fn.sum<string>("r.sum").as("s"))
          .where("u.code", "=", code)
          .where("e.code", "=", "CPN1")
          .executeTakeFirst()
      )?.s ?? 0,
    );
  const form = (o: Record<string, string>) => ({
    code: "",
    name: "",
    shortName: "",
    uid: "",
    parent: "",
    openingDate: "",
    closedDate: "",
    ...o,
  });

  it("lists the tree by level and finds units by name or code, in French and English", async () => {
    const fr = plain(await (await admin.get("/health/units")).text());
    expect(fr).toContain("<h1>Unités d’organisation</h1>");
    expect(fr).toContain('<b aria-current="page">1. Pays</b>');
    expect(fr).toContain(">Mali</a>");
    const districts = plain(await (await admin.get("/health/units?level=3")).text());
    expect(districts).toContain('>Barouéli</a> <span class="muted">OU_DisBar00001</span> — Ségou');
    const found = plain(await (await admin.get("/health/units?q=cscom&lang=en")).text());
    expect(found).toContain("3 units found for “cscom”.");
    expect(found).toContain(">CSCom Boidié</a>");
    expect((await validator.get("/health/units")).status).toBe(403);
  });

  it("says a new parent moves the unit only when editing one", async () => {
    const hint = "Changer l’unité parente déplace l’unité avec ses valeurs.";
    expect(plain(await (await admin.get("/health/units/new")).text())).not.toContain(hint);
    const id = await idOf("OU_FacBla00001");
    expect(plain(await (await admin.get(`/health/units/${id}`)).text())).toContain(hint);
  });

  it("adds a unit, saying beside each field what is wrong and keeping what was typed", async () => {
    const refused = await admin.post(
      "/health/units",
      form({
        code: "OU_FacBla00001",
        name: "CSCom Tesserla",
        parent: "NOWHERE",
        closedDate: "2022-02-30",
      }),
    );
    expect(refused.status).toBe(400);
    const text = plain(await refused.text());
    expect(text).toContain("Ce code est déjà celui d’une autre unité.");
    expect(text).toContain("Aucune unité n’a ce code : vérifiez l’unité parente.");
    expect(text).toContain("Date invalide : AAAA-MM-JJ, un jour qui existe.");
    expect(text).toContain('value="CSCom Tesserla"');

    const added = await admin.post(
      "/health/units",
      form({
        code: "BLA-TES",
        name: "CSCom Tesserla",
        parent: "OU_DisBla00001",
        openingDate: "2020-01-01",
      }),
    );
    expect(added.status).toBe(303);
    const page = plain(await (await admin.get(added.headers.get("location") ?? "")).text());
    expect(page).toContain("Unité ajoutée.");
    expect(page).toContain("Niveau 4 — Structure");
    expect(page).toMatch(/Mali<\/a> › <a [^>]+>Ségou<\/a> › <a [^>]+>Bla<\/a>/);
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["action", "actor"])
      .where("entity", "=", "org_units")
      .where("entity_id", "=", String(await idOf("BLA-TES")))
      .execute();
    expect(audit).toEqual([{ action: "create", actor: expect.any(String) }]);
  });

  it("moves a facility with its values, refuses a move under its own descendant, and closes a unit", async () => {
    const fac = await idOf("OU_FacBar00002");
    expect(await rollup("OU_DisBla00001")).toBe(40);
    const moved = await admin.post(
      `/health/units/${fac}`,
      form({
        code: "OU_FacBar00002",
        name: "CSCom Barouéli central",
        parent: "OU_DisBla00001",
        openingDate: "2000-01-01",
      }),
    );
    expect(moved.status).toBe(303);
    expect(plain(await (await admin.get(moved.headers.get("location") ?? "")).text())).toContain(
      "Unité déplacée : ses valeurs la suivent",
    );
    expect(await rollup("OU_DisBla00001")).toBe(50);
    expect(await rollup("OU_DisBar00001")).toBe(50);

    const region = await idOf("OU_RegSeg00001");
    const loop = await admin.post(
      `/health/units/${region}?lang=en`,
      form({ code: "OU_RegSeg00001", name: "Ségou", parent: "OU_FacBla00001" }),
    );
    expect(loop.status).toBe(400);
    expect(plain(await loop.text())).toContain(
      "Move refused: this parent is inside the unit being moved.",
    );

    const closed = await admin.post(
      `/health/units/${fac}`,
      form({
        code: "OU_FacBar00002",
        name: "CSCom Barouéli central",
        parent: "OU_DisBla00001",
        openingDate: "2000-01-01",
        closedDate: "2022-06-30",
      }),
    );
    expect(closed.status).toBe(303);
    const text = plain(await (await admin.get(`/health/units/${fac}`)).text());
    expect(text).toContain("fermée le 30 juin 2022");
    const audit = await t.db
      .selectFrom("audit_log")
      .select(["before", "after"])
      .where("entity", "=", "org_units")
      .where("entity_id", "=", String(fac))
      .where("action", "=", "update")
      .orderBy("id")
      .execute();
    expect(audit).toHaveLength(2);
    const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
    expect(json(audit[0]?.after)).toMatchObject({ closedDate: null });
    expect(json(audit[1]?.after)).toMatchObject({ closedDate: "2022-06-30" });
    expect((await validator.post(`/health/units/${fac}`, form({}))).status).toBe(403);
  });

  it("refuses the second of two units added at once with one code as taken, not a server error", async () => {
    const actor = { kind: "user", userId: 0, role: "admin", partnerId: null, name: "t" } as const;
    const unit = (name: string) => ({
      code: "RACE-1",
      name,
      shortName: "",
      uid: "",
      parent: "",
      openingDate: "",
      closedDate: "",
    });
    const outcomes = await Promise.allSettled([
      createUnit(t.db, actor, unit("A")),
      createUnit(t.db, actor, unit("B")),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = outcomes.find((o) => o.status === "rejected")?.reason;
    expect(isProblem(refused) && refused.issues).toEqual([
      { path: "code", code: "taken", params: {} },
    ]);
  });
});
