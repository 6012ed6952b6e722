import { describe, expect, it } from "vitest";
import { fillMessage, fillTypeset, messageParams, typesetCatalogue } from "./message.ts";

describe("fillMessage", () => {
  const fr = "{count} {count|réponse ajoutée|réponses ajoutées}";
  const en = "{count} {count|answer|answers} added";

  it("fills plain parameters and leaves unknown ones as they are", () => {
    expect(fillMessage("fr", "{a} et {b}", { a: 1 })).toBe("1 et {b}");
  });

  it("chooses the French form: singular for 0 and 1", () => {
    expect([0, 1, 2, 17].map((count) => fillMessage("fr", fr, { count }))).toEqual([
      "0 réponse ajoutée",
      "1 réponse ajoutée",
      "2 réponses ajoutées",
      "17 réponses ajoutées",
    ]);
  });

  it("chooses the English form: singular for 1 only", () => {
    expect([0, 1, 2].map((count) => fillMessage("en", en, { count }))).toEqual([
      "0 answers added",
      "1 answer added",
      "2 answers added",
    ]);
  });

  it("reads numbers already formatted for display", () => {
    expect(fillMessage("fr", fr, { count: "1\u00a0234" })).toBe("1\u00a0234 réponses ajoutées");
    expect(fillMessage("en", en, { count: "1" })).toBe("1 answer added");
  });

  it("holds French punctuation to the word before it, in the message but not in values", () => {
    expect(fillMessage("fr", "Statut : {value} ; fin ?", { value: "a : b" })).toBe(
      "Statut\u00a0: a : b\u00a0; fin\u00a0?",
    );
    expect(fillMessage("en", "Status : {value}", { value: "x" })).toBe("Status : x");
  });

  it("names each parameter once", () => {
    expect(messageParams("{b} {a|x|y} {a}")).toEqual(["a", "b"]);
  });
});

describe("a catalogue typeset once", () => {
  const catalogue = {
    a: "Statut : {status} ; fait ?",
    b: "{count} {count|réponse|réponses} !",
    c: "Sans paramètre : rien à remplir",
  };

  it("fills its messages as fillMessage fills the raw ones", () => {
    for (const lang of ["fr", "en"] as const) {
      const typeset = typesetCatalogue(lang, catalogue);
      for (const [key, raw] of Object.entries(catalogue)) {
        const params = { status: "Réalisé", count: 2 };
        expect(fillTypeset(lang, typeset[key as keyof typeof catalogue], params), key).toBe(
          fillMessage(lang, raw, params),
        );
      }
    }
    expect(typesetCatalogue("fr", catalogue).c).toBe("Sans paramètre\u00a0: rien à remplir");
    expect(catalogue.c).toBe("Sans paramètre : rien à remplir");
  });
});
