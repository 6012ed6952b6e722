import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format.ts";
import { NBSP, typeset } from "./typography.ts";

const fr = (text: string) => typeset(text, "fr");
const en = (text: string) => typeset(text, "en");
/** Shows no-break spaces as "~" so a failing comparison is readable. */
const shown = (text: string) => text.replaceAll(NBSP, "~");

describe("French typography of free text", () => {
  it("keeps a figure and its unit on one line", () => {
    expect(shown(fr("un budget de 34 500 000 FCFA alloué"))).toBe(
      "un budget de 34~500~000~FCFA alloué",
    );
    expect(shown(fr("1 234,5 km et 12 %"))).toBe("1~234,5~km et 12~%");
    expect(shown(fr("soit 40%"))).toBe("soit 40~%");
    expect(shown(fr("619 prestataires"))).toBe("619 prestataires");
  });

  it("does not join a year to the figure after it, nor touch decimals", () => {
    expect(shown(fr("en 2022 500 femmes"))).toBe("en 2022 500 femmes");
    expect(shown(fr("3,25 ou 3.25"))).toBe("3,25 ou 3.25");
  });

  it("puts a no-break space before high punctuation and inside guillemets", () => {
    expect(shown(fr("Difficultés : aucune ; et alors ? Oui !"))).toBe(
      "Difficultés~: aucune~; et alors~? Oui~!",
    );
    expect(shown(fr("Note: rien"))).toBe("Note~: rien");
    expect(shown(fr("Vraiment?"))).toBe("Vraiment~?");
    expect(shown(fr("le « Plan national » et «PANB»"))).toBe("le «~Plan national~» et «~PANB~»");
  });

  it("leaves times, ratios, addresses and e-mails as they are", () => {
    expect(fr("la réunion de 10:30 à 12:00")).toBe("la réunion de 10:30 à 12:00");
    expect(fr("voir https://example.org/a?b=1;c=2 et www.sante.gov.ml/page")).toBe(
      "voir https://example.org/a?b=1;c=2 et www.sante.gov.ml/page",
    );
    expect(fr("écrire à info@gpsp.ml")).toBe("écrire à info@gpsp.ml");
    expect(shown(fr("Source: https://dhsprogram.com/x"))).toBe("Source~: https://dhsprogram.com/x");
  });

  it("turns straight apostrophes into curly ones", () => {
    expect(fr("l'État et aujourd'hui")).toBe("l’État et aujourd’hui");
    expect(en("the partners' answers don't")).toBe("the partners’ answers don’t");
  });

  it("writes month names in lower case mid-sentence, not at its start", () => {
    expect(fr("réunion du 12 Décembre 2022, puis en Mars")).toBe(
      "réunion du 12 décembre 2022, puis en mars",
    );
    expect(fr("Janvier – décembre 2022")).toBe("Janvier – décembre 2022");
    expect(shown(fr("Période couverte : Janvier – décembre 2022"))).toBe(
      "Période couverte~: janvier – décembre 2022",
    );
    expect(fr("Fin de l’année. Mars a vu")).toBe("Fin de l’année. Mars a vu");
    expect(fr("la Maison")).toBe("la Maison");
  });

  it("leaves text already set as it is", () => {
    const set = `34${NBSP}500${NBSP}000${NBSP}FCFA${NBSP}; l’État «${NBSP}PNDS${NBSP}»${NBSP}?`;
    expect(fr(set)).toBe(set);
    const once = fr("Note: « oui » ; 1 000 FCFA l'an !");
    expect(fr(once)).toBe(once);
  });

  it("adds no French spacing to English", () => {
    expect(shown(en("Note: 34 500 000 FCFA; really? 40%"))).toBe(
      "Note: 34~500~000~FCFA; really? 40%",
    );
    expect(en("in December")).toBe("in December");
  });
});

describe("dates", () => {
  it("writes the first of a month as an ordinal in French", () => {
    expect(formatDate("fr", "2026-12-01")).toBe("1er décembre 2026");
    expect(formatDate("fr", "2026-12-11")).toBe("11 décembre 2026");
    expect(formatDate("fr", "2026-12-21")).toBe("21 décembre 2026");
    expect(formatDate("en", "2026-12-01")).toBe("1 December 2026");
    expect(formatDateTime("fr", new Date("2026-03-01T09:15:00Z"))).toBe(
      "1er mars 2026 à 09:15 UTC",
    );
    expect(formatDate("fr", "2026-12-01T23:59:00Z")).toBe("1er décembre 2026");
  });
});
