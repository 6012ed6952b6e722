// Result cards ("what to remember"): one headline figure and its sentence, built from data in
// French or English, with the programme's name and partners, the source and period, an alt text
// and a suggested post. Pure: the service gathers the figures, the renderer draws the card.
import { formatDate, formatNumber, formatValue } from "../../domain/shared/format.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import { translator } from "../../i18n/index.ts";

export interface CardProgramme {
  name: string;
  leadPartner: string;
  partners: readonly string[];
}

/** The two shapes a card is drawn in: 1080×1080 (posts) and 1200×630 (link previews). */
export const CARD_SIZES = {
  square: { width: 1080, height: 1080 },
  wide: { width: 1200, height: 630 },
} as const;
export type CardSize = keyof typeof CARD_SIZES;

export interface CardModel {
  lang: Lang;
  figure: string;
  sentence: string;
  /** "2/5": the card's place in its series, or null alone. */
  mark: string | null;
  programme: string;
  lead: string;
  partners: string;
  source: string;
  alt: string;
  post: string;
}

function frame(lang: Lang, p: CardProgramme) {
  const t = translator(lang);
  return {
    t,
    programme: p.name,
    lead: t("card.lead", { name: p.leadPartner }),
    partners: p.partners.length === 0 ? "" : t("card.partners", { list: p.partners.join(", ") }),
  };
}

/** "37 midwives deployed in 37 health centres in Ségou", counted at `date`. */
export function deploymentCard(
  lang: Lang,
  p: CardProgramme,
  d: { place: string; date: string; midwives: number; facilities: number },
): CardModel {
  const { t, ...f } = frame(lang, p);
  const params = {
    count: d.midwives,
    facilities: d.facilities,
    place: d.place,
    date: formatDate(lang, d.date),
    programme: p.name,
    lead: p.leadPartner,
  };
  return {
    lang,
    figure: formatNumber(lang, d.midwives),
    sentence: t("card.deployment", params),
    mark: null,
    ...f,
    source: t("card.source", { source: t("card.sourceRegister"), period: params.date }),
    alt: t("card.deploymentAlt", params),
    post: t("card.deploymentPost", params),
  };
}

/** "CPN1 à Barouéli : 70,88 % → 81,69 %", an indicator of a unit in two years. */
export function indicatorCard(
  lang: Lang,
  p: CardProgramme,
  d: {
    indicator: string;
    place: string;
    unit: string;
    first: { year: number; value: number };
    last: { year: number; value: number };
    source: string;
  },
): CardModel {
  const { t, ...f } = frame(lang, p);
  const params = {
    indicator: d.indicator,
    place: d.place,
    from: formatValue(lang, d.first.value, d.unit),
    to: formatValue(lang, d.last.value, d.unit),
    first: d.first.year,
    last: d.last.year,
    programme: p.name,
    lead: p.leadPartner,
  };
  return {
    lang,
    figure: params.to,
    sentence: t("card.indicator", params),
    mark: null,
    ...f,
    source: t("card.source", { source: d.source, period: `${d.first.year}–${d.last.year}` }),
    alt: t("card.indicatorAlt", params),
    post: t("card.indicatorPost", params),
  };
}

/**
 * A testimonial's words as a card: `who` is what its consent lets social media show (a name and
 * place, or a role and region), `when` a day or a month already written in `lang`. The caller
 * gives only testimonials consented for social media.
 */
export function quoteCard(
  lang: Lang,
  p: CardProgramme,
  d: { words: string; who: string; when: string },
): CardModel {
  const { t, ...f } = frame(lang, p);
  const params = { ...d, programme: p.name, lead: p.leadPartner };
  return {
    lang,
    figure: lang === "fr" ? "«" : "“",
    sentence: t("card.quote", params),
    mark: null,
    ...f,
    source: t("card.quoteSource", params),
    alt: t("card.quoteAlt", params),
    post: t("card.quotePost", params),
  };
}

/** Numbers a series of cards "1/N" … "N/N". */
export function numbered(cards: readonly CardModel[]): CardModel[] {
  return cards.map((c, i) => ({ ...c, mark: `${i + 1}/${cards.length}` }));
}
