// A programme's public dashboard as a read model: only a published programme, and only what a
// visitor may read — the programme's public fields, counts of midwives and centres (never a
// midwife: no name, no contact), the public indicators the health engine computes for the
// districts the programme works in, the map, and the testimonials and key recommendations
// given to it. The presenters below whitelist each field. Its charts and map are plain SVG
// drawn here (a millisecond); the cards' PNG are drawn in the rendering worker.
import {
  countryOf,
  deployedFacilitiesAt,
  deploymentUnitsAt,
  type PlacedUnit,
  type PublicIndicator,
  placedUnits,
  publicIndicatorsOf,
} from "../../db/programme/dashboard.ts";
import {
  findProgramme,
  programmeRegions,
  type StoredProgramme,
} from "../../db/programme/programmes.ts";
import { findPublication, publishedAt } from "../../db/programme/publications.ts";
import { holdsDemoData } from "../../db/shared/import-batches.ts";
import type { SpeakerRole } from "../../domain/programme/consent.ts";
import type { RecommendationStatus } from "../../domain/programme/mission.ts";
import { formatDate, formatMonth } from "../../domain/shared/format.ts";
import { compareFr } from "../../domain/shared/group.ts";
import type { Lang } from "../../domain/shared/lang.ts";
import type { Actor } from "../../domain/shared/policy.ts";
import { notFound, Problem } from "../../domain/shared/problem.ts";
import { translator } from "../../i18n/index.ts";
import {
  type CardModel,
  type CardProgramme,
  type CardSize,
  deploymentCard,
  indicatorCard,
  numbered,
  quoteCard,
} from "../../reports/programme/cards.ts";
import {
  type ProgrammeChart,
  renderProgrammeChart,
  yearColour,
} from "../../reports/programme/dashboard-chart.ts";
import { type LngLat, type MapPoint, mapSvg } from "../../reports/programme/map.ts";
import { runAnalytics } from "../health/analytics.ts";
import { authorise } from "../shared/access.ts";
import type { Db } from "../shared/db.ts";
import type { Renderer } from "../shared/rendering.ts";
import { keyRecommendations } from "./missions.ts";
import { REGION_LEVEL } from "./register-page.ts";
import { publicTestimonials } from "./testimonials.ts";

const DISTRICT_LEVEL = 3;

export interface DashboardRegion {
  name: string;
  midwives: number;
  facilities: number;
}

/** A count the health engine adds up: an indicator's numerator over the years and regions. */
export interface DashboardCount {
  label: string;
  total: number;
  /** The districts it is added up over. */
  districts: number;
  first: number;
  last: number;
}

export interface DashboardIndicator {
  name: string;
  /** "%" for a percentage, "" otherwise. */
  unit: string;
  decimals: number;
  years: number[];
  districts: { name: string; values: (number | null)[] }[];
  /** Each year's colour in the chart, for the page's legend. */
  legend: { name: string; colour: string }[];
  chart: ProgrammeChart;
  /** The chart drawn, as SVG for the page. */
  svg: string;
}

/**
 * A testimonial as the public page shows it: only what its consent lets the public web show
 * (publicTestimonials), the speaker's name only when she agreed to be named.
 */
export interface DashboardTestimonial {
  words: string;
  role: SpeakerRole;
  speaker: string | null;
  /** The facility and place when identified, the region alone when anonymised. */
  place: string | null;
  /** A day (YYYY-MM-DD) when identified, a month (YYYY-MM) when anonymised. */
  when: string;
  photo: { url: string; width: number; height: number } | null;
}
/** A key recommendation of the programme's missions: no owner, no address. */
export interface DashboardRecommendation {
  text: string;
  status: RecommendationStatus;
  due: string;
  mission: string;
}

export interface DashboardCard {
  /** 1, 2…: its place in the series, and its address. */
  n: number;
  model: CardModel;
}

export interface ProgrammeDashboard {
  slug: string;
  lang: Lang;
  /** The day the counts are taken at (today). */
  date: string;
  programme: {
    name: string;
    leadPartner: string;
    partners: string[];
    funders: string[];
    startDate: string;
    endDate: string | null;
  };
  midwives: number;
  facilities: number;
  regions: DashboardRegion[];
  counts: DashboardCount[];
  indicators: DashboardIndicator[];
  mapSvg: string;
  testimonials: DashboardTestimonial[];
  recommendations: DashboardRecommendation[];
  cards: DashboardCard[];
  synthetic: boolean;
}

const pointOf = (geometry: unknown): LngLat | null => {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (g?.type !== "Point" || !Array.isArray(g.coordinates)) return null;
  const [lng, lat] = g.coordinates as unknown[];
  return typeof lng === "number" && typeof lat === "number" ? [lng, lat] : null;
};

/** The outer ring of a Polygon, or the longest outer ring of a MultiPolygon. */
export function outlineOf(geometry: unknown): LngLat[] {
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  const rings: unknown[] =
    g?.type === "Polygon" && Array.isArray(g.coordinates)
      ? [g.coordinates[0]]
      : g?.type === "MultiPolygon" && Array.isArray(g.coordinates)
        ? (g.coordinates as unknown[][]).map((p) => p[0])
        : [];
  const valid = rings
    .filter((r): r is unknown[] => Array.isArray(r))
    .map((r) =>
      r.flatMap((p) =>
        Array.isArray(p) && typeof p[0] === "number" && typeof p[1] === "number"
          ? [[p[0], p[1]] as LngLat]
          : [],
      ),
    );
  const longest = valid.sort((a, b) => b.length - a.length)[0] ?? [];
  // A closed ring repeats its first point: the polygon closes itself.
  const [first, last] = [longest[0], longest[longest.length - 1]];
  return first && last && longest.length > 1 && first[0] === last[0] && first[1] === last[1]
    ? longest.slice(0, -1)
    : longest;
}

const yearsOf = (start: string, end: string | null, today: string): number[] => {
  const first = Number(start.slice(0, 4)) - 1;
  const last = Math.min(Number((end ?? today).slice(0, 4)), Number(today.slice(0, 4)));
  const years: number[] = [];
  for (let y = first; y <= last; y++) years.push(y);
  return years;
};

interface Row {
  dx: string;
  ou: string;
  pe: number;
  value: number;
  numerator: number | null;
}

/** The indicators over each of `units` and `years`, in one question to the engine. */
async function indicatorRows(
  db: Db,
  indicators: readonly PublicIndicator[],
  units: readonly PlacedUnit[],
  years: readonly number[],
): Promise<Row[]> {
  if (indicators.length === 0 || units.length === 0 || years.length === 0) return [];
  const answer = await runAnalytics(
    db,
    { actor: { kind: "anonymous" } },
    {
      dimensions: [
        { name: "dx", items: indicators.map((i) => i.key) },
        { name: "pe", items: years.map(String) },
        { name: "ou", items: units.map((u) => u.key) },
      ],
      filters: [],
      skipMeta: true,
      skipData: false,
      includeNumDen: true,
      displayProperty: "NAME",
    },
  ).catch((e: unknown) => {
    // Indicators the engine cannot answer show nothing rather than failing the page.
    if (e instanceof Problem) return null;
    throw e;
  });
  if (!answer) return [];
  const at = (name: string) => answer.headers.findIndex((h) => h.name === name);
  const [dx, pe, ouAt, value, numerator] = [
    at("dx"),
    at("pe"),
    at("ou"),
    at("value"),
    at("numerator"),
  ];
  return answer.rows
    .map((r) => ({
      dx: String(r[dx]),
      ou: ouAt < 0 ? "" : String(r[ouAt]),
      pe: Number(r[pe]),
      value: Number(r[value]),
      numerator: numerator < 0 || r[numerator] === "" ? null : Number(r[numerator]),
    }))
    .filter((r) => Number.isInteger(r.pe) && Number.isFinite(r.value));
}

const unitOf = (i: PublicIndicator) => (i.factor === 100 ? "%" : "");
const round = (v: number, decimals: number) => Number(v.toFixed(decimals));

export interface DashboardOptions {
  /** The day of the counts: today unless a test names one. */
  date?: string;
}

/**
 * The dashboard of the programme published at `slug`, in `lang`; not found when it is unknown
 * or not published.
 */
export async function programmeDashboard(
  db: Db,
  slug: string,
  lang: Lang,
  o: DashboardOptions = {},
): Promise<ProgrammeDashboard> {
  const publication = await publishedAt(db, slug);
  const p = publication && (await findProgramme(db, publication.programmeId));
  if (!publication || !p) throw notFound("programme", slug);
  return dashboardOf(db, p, publication.slug, lang, o);
}

/**
 * The same figures for staff, published or not (the cards page): `slug` is its public
 * address's, or null before its first publication.
 */
export async function staffDashboard(
  db: Db,
  actor: Actor,
  id: number,
  lang: Lang,
  o: DashboardOptions = {},
): Promise<{ dashboard: ProgrammeDashboard; programmeId: number; published: boolean }> {
  authorise(actor, "programme.read");
  const p = await findProgramme(db, id);
  if (!p) throw notFound("programme", id);
  const publication = await findPublication(db, id);
  return {
    dashboard: await dashboardOf(db, p, publication?.slug ?? "", lang, o),
    programmeId: id,
    published: publication?.published ?? false,
  };
}

async function dashboardOf(
  db: Db,
  p: StoredProgramme,
  slug: string,
  lang: Lang,
  o: DashboardOptions,
): Promise<ProgrammeDashboard> {
  const t = translator(lang);
  const date = o.date ?? new Date().toISOString().slice(0, 10);
  const years = yearsOf(p.startDate, p.endDate, date);
  const [
    facilities,
    regionIds,
    districts,
    indicators,
    synthetic,
    testimonials,
    recommendations,
    shareable,
  ] = await Promise.all([
    deployedFacilitiesAt(db, { programmeId: p.id, date, regionLevel: REGION_LEVEL }),
    programmeRegions(db, p.id),
    deploymentUnitsAt(db, p.id, DISTRICT_LEVEL),
    publicIndicatorsOf(db, p.id),
    holdsDemoData(db),
    // What each testimonial's consent lets the public web show, decided in one place.
    publicTestimonials(db, p.id, "public_web"),
    keyRecommendations(db, p.id),
    // A card is shared on social media: only testimonials consented for that use make one.
    publicTestimonials(db, p.id, "social_media"),
  ]);
  const regionUnits = await placedUnits(db, [
    ...new Set([...regionIds, ...facilities.flatMap((f) => (f.regionId ? [f.regionId] : []))]),
  ]);
  const country = await countryOf(
    db,
    regionUnits.map((r) => r.id),
  );

  const regions: (DashboardRegion & { unit: PlacedUnit })[] = regionUnits
    .map((unit) => {
      const here = facilities.filter((f) => f.regionId === unit.id);
      return {
        unit,
        name: unit.name,
        midwives: here.reduce((n, f) => n + f.midwives, 0),
        facilities: here.length,
      };
    })
    .sort((a, b) => b.midwives - a.midwives || compareFr(a.name, b.name));
  const midwives = facilities.reduce((n, f) => n + f.midwives, 0);

  const indicatorName = (i: PublicIndicator) => (lang === "en" ? (i.nameEn ?? i.name) : i.name);
  const all = await indicatorRows(db, indicators, districts, years);
  const perIndicator = indicators.map((i) => ({
    i,
    byDistrict: all.filter((r) => r.dx === i.key),
  }));

  // The counts are the numerators added up over the districts the programme works in.
  const counts: DashboardCount[] = perIndicator.flatMap(({ i, byDistrict }) => {
    const withNumerator = byDistrict.filter((r) => r.numerator !== null);
    if (withNumerator.length === 0 || unitOf(i) !== "%") return [];
    const ys = withNumerator.map((r) => r.pe);
    return [
      {
        // DHIS2's description of the numerator is in one language (the country's): an English
        // page names the counted element in English instead, when it has an English name.
        label:
          (lang === "en" ? i.numeratorElement?.nameEn : null) ??
          i.numeratorDescription ??
          i.numeratorElement?.name ??
          indicatorName(i),
        total: withNumerator.reduce((n, r) => n + (r.numerator ?? 0), 0),
        districts: new Set(withNumerator.map((r) => r.ou)).size,
        first: Math.min(...ys),
        last: Math.max(...ys),
      },
    ];
  });

  const dashboardIndicators: DashboardIndicator[] = perIndicator.flatMap(({ i, byDistrict }) => {
    const shown = years.filter((y) => byDistrict.some((r) => r.pe === y));
    if (shown.length === 0) return [];
    const decimals = i.decimals ?? 1;
    const rows = districts
      .map((d) => ({
        name: d.name,
        values: shown.map((y) => {
          const r = byDistrict.find((x) => x.ou === d.key && x.pe === y);
          return r ? round(r.value, decimals) : null;
        }),
      }))
      .filter((d) => d.values.some((v) => v !== null));
    const chart: ProgrammeChart = {
      lang,
      categories: rows.map((r) => r.name),
      series: shown.map((y, k) => ({
        name: String(y),
        values: rows.map((r) => r.values[k] ?? null),
      })),
      decimals,
    };
    return [
      {
        name: indicatorName(i),
        unit: unitOf(i),
        decimals,
        years: shown,
        districts: rows,
        legend: shown.map((y, k) => ({ name: String(y), colour: yearColour(k, shown.length) })),
        chart,
        svg: renderProgrammeChart(chart),
      },
    ];
  });

  const points: MapPoint[] = facilities.flatMap((f) => {
    const at = pointOf(f.geometry);
    return at ? [{ label: f.name, at, midwives: f.midwives, labelled: false }] : [];
  });
  const places = regions
    .filter((r) => r.midwives > 0)
    .flatMap((r) => {
      const at = pointOf(r.unit.geometry);
      return at ? [{ label: r.name, at }] : [];
    });
  const map = mapSvg({
    title: t("dash.mapTitle", { date: formatDate(lang, date) }),
    description: t("dash.mapDesc"),
    outline: country ? outlineOf(country.geometry) : [],
    points,
    places,
    maxRadius: 7,
  });

  const programme = {
    name: p.name,
    leadPartner: p.leadPartner,
    partners: [...p.partners],
    funders: [...p.funders],
    startDate: p.startDate,
    endDate: p.endDate,
  };
  const cardProgramme: CardProgramme = {
    name: p.name,
    leadPartner: p.leadPartner,
    partners: p.partners,
  };
  const cards: CardModel[] = [];
  if (midwives > 0)
    cards.push(
      deploymentCard(lang, cardProgramme, {
        // "à Ségou, Sikasso et Koulikoro": the regions read where a country's name would not.
        place: new Intl.ListFormat(lang, { type: "conjunction" }).format(
          regions.filter((r) => r.midwives > 0).map((r) => r.name),
        ),
        date,
        midwives,
        facilities: facilities.length,
      }),
    );
  const top = regions[0];
  if (top && top.midwives > 0 && regions.filter((r) => r.midwives > 0).length > 1)
    cards.push(
      deploymentCard(lang, cardProgramme, {
        place: top.name,
        date,
        midwives: top.midwives,
        facilities: top.facilities,
      }),
    );
  for (const d of dashboardIndicators) {
    // The district whose figure rose most between its first and last year with a value.
    const best = d.districts
      .map((r) => {
        const known = r.values.flatMap((v, k) =>
          v === null ? [] : [{ year: d.years[k] as number, value: v }],
        );
        const [first, last] = [known[0], known[known.length - 1]];
        return first && last && last.year > first.year ? { r, first, last } : null;
      })
      .filter((x) => x !== null)
      .sort((a, b) => b.last.value - b.first.value - (a.last.value - a.first.value))[0];
    if (best)
      cards.push(
        indicatorCard(lang, cardProgramme, {
          indicator: d.name,
          place: best.r.name,
          unit: d.unit,
          first: best.first,
          last: best.last,
          source: "DHIS2",
        }),
      );
  }
  for (const w of shareable.slice(0, 2)) {
    const role = t(`tm.role.${w.role}`);
    const who =
      w.disclosure === "identified"
        ? [w.name ?? role, w.region].filter((x) => x).join(", ")
        : [role, w.region].filter((x) => x).join(", ");
    const when =
      w.disclosure === "identified" ? formatDate(lang, w.date) : formatMonth(lang, w.month);
    cards.push(quoteCard(lang, cardProgramme, { words: w.quote, who, when }));
  }

  return {
    slug,
    lang,
    date,
    programme,
    midwives,
    facilities: facilities.length,
    regions: regions.map(({ name, midwives, facilities }) => ({ name, midwives, facilities })),
    counts,
    indicators: dashboardIndicators,
    mapSvg: map,
    testimonials: testimonials.map(
      (w): DashboardTestimonial =>
        w.disclosure === "identified"
          ? {
              words: w.quote,
              role: w.role,
              speaker: w.name,
              place: w.place ?? w.region,
              when: w.date,
              photo: w.photo,
            }
          : {
              words: w.quote,
              role: w.role,
              speaker: null,
              place: w.region,
              when: w.month,
              photo: null,
            },
    ),
    recommendations: recommendations.map(({ text, status, dueDate, missionTitle }) => ({
      text,
      status,
      due: dueDate,
      mission: missionTitle,
    })),
    cards: numbered(cards).map((model, k) => ({ n: k + 1, model })),
    synthetic,
  };
}

/** The n-th card of a dashboard as PNG, drawn in the rendering worker; not found past the last. */
export async function drawCard(
  renderer: Renderer,
  dashboard: ProgrammeDashboard,
  n: number,
  size: CardSize,
): Promise<Uint8Array> {
  const card = dashboard.cards.find((c) => c.n === n);
  if (!card) throw notFound("card", n);
  return renderer.render({ kind: "programme-card", model: card.model, size });
}
