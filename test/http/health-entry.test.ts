// Data entry for one facility and one month: the stored values shown in their boxes, a refused
// box keeping what was typed (and nothing stored), a save counted, a value far outside the
// facility's history flagged but stored, an emptied box deleting its value — on both stores.
import { describe, expect, it } from "vitest";
import type { TestClient } from "../support/client.ts";
import { backends, type TestDatabase } from "../support/database.ts";
import { useHealthPages } from "../support/health-app.ts";
import { plain } from "../support/text.ts";

describe.each(backends)("data entry on %s", (backend) => {
  let t: TestDatabase;
  let web: TestClient;
  useHealthPages(
    backend,
    (w) => ({ t, admin: web } = w),
    (database) => ({ health: { database, uploadDir: "/nonexistent", kickJobs: () => {} } }),
  );

  const stored = async (period: string) =>
    (
      await t.db
        .selectFrom("data_values as v")
        .innerJoin("data_elements as e", "e.id", "v.data_element_id")
        .innerJoin("org_units as u", "u.id", "v.org_unit_id")
        .select(["e.code", "v.value"])
        .where("u.uid", "=", "FacBar00001")
        .where("v.period", "=", period)
        .orderBy("e.code")
        .execute()
    ).map((r) => `${r.code}=${r.value}`);
  const box = (page: string, name: string) =>
    new RegExp(`name="${name.replaceAll(".", "\\.")}" value="([^"]*)"`).exec(page)?.[1];

  it("shows the chosen month's stored values, and asks for a choice otherwise", async () => {
    const empty = plain(await (await web.get("/health/entry")).text());
    expect(empty).toContain("Choisissez une structure et un mois");
    expect((await web.get("/health/entry?ou=Nowhere&pe=2022-01")).status).toBe(400);
    const page = await (await web.get("/health/entry?ou=FacBar00001&pe=2022-01")).text();
    expect(box(page, "v.DeAnc100001.CocDefault1")).toBe("30");
    expect(box(page, "v.DeFpUsers01.CocFemale01")).toBe("7");
    expect(box(page, "v.DeFpUsers01.CocMale0001")).toBe("2");
  });

  it("refuses a bad box beside it and stores nothing, then saves, flags and deletes", async () => {
    const refused = await web.post("/health/entry?ou=FacBar00001&pe=2022-01", {
      "v.DeAnc100001.CocDefault1": "31",
      "v.DeFpUsers01.CocFemale01": "-2",
    });
    expect(refused.status).toBe(400);
    const text = plain(await refused.text());
    expect(text).toContain("Rien n’a été enregistré");
    expect(text).toContain("« -2 » est négatif");
    expect(box(text, "v.DeFpUsers01.CocFemale01")).toBe("-2");
    expect(await stored("202201")).toContain("CPN1=30");

    const march = await web.post("/health/entry?ou=FacBar00001&pe=2022-03", {
      "v.DeAnc100001.CocDefault1": "25",
    });
    expect(march.status).toBe(200);
    expect(plain(await march.text())).toContain(
      "Enregistré : 1 valeur ajoutée, 0 modifiée, 0 effacée.",
    );

    // April far above January–March (30, 20, 25: median 25) is stored and flagged.
    const april = plain(
      await (
        await web.post("/health/entry?ou=FacBar00001&pe=2022-04", {
          "v.DeAnc100001.CocDefault1": "300",
        })
      ).text(),
    );
    expect(april).toContain("« 300 » est loin des mois précédents de cette structure (médiane 25)");
    expect(await stored("202204")).toEqual(["CPN1=300"]);

    const emptied = plain(
      await (
        await web.post("/health/entry?ou=FacBar00001&pe=2022-04", {
          "v.DeAnc100001.CocDefault1": "",
        })
      ).text(),
    );
    expect(emptied).toContain("0 valeur ajoutée, 0 modifiée, 1 effacée");
    expect(await stored("202204")).toEqual([]);
  });
});
