// The DHIS2 Web API client against a real local server speaking DHIS2's format: what it sends
// (the auth header, the query), the org-unit pages it follows, what it retries and what it
// does not, the redirects it follows and refuses, its timeout, and the URLs it will not use.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dhis2Message } from "../../../src/i18n/health/dhis2.ts";
import type { MetadataItem } from "../../../src/importers/health/dhis2/metadata/map.ts";
import {
  checkBaseUrl,
  credentialsFrom,
  type Dhis2Client,
  Dhis2ServerError,
  dhis2Client,
} from "../../../src/importers/health/dhis2/server.ts";
import {
  type FakeDhis2,
  json,
  redirect,
  SERVER_VALUES,
  silence,
  startFakeDhis2,
} from "../../support/dhis2-server.ts";
import { METADATA } from "../../support/health-world.ts";

const TOKEN = "d2pat_abcdefghijklmnopqrstuvwxyz0123456789";
const fast = { backoffMs: 1, timeoutMs: 2000 };

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The failure a promise ends in (it must end in one). */
async function failure(run: () => Promise<unknown>): Promise<Dhis2ServerError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Dhis2ServerError) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

const query = {
  dataSets: ["DsMonthly01"],
  orgUnits: ["RegSeg00001"],
  periods: ["202201", "202202"],
};

describe("the DHIS2 client", () => {
  let server: FakeDhis2;
  let other: FakeDhis2;
  let client: Dhis2Client;
  beforeAll(async () => {
    server = await startFakeDhis2({ authorization: `ApiToken ${TOKEN}` });
    other = await startFakeDhis2();
    client = dhis2Client({
      ...fast,
      baseUrl: `${server.url}/`,
      credentials: { kind: "token", token: TOKEN },
    });
  });
  afterAll(async () => {
    await server.close();
    await other.close();
  });

  it("sends the token and the query, and reads the values as they arrive", async () => {
    const batches = await all(client.dataValues(query, { batchSize: 5 }));
    expect(batches.map((b) => b.length)).toEqual([5, 5, 2]);
    const request = server.seen("/api/dataValueSets.json").at(-1);
    expect(request?.headers.authorization).toBe(`ApiToken ${TOKEN}`);
    expect(request?.query.getAll("period")).toEqual(["202201", "202202"]);
    expect(request?.query.get("dataSet")).toBe("DsMonthly01");
    expect(request?.query.get("orgUnit")).toBe("RegSeg00001");
    expect(request?.query.get("children")).toBe("true");
    expect(request?.query.has("lastUpdated")).toBe(false);
    expect(batches.flat()[0]).toMatchObject({
      dataElement: "DeAnc100001",
      period: "202201",
      orgUnit: "FacBar00001",
      value: "30",
    });
  });

  it("asks only what changed since a date (lastUpdated)", async () => {
    const values = (await all(client.dataValues({ ...query, lastUpdated: "2022-03-01" }))).flat();
    expect(server.seen("/api/dataValueSets.json").at(-1)?.query.get("lastUpdated")).toBe(
      "2022-03-01",
    );
    expect(values.map((v) => v.value)).toEqual(
      SERVER_VALUES.slice(0, 2).map((v) => String(v.value)),
    );
  });

  it("sends a user name and password as basic auth", async () => {
    const basic = await startFakeDhis2({
      authorization: `Basic ${Buffer.from("admin:district").toString("base64")}`,
    });
    try {
      const c = dhis2Client({
        ...fast,
        baseUrl: basic.url,
        credentials: credentialsFrom(
          { kind: "basic", usernameVar: "U", passwordVar: "P" },
          { U: "admin", P: "district" },
        ),
      });
      expect((await all(c.dataValues(query))).flat()).toHaveLength(12);
    } finally {
      await basic.close();
    }
  });

  it("follows the org-unit pages to the last one", async () => {
    const before = server.seen("/api/organisationUnits.json").length;
    const units = await all(client.organisationUnits({ pageSize: 3 }));
    const pages = server.seen("/api/organisationUnits.json").slice(before);
    expect(pages.map((p) => p.query.get("page"))).toEqual(["1", "2", "3"]);
    expect(pages[0]?.query.get("fields")).toContain("parent[id]");
    expect(pages[0]?.query.get("paging")).toBe("true");
    expect(units.map((u) => (u.kind === "organisationUnit" ? u.id : u.kind))).toEqual(
      METADATA.organisationUnits.map((u) => u.id),
    );
  });

  it("reads the catalogue from /api/metadata", async () => {
    const items: MetadataItem[] = await all(client.catalogue());
    const kinds = new Set(items.map((i) => i.kind));
    expect([...kinds].sort()).toEqual(
      [
        "category",
        "categoryCombo",
        "categoryOption",
        "categoryOptionCombo",
        "dataElement",
        "indicator",
        "indicatorType",
        "organisationUnitLevel",
      ].sort(),
    );
    const asked = server.seen("/api/metadata.json").at(-1)?.query;
    expect(asked?.get("dataElements")).toBe("true");
    expect(asked?.get("categoryCombos")).toBe("true");
  });

  it("retries a 500 and counts the retry", async () => {
    server.script("/api/dataValueSets.json", json(500, { message: "boom" }));
    const c = dhis2Client({
      ...fast,
      baseUrl: server.url,
      credentials: { kind: "token", token: TOKEN },
    });
    expect((await all(c.dataValues(query))).flat()).toHaveLength(12);
    expect(c.stats).toEqual({ requests: 2, retries: 1 });
  });

  it("gives up after its retries on a server that keeps failing", async () => {
    server.script("/api/dataValueSets.json", json(502, {}), json(503, {}), json(500, {}));
    const c = dhis2Client({
      ...fast,
      retries: 2,
      baseUrl: server.url,
      credentials: { kind: "token", token: TOKEN },
    });
    const error = await failure(() => all(c.dataValues(query)));
    expect([error.code, error.status]).toEqual(["dhis2_server_error", 500]);
    expect(c.stats).toEqual({ requests: 3, retries: 2 });
  });

  it("does not retry a 401: the credentials are bad, and never shows them", async () => {
    const c = dhis2Client({
      ...fast,
      baseUrl: server.url,
      credentials: { kind: "token", token: "d2pat_wrong_secret_value" },
    });
    const error = await failure(() => all(c.dataValues(query)));
    expect([error.code, error.status]).toEqual(["dhis2_unauthorized", 401]);
    expect(c.stats).toEqual({ requests: 1, retries: 0 });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("wrong_secret");
  });

  it("tells 403 (no access) and 404 (not a DHIS2) apart, without retrying", async () => {
    server.script("/api/dataValueSets.json", json(403, { message: "Access denied" }));
    const forbidden = await failure(() => all(client.dataValues(query)));
    expect([forbidden.code, forbidden.status]).toEqual(["dhis2_forbidden", 403]);
    const wrong = dhis2Client({
      ...fast,
      baseUrl: `${server.url}/not-dhis2`,
      credentials: { kind: "token", token: TOKEN },
    });
    const missing = await failure(() => all(wrong.dataValues(query)));
    expect([missing.code, missing.status]).toEqual(["dhis2_not_found", 404]);
    expect(wrong.stats.retries).toBe(0);
  });

  it("keeps DHIS2's own explanation of a refused query", async () => {
    server.script(
      "/api/dataValueSets.json",
      json(409, { httpStatusCode: 409, message: "At least one valid data set must be specified" }),
    );
    const error = await failure(() => all(client.dataValues(query)));
    expect(error.code).toBe("dhis2_rejected");
    expect(error.details.message).toBe("At least one valid data set must be specified");
    expect(dhis2Message("en", error.code, { ...error.details, url: client.baseUrl })).toBe(
      `The server ${client.baseUrl} refuses the request (HTTP code 409). DHIS2 says: At least one valid data set must be specified`,
    );
  });

  it("refuses a redirect to another origin, and sends it nothing", async () => {
    const before = other.requests.length;
    server.script("/api/dataValueSets.json", redirect(302, `${other.url}/api/dataValueSets.json`));
    const error = await failure(() => all(client.dataValues(query)));
    expect([error.code, error.status]).toEqual(["dhis2_redirect_refused", 302]);
    expect(other.requests.length).toBe(before);
  });

  it("follows a redirect on the same origin, with the credentials", async () => {
    server.script("/api/dataValueSets.json", (res, req) =>
      redirect(301, `/api/dataValueSets.json?${req.query}&moved=1`)(res, req),
    );
    const values = (await all(client.dataValues(query))).flat();
    expect(values).toHaveLength(12);
    const last = server.seen("/api/dataValueSets.json").at(-1);
    expect(last?.query.get("moved")).toBe("1");
    expect(last?.headers.authorization).toBe(`ApiToken ${TOKEN}`);
  });

  it("stops following redirects that go round in circles", async () => {
    const loop = redirect(302, "/api/dataValueSets.json");
    // The first request and three redirects followed, the fourth refused.
    server.script("/api/dataValueSets.json", loop, loop, loop, loop);
    const error = await failure(() => all(client.dataValues(query)));
    expect(error.code).toBe("dhis2_redirect_loop");
  });

  it("gives up on a silent server after its timeout and retries", async () => {
    server.script("/api/organisationUnits.json", silence, silence);
    const c = dhis2Client({
      timeoutMs: 150,
      retries: 1,
      backoffMs: 1,
      baseUrl: server.url,
      credentials: { kind: "token", token: TOKEN },
    });
    const started = Date.now();
    const error = await failure(() => all(c.organisationUnits()));
    expect(error.code).toBe("dhis2_timeout");
    expect(c.stats).toEqual({ requests: 2, retries: 1 });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("gives up on an answer that stops half-way, without asking again", async () => {
    server.script("/api/dataValueSets.json", (res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"dataValues":[{"dataElement":"DeAnc100001","period":"202201",');
    });
    const c = dhis2Client({
      timeoutMs: 150,
      backoffMs: 1,
      baseUrl: server.url,
      credentials: { kind: "token", token: TOKEN },
    });
    const error = await failure(() => all(c.dataValues(query)));
    expect(error.code).toBe("dhis2_timeout");
    // Values may already have been handed on: the answer is not asked for a second time.
    expect(c.stats).toEqual({ requests: 1, retries: 0 });
  });

  it("retries a server that cannot be reached, then says so", async () => {
    const gone = await startFakeDhis2();
    const url = gone.url;
    await gone.close();
    const c = dhis2Client({ ...fast, retries: 1, baseUrl: url, credentials: null });
    const error = await failure(() => all(c.catalogue()));
    expect([error.code, error.details.reason]).toEqual(["dhis2_network", "ECONNREFUSED"]);
    expect(c.stats).toEqual({ requests: 2, retries: 1 });
  });

  it("reports an answer that is not DHIS2's JSON", async () => {
    server.script("/api/metadata.json", (res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<html>login</html>");
    });
    const error = await failure(() => all(client.catalogue()));
    expect(error.code).toBe("dhis2_unexpected_response");
  });
});

describe("the DHIS2 base URL and credentials", () => {
  it("refuses a URL that is not http or https, one with credentials, and a non-URL", () => {
    const code = (url: string) => {
      try {
        checkBaseUrl(url);
        return "ok";
      } catch (error) {
        return (error as Dhis2ServerError).code;
      }
    };
    expect(code("ftp://dhis2.example.org")).toBe("dhis2_url_scheme");
    expect(code("file:///etc/passwd")).toBe("dhis2_url_scheme");
    expect(code("https://admin:district@dhis2.example.org")).toBe("dhis2_url_credentials");
    expect(code("dhis2.example.org")).toBe("dhis2_url_invalid");
    expect(code("https://dhis2.example.org/dhis/")).toBe("ok");
    expect(checkBaseUrl("https://dhis2.example.org/dhis/?x=1").href).toBe(
      "https://dhis2.example.org/dhis",
    );
    expect(() => dhis2Client({ baseUrl: "javascript:alert(1)", credentials: null })).toThrow(
      Dhis2ServerError,
    );
  });

  it("reads credentials from the variables named, and names a missing one without a value", () => {
    expect(
      credentialsFrom({ kind: "token", tokenVar: "JALON_DHIS2_TOKEN" }, { JALON_DHIS2_TOKEN: "t" }),
    ).toEqual({
      kind: "token",
      token: "t",
    });
    try {
      credentialsFrom(
        { kind: "basic", usernameVar: "MY_USER", passwordVar: "MY_PASS" },
        { MY_USER: "admin" },
      );
      expect.unreachable();
    } catch (error) {
      expect((error as Dhis2ServerError).code).toBe("dhis2_credentials_missing");
      expect((error as Dhis2ServerError).details).toEqual({ variable: "MY_PASS" });
      const { code, details } = error as Dhis2ServerError;
      expect(dhis2Message("fr", code, details)).toBe(
        "La variable d’environnement MY_PASS n’est pas définie\u00a0: elle doit contenir l’identifiant de connexion au serveur DHIS2.",
      );
    }
  });
});
