import { describe, expect, it } from "vitest";
import { editionText, lacksEnglish, translationOf } from "./translation.ts";

describe("the English edition's free texts", () => {
  it("keeps an English version while the French it translates is unchanged", () => {
    const stored = { source: "Formation de 619 prestataires", textEn: "619 providers trained" };
    expect(translationOf("Formation de 619 prestataires", stored)).toEqual({
      fr: "Formation de 619 prestataires",
      en: "619 providers trained",
      outdated: false,
    });
    expect(translationOf("Formation de 700 prestataires", stored)).toEqual({
      fr: "Formation de 700 prestataires",
      en: null,
      outdated: true,
    });
    expect(translationOf("Texte", undefined)).toEqual({ fr: "Texte", en: null, outdated: false });
  });

  it("says what lacks English: a French text without a non-blank English", () => {
    expect(lacksEnglish({ fr: "Texte", en: null })).toBe(true);
    expect(lacksEnglish({ fr: "Texte", en: "  " })).toBe(true);
    expect(lacksEnglish({ fr: "Texte", en: "Text" })).toBe(false);
    expect(lacksEnglish(null)).toBe(false);
  });

  it("prints English where given, else French with every paragraph and item marked", () => {
    expect(editionText({ fr: "Dotation de 34 500 000 FCFA", en: null }, "fr", "[FR]")).toBe(
      "Dotation de 34 500 000 FCFA",
    );
    expect(editionText({ fr: "x", en: "Allocated 34 500 000 FCFA" }, "en", "[FR]")).toBe(
      "Allocated 34,500,000 FCFA",
    );
    expect(
      editionText(
        { fr: "Appui aux régions.\n- Kayes : 1 200 kits\n\nSuivi", en: null },
        "en",
        "[FR]",
      ),
    ).toBe("[FR] Appui aux régions.\n- [FR] Kayes : 1,200 kits\n\n[FR] Suivi");
  });
});
