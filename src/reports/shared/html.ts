// A document as one standalone, printable HTML page (A4 print styles, charts as inline SVG).
// Every text is escaped; the only markup not built here is the charts' SVG, drawn by ECharts,
// which escapes its labels itself.
import { PAPER } from "../../domain/shared/theme.ts";
import { type Block, type Cell, type Document, type Shade, typesetDocument } from "./document.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Escaped text whose line breaks become <br>. */
function lines(text: string): string {
  return text.split(/\r?\n/).map(escapeHtml).join("<br>");
}

/** Colours come from the document (a status's, say), so they are set on the element itself. */
function shadeStyle(shade: Shade): string {
  return ` style="background:${escapeHtml(shade.fill)};color:${escapeHtml(shade.ink)}"`;
}

const CSS = `
@page{size:A4;margin:18mm 16mm 20mm}
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:10.5pt;line-height:1.45;color:${PAPER.ink};max-width:190mm;margin:0 auto;padding:12mm 4mm}
h1,h2,h3{color:${PAPER.accent};line-height:1.25;break-after:avoid}
h1{font-size:17pt;border-bottom:2px solid ${PAPER.accent};padding-bottom:3pt;margin:22pt 0 8pt}
h2{font-size:13.5pt;margin:16pt 0 6pt}
h3{font-size:11.5pt;margin:12pt 0 4pt}
.break{break-before:page}
.cover{min-height:250mm;display:flex;flex-direction:column;justify-content:center;text-align:center;break-after:page}
.cover .logos{margin:0 auto 18pt;display:flex;flex-wrap:wrap;gap:8mm;align-items:center;justify-content:center}
.cover .logos img{max-height:22mm;max-width:60mm}
.cover .credit{margin-top:18pt;font-size:8pt;color:${PAPER.muted}}
.cover .title{font-size:24pt;color:${PAPER.accent};font-weight:bold;margin:0 0 8pt}
.cover .subtitle{font-size:16pt;margin:0 0 24pt}
.title{font-size:17pt;color:${PAPER.accent};font-weight:bold;margin:0 0 4pt}
h1.ruled,h2.ruled,h3.ruled{border-top:1px solid ${PAPER.accent};padding-top:4pt}
.blank{display:flex;gap:6pt}.blank .line{flex:1;border-bottom:1px dotted ${PAPER.rule}}
.box{font-family:"DejaVu Sans",sans-serif}
.field{margin:6pt 0 2pt;font-weight:bold}.answer{margin:0 0 6pt 8pt}
.lines div{height:18pt;border-bottom:1px dotted ${PAPER.rule}}
.toc ol{list-style:none;padding-left:0}.toc ol ol{padding-left:14pt}
.toc a{color:inherit;text-decoration:none}
.muted{color:${PAPER.muted};font-style:italic}
.strong{font-weight:bold}
table{width:100%;border-collapse:collapse;margin:6pt 0 12pt;font-size:9.5pt}
th,td{border:1px solid ${PAPER.rule};padding:3pt 5pt;vertical-align:top;text-align:left}
thead th{background:${PAPER.headerFill}}
thead{display:table-header-group}
tr{break-inside:avoid}
td.num,th.num{text-align:right}
tr.group td{background:${PAPER.groupFill};font-weight:bold}
.note{display:block;color:${PAPER.note};font-style:italic;margin-top:3pt}
.mark{display:inline-block;padding:1pt 6pt;border-radius:3pt;font-weight:bold}
figure{margin:8pt 0 14pt;break-inside:avoid}figure svg{width:100%;height:auto}
figcaption{font-size:9.5pt;color:${PAPER.note};text-align:center}
@media print{body{padding:0;max-width:none}a{color:inherit}}`;

function cell(c: Cell, numeric: boolean | undefined, span?: number): string {
  const text = c.bold ? `<b>${lines(c.text)}</b>` : lines(c.text);
  const note = c.note ? `<span class="note">${lines(c.note)}</span>` : "";
  return `<td${numeric ? ' class="num"' : ""}${c.shade ? shadeStyle(c.shade) : ""}${span ? ` colspan="${span}"` : ""}>${text}${note}</td>`;
}

function block(b: Block, doc: Document): string {
  switch (b.kind) {
    case "cover":
      return `<section class="cover">${
        b.logos.length > 0
          ? `<div class="logos">${b.logos
              .map(
                (l) =>
                  `<img alt="${escapeHtml(l.name)}" src="data:image/png;base64,${Buffer.from(l.png).toString("base64")}">`,
              )
              .join("")}</div>`
          : ""
      }<p class="title">${escapeHtml(b.title)}</p><p class="subtitle">${escapeHtml(b.subtitle)}</p>${b.lines
        .map((l) => `<p>${escapeHtml(l)}</p>`)
        .join("")}${b.credit ? `<p class="credit">${escapeHtml(b.credit)}</p>` : ""}</section>`;
    case "toc":
      return `<nav class="toc" aria-labelledby="toc"><h1 id="toc">${escapeHtml(b.title)}</h1>${toc(doc)}</nav>`;
    case "title":
      return `<p class="title">${escapeHtml(b.text)}</p>`;
    case "heading": {
      const cls = [b.pageBreak ? "break" : "", b.ruled ? "ruled" : ""].filter(Boolean).join(" ");
      return `<h${b.level} id="${b.id}"${cls ? ` class="${cls}"` : ""}>${escapeHtml(b.text)}</h${b.level}>`;
    }
    case "paragraph":
      return `<p${b.tone ? ` class="${b.tone}"` : ""}>${lines(b.text)}</p>`;
    case "bullets": {
      const tag = b.ordered ? "ol" : "ul";
      return `<${tag}>${b.items.map((i) => `<li>${lines(i)}</li>`).join("")}</${tag}>`;
    }
    case "mark":
      return `<p><span class="mark"${shadeStyle(b.shade)}>${escapeHtml(b.text)}</span></p>`;
    case "table": {
      const head = b.columns
        .map(
          (c) =>
            `<th scope="col" style="width:${(c.width * 100).toFixed(1)}%"${c.numeric ? ' class="num"' : ""}>${escapeHtml(c.label)}</th>`,
        )
        .join("");
      const rows = b.rows
        .map((r) =>
          r.group
            ? `<tr class="group">${cell(r.cells[0] ?? { text: "" }, false, b.columns.length)}</tr>`
            : `<tr${r.minHeight ? ` style="height:${r.minHeight}pt"` : ""}>${r.cells
                .map((c, i) => cell(c, b.columns[i]?.numeric))
                .join("")}</tr>`,
        )
        .join("\n");
      return `<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case "chart":
      return `<figure role="img" aria-label="${escapeHtml(b.title)}">${b.chart.svg}<figcaption>${escapeHtml(b.title)}</figcaption></figure>`;
    case "blank":
      return `<p class="blank"><b>${escapeHtml(b.label)} :</b> ${escapeHtml(b.value)}<span class="line"></span></p>`;
    case "choice":
      return `<p>${escapeHtml(b.question)} ${b.options
        .map((o) => `<span class="box">${o.ticked ? "☒" : "☐"}</span> ${escapeHtml(o.label)}`)
        .join(" ")}</p>`;
    case "field":
      return `<p class="field">${escapeHtml(b.label)}</p>${
        b.text
          ? `<p class="answer">${lines(b.text)}</p>`
          : `<div class="lines">${"<div></div>".repeat(b.lines)}</div>`
      }`;
  }
}

/** Contents: headings of levels 1 and 2, nested. */
function toc(doc: Document): string {
  let out = "<ol>";
  let open = false;
  for (const b of doc.blocks) {
    if (b.kind !== "heading" || b.level === 3) continue;
    const link = `<a href="#${b.id}">${escapeHtml(b.text)}</a>`;
    if (b.level === 1) {
      out += `${open ? "</ol></li>" : ""}<li>${link}<ol>`;
      open = true;
    } else out += `<li>${link}</li>`;
  }
  return `${out}${open ? "</ol></li>" : ""}</ol>`;
}

export function renderHtml(input: Document): string {
  const doc = typesetDocument(input);
  return `<!doctype html>
<html lang="${doc.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${CSS}</style>
</head>
<body>
${doc.blocks.map((b) => block(b, doc)).join("\n")}
<footer><p class="muted">${escapeHtml(doc.footer)}</p></footer>
</body>
</html>
`;
}
