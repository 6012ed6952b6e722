// Reading produced reports back in tests: the text of a PDF (pdf.js), a part of a DOCX (unzip).
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/** The text of each page of a PDF. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : ""))
        .join(""),
    );
  }
  await doc.destroy();
  return pages;
}

/** One file of a zip package (DOCX, XLSX), as text. */
export function zipPart(bytes: Uint8Array, path: string): string {
  const files = unzipSync(bytes);
  const file = files[path];
  if (!file) throw new Error(`${path} is not in the package`);
  return new TextDecoder().decode(file);
}

/** The visible text of a WordprocessingML part, paragraph by paragraph. */
export function docxParagraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) =>
        (t[1] ?? "")
          .replace(/&apos;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&"),
      )
      .join(""),
  );
}

/** Opens an XLSX with exceljs (whose types predate the generic Buffer of @types/node 24). */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return book;
}
