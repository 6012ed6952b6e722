// Files that cannot be read at all fail with a typed error and its code (and line, when there
// is one); a bad value never does: it reads as a record, for the import to refuse on its row.
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { Dhis2ReadError } from "../../../src/importers/health/dhis2/map.ts";
import { readDataValues } from "../../../src/importers/health/dhis2/read.ts";
import { fixture, readAll, readError } from "./dhis2-support.ts";

async function codeOf(bytes: Uint8Array | string, options = {}) {
  const error = await readError(bytes, options);
  expect(error).toBeInstanceOf(Dhis2ReadError);
  const { code, line, details } = error as Dhis2ReadError;
  return { code, line, details };
}

describe("structural errors", () => {
  it("malformed JSON: cut short, a stray character, text after the set", async () => {
    const json = fixture("data-value-set.json").toString("utf8");
    expect((await codeOf(json.slice(0, 400))).code).toBe("json_malformed");
    // The line it breaks on, whichever chunk it falls in.
    const stray = json.replace('"value": "15"', '"value": 15x');
    expect(await codeOf(stray)).toEqual({ code: "json_malformed", line: 27, details: { near: 3 } });
    expect(await readError(stray, { chunk: 5 })).toMatchObject({ line: 27 });
    expect((await codeOf(`${json}\n{}`)).code).toBe("json_malformed");
  });

  it("JSON that is no data value set, or gives the set's period after its values", async () => {
    expect((await codeOf(fixture("metadata.json"))).code).toBe("not_data_value_set");
    expect((await codeOf('{"dataValues": {"a": {}}}')).code).toBe("not_data_value_set");
    const late = '{"dataValues":[{"dataElement":"CPN1visites","value":"1"}],"period":"202201"}';
    expect(await codeOf(late)).toEqual({
      code: "set_field_after_values",
      line: null,
      details: { field: "period" },
    });
  });

  it("an empty set is no error", async () => {
    expect(await readAll('{"dataSet":"RmaMensuel1","dataValues":[]}')).toEqual([]);
    expect(await readAll("")).toEqual([]);
  });

  it("malformed XML, with the line it breaks on", async () => {
    const xml = fixture("data-value-set.xml").toString("utf8").replace('value="15"', 'value="15');
    const error = await codeOf(xml);
    expect(error.code).toBe("xml_malformed");
    expect(error.line).toBeGreaterThanOrEqual(11);
    expect((await codeOf("<adx xmlns='urn:ihe:qrph:adx:2015'><group>")).code).toBe("xml_malformed");
    // An entity the file would define for itself is never expanded.
    const entity =
      '<!DOCTYPE d [<!ENTITY x "y">]><dataValueSet><dataValue value="&x;"/></dataValueSet>';
    expect((await codeOf(entity)).code).toBe("xml_malformed");
  });

  it("XML of another root or namespace", async () => {
    expect((await codeOf("<metadata><dataValue/></metadata>")).code).toBe("not_data_value_set");
    const foreign = '<dataValueSet xmlns="urn:example:other"><dataValue value="1"/></dataValueSet>';
    expect(await codeOf(foreign)).toMatchObject({ code: "not_data_value_set", line: 1 });
  });

  it("CSV with a quote left open, or without the columns a value needs", async () => {
    const open = 'dataelement,period,orgunit,value\nCPN1visites,202201,BoidieCSCom,"12\n';
    expect((await codeOf(open)).code).toBe("csv_malformed");
    expect(await codeOf("dataelement,orgunit,value\nCPN1visites,BoidieCSCom,12\n")).toEqual({
      code: "csv_missing_columns",
      line: 1,
      details: { columns: "period" },
    });
    expect((await codeOf("dataelement,period,orgunit,coc,catoptcombo\n")).code).toBe(
      "csv_duplicate_column",
    );
  });

  it("more bytes than allowed once decompressed, a corrupt gzip, a zip, a binary file", async () => {
    const json = fixture("data-value-set.json");
    expect(await codeOf(json, { maxBytes: 1000 })).toEqual({
      code: "too_large",
      line: null,
      details: { maxBytes: 1000 },
    });
    expect((await codeOf(gzipSync(json), { maxBytes: 1000 })).code).toBe("too_large");
    const gz = gzipSync(json);
    expect((await codeOf(gz.subarray(0, gz.byteLength - 40))).code).toBe("gzip_corrupt");
    expect((await codeOf(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).code).toBe("zip_unsupported");
    expect((await codeOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]))).code).toBe(
      "not_text",
    );
  });

  it("more values than allowed", async () => {
    const json = fixture("data-value-set.json");
    expect(await readAll(json, { maxValues: 5 })).toHaveLength(5);
    expect(await codeOf(json, { maxValues: 4 })).toEqual({
      code: "too_many_values",
      line: null,
      details: { maxValues: 4 },
    });
  });

  it("closes its source when it refuses a file, early or midway", async () => {
    const lines = function* (first: string) {
      yield Buffer.from(first);
      for (let i = 0; i < 10_000; i++) yield Buffer.from("CPN1visites,202201,BoidieCSCom,1\n");
    };
    for (const first of ["PK\u0003\u0004", "dataelement,orgunit,value\n", '{"dataValues":[}']) {
      const source = Readable.from(lines(first), { objectMode: false, highWaterMark: 64 });
      await expect(readDataValues(source).next()).rejects.toBeInstanceOf(Dhis2ReadError);
      expect(source.destroyed).toBe(true);
    }
  });

  it("a bad value is a record, not an error", async () => {
    const csv = "dataelement,period,orgunit,value\n,2022-13,BoidieCSCom,douze\n";
    expect(await readAll(csv)).toMatchObject([
      { dataElement: null, period: "2022-13", value: "douze" },
    ]);
  });
});
