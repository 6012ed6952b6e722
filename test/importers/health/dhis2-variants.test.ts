// What differs between DHIS2 versions and the tools that write its files: CSV header spellings,
// separators and BOMs, files without a header, `completedDate`, `followup`/`followUp`, numbers
// for values, missing optional fields, values as child elements. Each reads as one record shape.
import { describe, expect, it } from "vitest";
import { csvColumns, csvDelimiter } from "../../../src/importers/health/dhis2/csv/map.ts";
import { readAll } from "./dhis2-support.ts";

/** The fields every variant below carries, as the record should say them. */
const ROW = {
  dataElement: "CPN1visites",
  period: "202201",
  orgUnit: "BoidieCSCom",
  categoryOptionCombo: "DefaultCoC1",
  attributeOptionCombo: "DefaultCoC1",
  value: "12",
};

describe("CSV headers across DHIS2 versions", () => {
  const row = "CPN1visites,202201,BoidieCSCom,DefaultCoC1,DefaultCoC1,12,amadou,2022-02-03,vu,true";
  const headers = {
    "today's export":
      "dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup",
    "older abbreviations":
      "dataelement,period,orgunit,catoptcombo,attroptcombo,value,strby,lstupd,cmt,flwup",
    "camel case, quoted":
      '"dataElement","period","orgUnit","categoryOptionCombo","attributeOptionCombo","value","storedBy","lastUpdated","comment","followUp"',
    "snake case, upper case":
      "DATA_ELEMENT,PERIOD,ORG_UNIT,CATEGORY_OPTION_COMBO,ATTRIBUTE_OPTION_COMBO,VALUE,STORED_BY,LAST_UPDATED,COMMENT,FOLLOW_UP",
    "words, and `timestamp` for the date":
      "Data element,Period,Org unit,Category option combo,Attribute option combo,Value,Stored by,timestamp,Comment,Follow-up",
  };

  for (const [variant, header] of Object.entries(headers)) {
    it(`reads the header spelled as ${variant}`, async () => {
      const [record] = await readAll(`${header}\n${row}\n`);
      expect(record).toMatchObject({
        ...ROW,
        line: 2,
        storedBy: "amadou",
        lastUpdated: "2022-02-03",
        comment: "vu",
        followUp: true,
        deleted: false,
      });
    });
  }

  it("reads columns by name in any order, ignoring the ones it does not know", async () => {
    const csv =
      "value,orgunit,district,period,dataelement\n12,BoidieCSCom,Barouéli,202201,CPN1visites\n";
    const [record] = await readAll(csv);
    expect(record).toMatchObject({ ...ROW, categoryOptionCombo: null, attributeOptionCombo: null });
  });

  it("reads a file without a header in DHIS2's column order", async () => {
    const records = await readAll(`${row},false\nCPN1visites,202202,BoidieCSCom,,,14\n`);
    expect(records[0]).toMatchObject({ ...ROW, line: 1, comment: "vu", followUp: true });
    expect(records[1]).toMatchObject({
      line: 2,
      period: "202202",
      categoryOptionCombo: null,
      value: "14",
      storedBy: null,
      followUp: false,
    });
  });

  it("drops a BOM and reads `;` as the separator of a French spreadsheet", async () => {
    const csv =
      "\uFEFFdataelement;period;orgunit;categoryoptioncombo;attributeoptioncombo;value\r\nCPN1visites;202201;BoidieCSCom;DefaultCoC1;DefaultCoC1;12,5\r\n";
    const [record] = await readAll(csv);
    expect(record).toMatchObject({ ...ROW, value: "12,5" });
  });

  it("reads tab-separated files, and skips empty lines and rows of empty cells", async () => {
    const tsv =
      "dataelement\tperiod\torgunit\tvalue\n\nCPN1visites\t202201\tBoidieCSCom\t12\n\t\t\t\n";
    const records = await readAll(tsv);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ dataElement: "CPN1visites", value: "12", line: 3 });
  });

  it("takes a quote inside an unquoted cell as text", async () => {
    const [record] = await readAll(
      'dataelement,period,orgunit,value,comment\nCPN1visites,202201,BoidieCSCom,12,pluie de 5"\n',
    );
    expect(record).toMatchObject({ value: "12", comment: 'pluie de 5"' });
  });

  it("keeps a short row: missing cells are null, left for the import to refuse", async () => {
    const [record] = await readAll("dataelement,period,orgunit,value\nCPN1visites,202201\n");
    expect(record).toMatchObject({ dataElement: "CPN1visites", orgUnit: null, value: null });
  });

  it("chooses the separator found most often outside quotes", () => {
    expect(csvDelimiter("a,b,c")).toBe(",");
    expect(csvDelimiter("a;b;c,d")).toBe(";");
    expect(csvDelimiter('"a;b;c",d,e')).toBe(",");
    expect(csvDelimiter("a\tb\tc")).toBe("\t");
    expect(csvDelimiter("CPN1visites")).toBe(",");
  });

  it("says which required columns a header lacks, and which it names twice", () => {
    expect(csvColumns(["dataelement", "orgunit", "value"])).toEqual({
      ok: false,
      code: "csv_missing_columns",
      names: ["period"],
    });
    expect(csvColumns(["dataelement", "period", "orgunit", "catoptcombo", "coc"])).toEqual({
      ok: false,
      code: "csv_duplicate_column",
      names: ["categoryOptionCombo"],
    });
  });
});

describe("JSON and XML across DHIS2 versions", () => {
  it("reads `completedDate`, `followUp` and numbers as values, keeping their digits", async () => {
    const json = JSON.stringify({
      dataSet: "RmaMensuel1",
      completedDate: "2022-02-05",
      period: "202201",
      orgUnit: "BoidieCSCom",
      dataValues: [
        { dataElement: "CPN1visites", value: 12, followUp: true },
        { dataElement: "CPN1visites", value: "3", followup: "TRUE" },
        { dataElement: "CPN1visites", value: true, deleted: "false" },
        { dataElement: "CPN1visites", value: null },
        { dataElement: "CPN1visites", value: { n: 1 } },
      ],
    }).replace('"value":12,', '"value":12.50,');
    const records = await readAll(json);
    // An object where a value belongs is kept as JSON (its numbers as written) for the rejection.
    expect(records.map((r) => r.value)).toEqual(["12.50", "3", "true", null, '{"n":"1"}']);
    expect(records.map((r) => r.followUp)).toEqual([true, true, false, false, false]);
    expect(records[0]).toMatchObject({
      completeDate: "2022-02-05",
      categoryOptionCombo: null,
      attributeOptionCombo: null,
      storedBy: null,
      created: null,
      lastUpdated: null,
      comment: null,
      deleted: false,
    });
  });

  it("drops a BOM before JSON and XML", async () => {
    const json =
      '\uFEFF{"period":"202201","dataValues":[{"dataElement":"CPN1visites","value":"1"}]}';
    expect(await readAll(json)).toMatchObject([{ period: "202201", value: "1" }]);
    const xml =
      '\uFEFF<?xml version="1.0"?><dataValueSet period="202201"><dataValue value="1"/></dataValueSet>';
    expect(await readAll(xml)).toMatchObject([{ period: "202201", value: "1", line: 1 }]);
  });

  it("reads a bulk set, every value with its own period and org unit, and `created`", async () => {
    const json = `{"dataValues":[
      {"dataElement":" CPN1visites ","period":"202201","orgUnit":"BoidieCSCom","value":"",
       "created":"2022-02-01T08:00:00.000"},
      {"dataElement":"CPN1visites","period":"202202","orgUnit":"KassoroCSCm","value":"4"}]}`;
    const records = await readAll(json);
    expect(records[0]).toMatchObject({
      dataSet: null,
      dataElement: "CPN1visites",
      value: null,
      created: "2022-02-01T08:00:00.000",
    });
    expect(records[1]).toMatchObject({ period: "202202", orgUnit: "KassoroCSCm", value: "4" });
  });

  it("reads DXF2 values given as child elements, a set without its namespace, a wrapper", async () => {
    const xml = `<dataValueSet period="202201" orgUnit="BoidieCSCom" completedDate="2022-02-05">
      <dataValues>
        <dataValue dataElement="CPN1visites" categoryOptionCombo="DefaultCoC1">
          <value>12</value>
          <comment><![CDATA[Saisie tardive <RMA>]]></comment>
        </dataValue>
      </dataValues>
    </dataValueSet>`;
    const [record] = await readAll(xml);
    expect(record).toMatchObject({
      ...ROW,
      attributeOptionCombo: null,
      completeDate: "2022-02-05",
      comment: "Saisie tardive <RMA>",
      line: 3,
    });
  });

  it("reads ADX attribute categories of a group and a text value in its annotation", async () => {
    const adx = `<adx xmlns="urn:ihe:qrph:adx:2015" exported="2022-02-06T09:00:00Z">
      <group orgUnit="BoidieCSCom" period="2022-01-01/P1M" dataSet="RmaMensuel1" FUNDER="UNFPA">
        <dataValue dataElement="OBSERVATN01"><annotation>Rupture de DMPA-SC</annotation></dataValue>
        <dataValue dataElement="CPN1visites" categoryOptionCombo="DefaultCoC1" value="12"/>
      </group>
    </adx>`;
    const records = await readAll(adx);
    expect(records[0]).toMatchObject({
      value: "Rupture de DMPA-SC",
      comment: null,
      attributeOptions: { FUNDER: "UNFPA" },
      categoryOptions: {},
    });
    expect(records[1]).toMatchObject({ categoryOptionCombo: "DefaultCoC1", value: "12" });
  });
});
