// Hostile workbooks built byte by byte: a minimal XLSX whose shared strings and sheet unpack to
// tens of megabytes from a few kilobytes (a "zip bomb"), with honest or lying declared sizes.
// Used by the upload tests and bench/upload.ts.
import { crc32, deflateRawSync } from "node:zlib";

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/**
 * A zip of `entries`, deflated. `declare` overrides the uncompressed size written in the local
 * and central headers (a lying archive), per entry name.
 */
export function zip(entries: ZipEntry[], declare: Record<string, number> = {}): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const packed = deflateRawSync(e.data, { level: 9 });
    const size = declare[e.name] ?? e.data.byteLength;
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.byteLength + name.byteLength + packed.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const text = (s: string) => new TextEncoder().encode(s);

/**
 * A questionnaire-shaped workbook (sheets "Questionnaire" and "Jalon") whose shared strings
 * unpack to about `megabytes` MB, one long string per row of the questionnaire sheet.
 */
export function bombEntries(megabytes: number): ZipEntry[] {
  const length = 1000;
  const count = Math.ceil((megabytes * 1024 * 1024) / (length + 16));
  const long = "A".repeat(length);
  const strings: string[] = [];
  for (let i = 0; i < count; i++) strings.push(`<si><t>${long}</t></si>`);
  const rows: string[] = [];
  for (let i = 0; i < count; i++)
    rows.push(`<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`);
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return [
    {
      name: "[Content_Types].xml",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
    },
    {
      name: "_rels/.rels",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/workbook.xml",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="Questionnaire" sheetId="1" r:id="rId1"/><sheet name="Jalon" sheetId="2" r:id="rId2"/></sheets></workbook>`,
      ),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${rows.join("")}</sheetData></worksheet>`,
      ),
    },
    {
      name: "xl/worksheets/sheet2.xml",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>format</t></is></c><c r="B1" t="inlineStr"><is><t>jalon-questionnaire/1</t></is></c></row></sheetData></worksheet>`,
      ),
    },
    {
      name: "xl/sharedStrings.xml",
      data: text(
        `<?xml version="1.0" encoding="UTF-8"?><sst ${ns} count="${count}" uniqueCount="${count}">${strings.join("")}</sst>`,
      ),
    },
  ];
}

/** The bomb with honest sizes: the central directory says what it unpacks to. */
export function zipBomb(megabytes: number): Uint8Array {
  return zip(bombEntries(megabytes));
}

/** The bomb whose headers claim every entry is 1 KB: only the reader's own limits can stop it. */
export function lyingZipBomb(megabytes: number): Uint8Array {
  const entries = bombEntries(megabytes);
  return zip(entries, Object.fromEntries(entries.map((e) => [e.name, 1024])));
}
