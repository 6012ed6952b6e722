// A local HTTP server (node:http) that answers like DHIS2's Web API from the small world of
// health-world.ts: data value sets filtered by period and lastUpdated, org units page by page
// (pager, as DHIS2 writes it), the catalogue from /api/metadata. Each request is recorded with
// its headers; a test can script the next answers of a path (a 500, a redirect, silence).
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { METADATA, VALUES } from "./health-world.ts";

export interface SeenRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

/** One scripted answer: writes the response itself (or never does, to be silent). */
export type Answer = (res: ServerResponse, request: SeenRequest) => void;

export interface FakeDhis2 {
  url: string;
  requests: SeenRequest[];
  /** Requests made to one path. */
  seen(path: string): SeenRequest[];
  /** The next answers to `path`, in order, before the usual ones again. */
  script(path: string, ...answers: Answer[]): void;
  close(): Promise<void>;
}

/** When each value last changed on the server: the first two in March, the others before. */
export const SERVER_VALUES = VALUES.dataValues.map((v, i) => ({
  ...v,
  lastUpdated: i < 2 ? "2022-03-10T08:00:00.000" : "2022-02-01T08:00:00.000",
}));

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Answer =>
  (res) => {
    res.writeHead(status, { "content-type": "application/json;charset=UTF-8", ...headers });
    res.end(JSON.stringify(body));
  };

export const redirect =
  (status: number, location: string): Answer =>
  (res) => {
    res.writeHead(status, { location });
    res.end();
  };

/** Never answers: the client's timeout must end the wait. */
export const silence: Answer = () => {};

function dataValueSet(query: URLSearchParams) {
  const periods = query.getAll("period");
  const since = query.get("lastUpdated");
  return {
    dataSet: query.get("dataSet"),
    dataValues: SERVER_VALUES.filter(
      (v) =>
        (periods.length === 0 || periods.includes(v.period)) &&
        (since === null || v.lastUpdated >= since),
    ),
  };
}

function orgUnitPage(query: URLSearchParams, url: string) {
  const all = METADATA.organisationUnits;
  const size = Number(query.get("pageSize") ?? 50);
  const page = Number(query.get("page") ?? 1);
  const pageCount = Math.max(1, Math.ceil(all.length / size));
  return {
    pager: {
      page,
      pageCount,
      total: all.length,
      pageSize: size,
      ...(page < pageCount
        ? { nextPage: `${url}/api/organisationUnits.json?page=${page + 1}&pageSize=${size}` }
        : {}),
    },
    organisationUnits: all.slice((page - 1) * size, page * size),
  };
}

export async function startFakeDhis2(
  o: {
    /** The Authorization header every request must carry; a 401 otherwise. */
    authorization?: string;
  } = {},
): Promise<FakeDhis2> {
  const requests: SeenRequest[] = [];
  const scripts = new Map<string, Answer[]>();
  let url = "";
  const server = createServer((req, res) => {
    const parsed = new URL(req.url ?? "/", "http://localhost");
    const seen: SeenRequest = {
      path: parsed.pathname,
      query: parsed.searchParams,
      headers: req.headers,
    };
    requests.push(seen);
    const scripted = scripts.get(parsed.pathname)?.shift();
    if (scripted) return scripted(res, seen);
    if (o.authorization !== undefined && req.headers.authorization !== o.authorization)
      return json(401, { httpStatus: "Unauthorized", httpStatusCode: 401 })(res, seen);
    const { organisationUnits: _, ...catalogue } = METADATA;
    switch (parsed.pathname) {
      case "/api/dataValueSets.json":
        return json(200, dataValueSet(parsed.searchParams))(res, seen);
      case "/api/organisationUnits.json":
        return json(200, orgUnitPage(parsed.searchParams, url))(res, seen);
      case "/api/metadata.json":
        return json(200, catalogue)(res, seen);
      default:
        return json(404, { httpStatus: "Not Found", httpStatusCode: 404 })(res, seen);
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    seen: (path) => requests.filter((r) => r.path === path),
    script(path, ...answers) {
      scripts.set(path, [...(scripts.get(path) ?? []), ...answers]);
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
