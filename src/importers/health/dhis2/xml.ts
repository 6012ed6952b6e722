// Reads a DXF2 `dataValueSet` or an ADX message (saxes, streamed): each `dataValue` becomes a
// record when its element closes, so only one value (and its ADX group) is held at a time.
// External entities are never fetched nor expanded: saxes reads no DTD.
import { SaxesParser, type SaxesTagNS } from "saxes";
import {
  ADX_NAMESPACE,
  adxGroupHeader,
  adxRecord,
  type DataValueRecord,
  type DataValueSetHeader,
  Dhis2ReadError,
  DXF2_NAMESPACE,
  dataValueRecord,
  EMPTY_HEADER,
  setHeader,
} from "./map.ts";

/** DXF2 fields DHIS2 also accepts as child elements' text rather than as attributes. */
const CHILD_FIELDS = new Set(["value", "comment", "storedBy", "created", "lastUpdated"]);

/** The attributes without a namespace (xsi:schemaLocation and the like are not DHIS2 fields). */
function plainAttributes(tag: SaxesTagNS): Record<string, string> {
  const out: Record<string, string> = {};
  for (const attr of Object.values(tag.attributes)) {
    if (attr.prefix === "" && attr.local !== "xmlns") out[attr.local] = attr.value;
  }
  return out;
}

interface OpenValue {
  attrs: Record<string, string>;
  line: number;
  /** The child element whose text is being read, and the texts read so far. */
  child: string | null;
  texts: Record<string, string>;
}

export async function* readXmlValues(
  bytes: AsyncIterable<Uint8Array>,
  kind: "dxf2" | "adx",
): AsyncGenerator<DataValueRecord[]> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const decoder = new TextDecoder("utf-8");
  const rootName = kind === "adx" ? "adx" : "dataValueSet";
  const rootNamespace = kind === "adx" ? ADX_NAMESPACE : DXF2_NAMESPACE;
  let pending: DataValueRecord[] = [];
  let failure: Dhis2ReadError | null = null;
  let depth = 0;
  let header: DataValueSetHeader = EMPTY_HEADER;
  let group: DataValueSetHeader | null = null;
  let value: OpenValue | null = null;
  let tagLine = 1;

  parser.on("opentagstart", () => {
    tagLine = parser.line;
  });
  parser.on("opentag", (tag) => {
    depth++;
    if (depth === 1) {
      // The root's namespace may be left out (DHIS2 matches the element's name only).
      if (tag.local !== rootName || (tag.uri !== "" && tag.uri !== rootNamespace))
        failure ??= new Dhis2ReadError("not_data_value_set", tagLine, { root: tag.name });
      else if (kind === "dxf2") header = setHeader(plainAttributes(tag));
      return;
    }
    if (value !== null) {
      value.child = tag.local;
      return;
    }
    if (kind === "adx" && tag.local === "group") group = adxGroupHeader(plainAttributes(tag));
    else if (tag.local === "dataValue")
      value = { attrs: plainAttributes(tag), line: tagLine, child: null, texts: {} };
  });
  const onText = (text: string) => {
    if (value?.child) value.texts[value.child] = (value.texts[value.child] ?? "") + text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag) => {
    depth--;
    if (value === null) {
      if (tag.local === "group") group = null;
      return;
    }
    if (tag.local !== "dataValue" || value.child !== null) {
      value.child = null;
      return;
    }
    pending.push(finish(value, kind, kind === "adx" ? (group ?? EMPTY_HEADER) : header));
    value = null;
  });
  parser.on("error", (error) => {
    failure ??= new Dhis2ReadError("xml_malformed", parser.line, { reason: error.message });
  });

  for await (const chunk of bytes) {
    parser.write(decoder.decode(chunk, { stream: true }));
    if (failure) throw failure;
    if (pending.length > 0) {
      yield pending;
      pending = [];
    }
  }
  parser.write(decoder.decode());
  parser.close();
  if (failure) throw failure;
  if (pending.length > 0) yield pending;
}

function finish(
  value: OpenValue,
  kind: "dxf2" | "adx",
  header: DataValueSetHeader,
): DataValueRecord {
  if (kind === "adx") {
    return adxRecord(value.attrs, header, value.line, value.texts.annotation ?? null);
  }
  const fields: Record<string, string> = { ...value.attrs };
  for (const [name, text] of Object.entries(value.texts)) {
    if (CHILD_FIELDS.has(name) && fields[name] === undefined) fields[name] = text.trim();
  }
  return dataValueRecord(fields, header, value.line);
}
