// The demo's monthly values, January 2022 to December 2024, for every CSCom of the map. Coverage
// is set per district and year (or per region, where the mission quoted a regional figure), the
// district's yearly count is that coverage of its expected pregnancies or deliveries, and the
// count is split over its centres and months in whole numbers that add up exactly: a district's
// or region's yearly coverage computed from the values is the figure set here, to the rounding of
// one count.
import { type ElementKey, element } from "./catalogue.ts";
import { type DemoDistrict, DISTRICTS, facilityCode } from "./places.ts";
import { allocate, between, random } from "./random.ts";

export const YEARS = [2022, 2023, 2024] as const;
const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, "0"));

/** The counts set as a coverage of a denominator. */
type Measure = "cpn1" | "cpn4" | "assisted";
type ByYear = readonly [number, number, number];

const DENOMINATOR: Record<Measure, "pregnancies" | "deliveries"> = {
  cpn1: "pregnancies",
  cpn4: "pregnancies",
  assisted: "deliveries",
};

/** The mission's district figures (%, 2022 → 2024); 2023 lies between. */
export const DISTRICT_FIGURES: Readonly<Record<string, Partial<Record<Measure, ByYear>>>> = {
  ML_SEG_BAR: { cpn1: [70.88, 76.4, 81.69] },
};

/**
 * The mission's regional figures: Sikasso's skilled birth attendance rose from 47 % (2019-20) to
 * 62 % (end of 2024) and its CPN4 from 20 % to 23 %; 2022 and 2023 lie on the way.
 */
export const REGION_FIGURES: Readonly<Record<string, Partial<Record<Measure, ByYear>>>> = {
  ML_SIK: { assisted: [54, 58, 62], cpn4: [21, 22, 23] },
};

/** Where a district without a figure starts in 2022 and how much it gains each year (points). */
const DEFAULTS: Record<Measure, { start: [number, number]; step: [number, number] }> = {
  cpn1: { start: [64, 86], step: [2, 4.5] },
  cpn4: { start: [18, 34], step: [0.8, 2.2] },
  assisted: { start: [42, 68], step: [2, 4] },
};

/**
 * Dougoukolobougou's centre since its midwife came in 2023: 15 to 17 assisted deliveries a month
 * (the mission's figure), whatever its district's total.
 */
const FIXED: Readonly<
  Record<string, { from: string; draw: Partial<Record<ElementKey, [number, number]>> }>
> = {
  ML_SIK_SIK_DOUGOUKOLOBOUGOU: {
    from: "202301",
    draw: { assisted: [15, 17] },
  },
};

/** Zambougou-Cinzana has recorded no maternal death since its midwife came in August 2024. */
const NO_MATERNAL_DEATH_FROM: Readonly<Record<string, string>> = {
  ML_SEG_SEG_CINZANA: "202408",
};

export interface DemoValue {
  element: string; // data element uid
  orgUnit: string; // unit code
  period: string; // YYYYMM
  value: number;
}

const population = (base: number, year: number) => base * 1.03 ** (year - YEARS[0]);
/** More births and antenatal visits in the rainy season's months (peak in August). */
const season = (month: number) => 1 + 0.06 * Math.cos((2 * Math.PI * (month - 8)) / 12);

function districtCoverage(district: DemoDistrict, measure: Measure): ByYear {
  const given = DISTRICT_FIGURES[district.code]?.[measure];
  if (given) return given;
  const next = random(`coverage:${district.code}:${measure}`);
  const { start, step } = DEFAULTS[measure];
  const first = between(next, start[0], start[1]);
  const gain = between(next, step[0], step[1]);
  const capped = (c: number) => Math.min(c, 97);
  return [capped(first), capped(first + gain), capped(first + 2 * gain)];
}

interface Cells {
  /** Per unit code, per element key, per month id: the count. */
  get(unit: string, key: ElementKey, period: string): number | undefined;
  set(unit: string, key: ElementKey, period: string, value: number): void;
}

function cellStore(): Cells & { all(): [string, ElementKey, string, number][] } {
  const map = new Map<string, number>();
  return {
    get: (u, k, p) => map.get(`${u}|${k}|${p}`),
    set: (u, k, p, v) => map.set(`${u}|${k}|${p}`, v),
    all: () =>
      [...map].map(([key, v]) => {
        const [u, k, p] = key.split("|") as [string, ElementKey, string];
        return [u, k, p, v];
      }),
  };
}

/** Every demo value, in a stable order. */
export function demoValues(): DemoValue[] {
  const cells = cellStore();
  const fixed = (unit: string, key: ElementKey, period: string): number | undefined => {
    const rule = FIXED[unit];
    const range = rule?.draw[key];
    if (!rule || !range || period < rule.from) return undefined;
    const next = random(`fixed:${unit}:${key}:${period}`);
    return Math.round(between(next, range[0], range[1]));
  };

  // Denominators: the health area's expected pregnancies and deliveries, a twelfth a month.
  for (const d of DISTRICTS)
    for (const fac of d.facilities)
      for (const year of YEARS) {
        const pop = population(fac.population, year);
        const code = facilityCode(d, fac);
        const months = MONTHS.map(() => 1);
        for (const [key, rate] of [
          ["pregnancies", 0.05],
          ["deliveries", 0.047],
        ] as const)
          allocate(Math.round(pop * rate), months).forEach((v, m) => {
            cells.set(code, key, `${year}${MONTHS[m]}`, v);
          });
      }

  // Counts: district totals (shared out from the region's where it has a figure), then cells.
  const yearly = (d: DemoDistrict, key: "pregnancies" | "deliveries", year: number) =>
    d.facilities.reduce(
      (sum, fac) =>
        sum +
        MONTHS.reduce((s, m) => s + (cells.get(facilityCode(d, fac), key, `${year}${m}`) ?? 0), 0),
      0,
    );
  for (const measure of ["cpn1", "cpn4", "assisted"] as const)
    for (const [y, year] of YEARS.entries()) {
      const totals = new Map<string, number>();
      for (const d of DISTRICTS)
        totals.set(
          d.code,
          Math.round(
            ((districtCoverage(d, measure)[y] ?? 0) / 100) * yearly(d, DENOMINATOR[measure], year),
          ),
        );
      for (const [region, figures] of Object.entries(REGION_FIGURES)) {
        const figure = figures[measure]?.[y];
        if (figure === undefined) continue;
        const inRegion = DISTRICTS.filter((d) => d.region === region);
        const denominator = inRegion.reduce((s, d) => s + yearly(d, DENOMINATOR[measure], year), 0);
        const shares = allocate(
          Math.round((figure / 100) * denominator),
          inRegion.map((d) => totals.get(d.code) ?? 0),
        );
        inRegion.forEach((d, i) => {
          totals.set(d.code, shares[i] ?? 0);
        });
      }
      for (const d of DISTRICTS) {
        const open: { unit: string; period: string; weight: number }[] = [];
        let rest = totals.get(d.code) ?? 0;
        for (const fac of d.facilities) {
          const unit = facilityCode(d, fac);
          const next = random(`cells:${unit}:${measure}:${year}`);
          const factor = between(random(`factor:${unit}:${measure}`), 0.8, 1.2);
          for (const [m, month] of MONTHS.entries()) {
            const period = `${year}${month}`;
            const held = fixed(unit, measure, period);
            if (held !== undefined) {
              cells.set(unit, measure, period, held);
              rest -= held;
              continue;
            }
            const base = cells.get(unit, DENOMINATOR[measure], period) ?? 0;
            open.push({
              unit,
              period,
              weight: base * factor * season(m + 1) * between(next, 0.9, 1.1),
            });
          }
        }
        allocate(
          Math.max(rest, 0),
          open.map((c) => c.weight),
        ).forEach((v, i) => {
          const c = open[i];
          if (c) cells.set(c.unit, measure, c.period, v);
        });
      }
    }

  // What follows from the counts in each centre and month.
  for (const d of DISTRICTS)
    for (const fac of d.facilities) {
      const unit = facilityCode(d, fac);
      for (const year of YEARS)
        for (const [m, month] of MONTHS.entries()) {
          const period = `${year}${month}`;
          const next = random(`derived:${unit}:${period}`);
          const assisted = cells.get(unit, "assisted", period) ?? 0;
          cells.set(
            unit,
            "liveBirths",
            period,
            assisted - Math.round(assisted * between(next, 0, 0.03)),
          );
          const noDeath = NO_MATERNAL_DEATH_FROM[unit];
          const death = next() < assisted * 0.0025 && !(noDeath && period >= noDeath);
          // As in DHIS2, where a zero is not stored unless it is significant: a month without a
          // maternal death has no value.
          if (death) cells.set(unit, "maternalDeaths", period, 1);
          const fp =
            population(fac.population, year) *
            0.00055 *
            (1 + 0.12 * (year - YEARS[0])) *
            season(m + 1) *
            between(next, 0.75, 1.25);
          cells.set(unit, "fpNew", period, Math.round(fp));
        }
    }

  return cells
    .all()
    .map(([orgUnit, key, period, value]) => ({ element: element(key).uid, orgUnit, period, value }))
    .sort(
      (a, b) =>
        a.orgUnit.localeCompare(b.orgUnit) ||
        a.period.localeCompare(b.period) ||
        a.element.localeCompare(b.element),
    );
}
