// SVG charts rasterised to PNG (resvg, with the embedded DejaVu font): the DOCX carries the SVG
// and this PNG as the fallback Word asks for, for applications that cannot draw SVG.
import { Resvg } from "@resvg/resvg-js";
import { PAPER } from "../../domain/shared/theme.ts";
import { fontPath } from "../shared/fonts.ts";
import { CHART_FONT } from "./charts.ts";

export function svgToPng(svg: string, widthPx: number): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: "width", value: widthPx },
    background: PAPER.page,
    font: {
      fontFiles: [fontPath("regular"), fontPath("bold")],
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT,
    },
  });
  return resvg.render().asPng();
}
