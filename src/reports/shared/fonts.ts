// The fonts embedded in the PDF and used to draw chart fallbacks: DejaVu Sans from the
// dejavu-fonts-ttf package, so no system font is needed and every French letter is covered.
// Reading these files is the one thing the renderers read from disk: assets, never data.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const FONT_FILES = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  italic: "DejaVuSans-Oblique.ttf",
  condensed: "DejaVuSansCondensed.ttf",
  condensedBold: "DejaVuSansCondensed-Bold.ttf",
  condensedItalic: "DejaVuSansCondensed-Oblique.ttf",
} as const;
export type FontName = keyof typeof FONT_FILES;
/** The family these files hold: charts name it, and the PDF and PNG renderers draw it. */
export const FONT_FAMILY = "DejaVu Sans";

export function fontPath(name: FontName): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${FONT_FILES[name]}`);
}

export function fontBytes(name: FontName): Buffer {
  return readFileSync(fontPath(name));
}
