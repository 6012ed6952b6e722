// A result card drawn as SVG and rasterised to PNG by resvg with the bundled DejaVu fonts (no
// system font): the headline figure, its sentence, the series mark, the programme, its lead
// and partners, and the source. Lines are wrapped by an estimate of DejaVu Sans' widths, on
// the safe side so that no word runs off the card.
import { Resvg } from "@resvg/resvg-js";
import { PAPER, SCREEN } from "../../domain/shared/theme.ts";
import { FONT_FAMILY, fontPath } from "../shared/fonts.ts";
import { CARD_SIZES, type CardModel, type CardSize } from "./cards.ts";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Splits `text` into lines of at most `width` px at `size` px (DejaVu Sans ≈ 0.6 em a letter). */
export function wrap(text: string, width: number, size: number, bold = false): string[] {
  const perLine = Math.max(8, Math.floor(width / (size * (bold ? 0.66 : 0.6))));
  const lines: string[] = [];
  let line = "";
  // Only ordinary spaces break a line: a no-break space keeps "81,7 %" whole.
  for (const word of text.split(/[ \t\n]+/).filter((w) => w !== "")) {
    const next = line === "" ? word : `${line} ${word}`;
    if (next.length <= perLine || line === "") line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** At most `n` lines, the last ending in "…" when some were left out. */
export function clip(lines: readonly string[], n: number): string[] {
  if (lines.length <= n) return [...lines];
  const kept = lines.slice(0, n);
  kept[n - 1] = `${kept[n - 1]} …`;
  return kept;
}

function textLines(
  lines: readonly string[],
  o: { x: number; y: number; size: number; lead: number; fill: string; bold?: boolean },
): string {
  return lines
    .map(
      (l, i) =>
        `<text x="${o.x}" y="${o.y + i * o.lead}" font-size="${o.size}"${o.bold ? ' font-weight="bold"' : ""} fill="${o.fill}">${esc(l)}</text>`,
    )
    .join("");
}

/** The figure's size: as large as fits `width` on one line, at most `max`. */
const figureSize = (figure: string, width: number, max: number) =>
  Math.min(max, Math.floor(width / (Math.max(1, figure.length) * 0.78)));

export function cardSvg(model: CardModel, size: CardSize): string {
  const { width, height } = CARD_SIZES[size];
  const pad = size === "square" ? 80 : 64;
  const brand = SCREEN.brand;
  const ink = SCREEN.ink;
  const muted = SCREEN.muted;
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="${PAPER.page}"/>`,
    `<rect width="${width}" height="16" fill="${brand}"/>`,
  ];
  const left = Math.round(width * 0.42);
  if (size === "wide")
    parts.push(
      `<rect x="0" y="16" width="${left}" height="${height - 16}" fill="${SCREEN.brandBg}"/>`,
    );
  // The series mark: top right of a square card, bottom left (under the figure) of a wide one.
  if (model.mark)
    parts.push(
      size === "square"
        ? `<text x="${width - pad}" y="${pad + 24}" font-size="32" text-anchor="end" fill="${muted}">${esc(model.mark)}</text>`
        : `<text x="${pad}" y="${height - 48}" font-size="28" fill="${muted}">${esc(model.mark)}</text>`,
    );
  const footer = [model.programme, [model.lead, model.partners].filter((s) => s).join(" · ")];
  if (size === "square") {
    const inner = width - 2 * pad;
    // A lone mark (a quotation's) needs no more than half the height a figure takes.
    const fs = figureSize(model.figure, inner, [...model.figure].length === 1 ? 140 : 240);
    parts.push(
      `<text x="${pad}" y="${pad + 40 + fs}" font-size="${fs}" font-weight="bold" fill="${brand}">${esc(model.figure)}</text>`,
    );
    const programme = clip(wrap(footer[0] ?? "", inner, 32, true), 2);
    const credits = clip(wrap(footer[1] ?? "", inner, 26), 3);
    const source = clip(wrap(model.source, inner, 24), 2);
    let y = height - pad - (source.length - 1) * 32;
    parts.push(textLines(source, { x: pad, y, size: 24, lead: 32, fill: muted }));
    y -= 32 + 16 + (credits.length - 1) * 34;
    parts.push(textLines(credits, { x: pad, y, size: 26, lead: 34, fill: muted }));
    y -= 34 + 8 + (programme.length - 1) * 42;
    parts.push(textLines(programme, { x: pad, y, size: 32, lead: 42, fill: ink, bold: true }));
    const rule = y - 64;
    parts.push(`<rect x="${pad}" y="${rule}" width="${inner}" height="3" fill="${SCREEN.line}"/>`);
    // The sentence takes the room between the figure and the rule, smaller when it is long.
    const top = pad + 80 + fs;
    const room = rule - 40 - top;
    const fitted = [56, 48, 42, 36, 32, 28].map((size) => ({
      size,
      lines: wrap(model.sentence, inner, size, true),
    }));
    const chosen =
      fitted.find((f) => f.lines.length * f.size * 1.25 <= room) ??
      (fitted[fitted.length - 1] as { size: number; lines: string[] });
    const lead = Math.round(chosen.size * 1.25);
    parts.push(
      textLines(clip(chosen.lines, Math.max(1, Math.floor(room / lead))), {
        x: pad,
        y: top + chosen.size,
        size: chosen.size,
        lead,
        fill: ink,
        bold: true,
      }),
    );
  } else {
    const fs = figureSize(model.figure, left - pad - 24, 150);
    parts.push(
      `<text x="${pad}" y="${Math.round(height / 2 + fs / 3)}" font-size="${fs}" font-weight="bold" fill="${brand}">${esc(model.figure)}</text>`,
    );
    const inner = width - left - 2 * 48;
    const x = left + 48;
    // Smaller when long (a testimonial's words), so that the whole sentence is read.
    const [sz, sentence] = [40, 34, 30, 26]
      .map((size): [number, string[]] => [size, wrap(model.sentence, inner, size, true)])
      .find(([size, lines]) => lines.length * Math.round(size * 1.3) <= 5 * 52) ?? [
      26,
      wrap(model.sentence, inner, 26, true),
    ];
    const lead = Math.round(sz * 1.3);
    parts.push(
      textLines(clip(sentence, Math.floor((5 * 52) / lead)), {
        x,
        y: pad + 56,
        size: sz,
        lead,
        fill: ink,
        bold: true,
      }),
    );
    const programme = clip(wrap(footer[0] ?? "", inner, 24, true), 2);
    const credits = clip(wrap(footer[1] ?? "", inner, 20), 3);
    const source = clip(wrap(model.source, inner, 20), 2);
    let y = height - 48 - (source.length - 1) * 26;
    parts.push(textLines(source, { x, y, size: 20, lead: 26, fill: muted }));
    y -= 26 + 10 + (credits.length - 1) * 26;
    parts.push(textLines(credits, { x, y, size: 20, lead: 26, fill: muted }));
    y -= 26 + 6 + (programme.length - 1) * 32;
    parts.push(textLines(programme, { x, y, size: 24, lead: 32, fill: ink, bold: true }));
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">` +
    `<title>${esc(model.alt)}</title>${parts.join("")}</svg>`
  );
}

export function renderCardPng(model: CardModel, size: CardSize): Uint8Array {
  const resvg = new Resvg(cardSvg(model, size), {
    fitTo: { mode: "original" },
    font: {
      fontFiles: [fontPath("regular"), fontPath("bold")],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
    },
  });
  // A Buffer of resvg's own memory cannot be transferred out of the worker: copied into one.
  return new Uint8Array(resvg.render().asPng());
}
