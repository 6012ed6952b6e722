// SVG charts rasterised to PNG (resvg, with the embedded DejaVu font): the DOCX carries the SVG
// and this PNG as the fallback Word asks for, for applications that cannot draw SVG.

import { Resvg } from "@resvg/resvg-js";
import { PAPER } from "../../domain/shared/theme.ts";
import { FONT_FAMILY, fontPath } from "./fonts.ts";

export function svgToPng(svg: string, widthPx: number): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: widthPx },
    background: PAPER.page,
    font: {
      fontFiles: [fontPath("regular"), fontPath("bold")],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
    },
  });
  return resvg.render().asPng();
}
