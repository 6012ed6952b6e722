// The programme dashboard's map as SVG, pure: an equirectangular projection whose x is scaled by
// cos(mid-latitude) and fitted to the bounds of the country outline and the points, the outline
// as one polygon, each region or facility a circle whose area grows with the midwives deployed,
// its label beside it. Title and description come from the caller (the words live in i18n/).
import { MAP, SCREEN } from "../../domain/shared/theme.ts";

export type LngLat = readonly [number, number];

export interface MapPoint {
  label: string;
  at: LngLat;
  midwives: number;
  /** Its label written beside it (default); false keeps only the hover title (many centres). */
  labelled?: boolean;
}

/** A named place drawn as a small mark and its label, not sized (the regions). */
export interface MapPlace {
  label: string;
  at: LngLat;
}

export interface MapInput {
  title: string;
  description: string;
  outline: readonly LngLat[];
  points: readonly MapPoint[];
  places?: readonly MapPlace[];
  /** The largest circle's radius in px (18): smaller when the points are many centres. */
  maxRadius?: number;
  width?: number;
  height?: number;
}

export type Projection = (at: LngLat) => [number, number];

/** Fits [lng,lat] bounds into width×height (with a margin), x scaled by cos(mid-latitude). */
export function fitProjection(
  all: readonly LngLat[],
  width: number,
  height: number,
  margin = 12,
): Projection {
  if (all.length === 0) return () => [width / 2, height / 2];
  const lngs = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const [minLng, maxLng, minLat, maxLat] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * k, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  return (at) => [offX + (at[0] - minLng) * k * scale, offY + (maxLat - at[1]) * scale];
}

// Presentation attributes, not style: the pages' policy refuses inline styles, and a PNG card
// has no stylesheet.
const LAND = MAP.land;
const EDGE = MAP.edge;
const POINT = SCREEN.brand;
const INK = SCREEN.ink;

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const r1 = (n: number) => Math.round(n * 10) / 10;

/** Radius in px: 3 for none, growing with the square root of the count, at most `max` (18). */
export function radiusFor(midwives: number, most: number, max = 18): number {
  if (midwives <= 0 || most <= 0) return 3;
  return r1(4 + (max - 4) * Math.sqrt(midwives / most));
}

export function mapSvg(input: MapInput): string {
  const width = input.width ?? 360;
  const height = input.height ?? 300;
  const project = fitProjection(
    [...input.outline, ...input.points.map((p) => p.at), ...(input.places ?? []).map((p) => p.at)],
    width,
    height,
  );
  const most = Math.max(0, ...input.points.map((p) => p.midwives));
  const outline = input.outline
    .map((p) => project(p))
    .map(([x, y]) => `${r1(x)},${r1(y)}`)
    .join(" ");
  const points = input.points
    .map((p) => {
      const [x, y] = project(p.at);
      const r = radiusFor(p.midwives, most, input.maxRadius);
      return (
        `<g><circle cx="${r1(x)}" cy="${r1(y)}" r="${r}" class="map-point" fill="${POINT}" fill-opacity="0.6" stroke="${POINT}"><title>${esc(p.label)}: ${p.midwives}</title></circle>` +
        (p.labelled === false
          ? ""
          : `<text x="${r1(x + r + 2)}" y="${r1(y + 4)}" class="map-label" font-size="11" fill="${INK}">${esc(p.label)}</text>`) +
        "</g>"
      );
    })
    .join("");
  // A place's label goes above-right of its mark, or below it when that would cover a label
  // already drawn (two regions' towns close together).
  const drawn: { x: number; y: number; w: number }[] = [];
  const places = (input.places ?? [])
    .map((p) => {
      const [x, y] = project(p.at);
      const w = p.label.length * 7;
      const clash = (ly: number) =>
        drawn.some((d) => Math.abs(d.y - ly) < 12 && x + 5 < d.x + d.w && d.x < x + 5 + w);
      const ly = clash(y - 4) ? y + 14 : y - 4;
      drawn.push({ x: x + 5, y: ly, w });
      return (
        `<g><rect x="${r1(x - 2)}" y="${r1(y - 2)}" width="4" height="4" fill="${INK}"/>` +
        `<text x="${r1(x + 5)}" y="${r1(ly)}" class="map-place" font-size="11" font-weight="bold" fill="${INK}">${esc(p.label)}</text></g>`
      );
    })
    .join("");
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="map-title map-desc">` +
    `<title id="map-title">${esc(input.title)}</title><desc id="map-desc">${esc(input.description)}</desc>` +
    (outline
      ? `<polygon points="${outline}" class="map-outline" fill="${LAND}" stroke="${EDGE}" stroke-width="1"/>`
      : "") +
    points +
    places +
    "</svg>"
  );
}
