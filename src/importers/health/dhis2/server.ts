// A client for one DHIS2 server's Web API: data value sets streamed into the file readers as
// they arrive, organisation units page by page, and the catalogue from /api/metadata. The
// requests themselves — redirects, timeouts, retries, typed failures, credentials — are
// server-http.ts's.
import { Readable } from "node:stream";
import type { ReadableStream as WebStream } from "node:stream/web";
import type { DataValueRecord } from "./map.ts";
import { type MetadataItem, metadataItem } from "./metadata/map.ts";
import { readMetadata } from "./metadata/read.ts";
import { readDataValues } from "./read.ts";
import { type ClientOptions, Dhis2ServerError, openHttp } from "./server-http.ts";

export {
  type ClientOptions,
  checkBaseUrl,
  credentialsFrom,
  DEFAULT_AUTH,
  type Dhis2Credentials,
  Dhis2ServerError,
  defaultAuth,
  isDhis2ServerError,
} from "./server-http.ts";

export interface DataValueQuery {
  dataSets: readonly string[];
  orgUnits: readonly string[];
  periods: readonly string[];
  /** The org units' descendants too (DHIS2's `children=true`); true by default. */
  children?: boolean;
  /** Only values changed since (DHIS2's `lastUpdated`, an ISO date or time). */
  lastUpdated?: string;
}

/** The collections asked of /api/metadata for the catalogue (org units come page by page). */
export const CATALOGUE_COLLECTIONS = [
  "organisationUnitLevels",
  "dataElements",
  "categoryCombos",
  "categories",
  "categoryOptions",
  "categoryOptionCombos",
  "indicators",
  "indicatorTypes",
] as const;

export const ORG_UNIT_FIELDS =
  "id,code,name,shortName,level,path,parent[id],openingDate,closedDate,geometry";

/** One org-unit page is read whole (it is bounded by its size), so its size is capped. */
const MAX_PAGE_BYTES = 64 * 1024 ** 2;
const MAX_PAGES = 10_000;

export interface Dhis2Client {
  /** The base URL, as checked. */
  readonly baseUrl: string;
  /** Requests sent and retries made so far (redirects followed count as requests). */
  readonly stats: { requests: number; retries: number };
  /** A successful answer (2xx) to GET `path` (under the base URL) with these parameters. */
  get(path: string, params: URLSearchParams, accept?: string): Promise<Response>;
  /** The values of a data value set query, in batches, read as they arrive. */
  dataValues(query: DataValueQuery, o?: { batchSize?: number }): AsyncGenerator<DataValueRecord[]>;
  /** Every org unit, page after page, as metadata items. */
  organisationUnits(o?: { pageSize?: number }): AsyncGenerator<MetadataItem>;
  /** The catalogue: levels, data elements, combos and options, indicators. */
  catalogue(): AsyncGenerator<MetadataItem>;
}

export function dhis2Client(o: ClientOptions): Dhis2Client {
  const http = openHttp(o);
  const json = http.json;
  return {
    baseUrl: http.baseUrl,
    stats: http.stats,
    get: http.get,
    async *dataValues(query, options = {}) {
      const params = new URLSearchParams();
      for (const d of query.dataSets) params.append("dataSet", d);
      for (const u of query.orgUnits) params.append("orgUnit", u);
      for (const p of query.periods) params.append("period", p);
      params.set("children", String(query.children ?? true));
      if (query.lastUpdated) params.set("lastUpdated", query.lastUpdated);
      const response = await json("/api/dataValueSets.json", params);
      yield* readDataValues(bodyOf(response), { batchSize: options.batchSize });
    },
    async *organisationUnits(options = {}) {
      let index = 0;
      for (let page = 1; page <= MAX_PAGES; page++) {
        const params = new URLSearchParams({
          paging: "true",
          page: String(page),
          pageSize: String(options.pageSize ?? 500),
          fields: ORG_UNIT_FIELDS,
          order: "level:asc",
        });
        const response = await json("/api/organisationUnits.json", params);
        const body = await pageOf(response);
        const units = Array.isArray(body.organisationUnits) ? body.organisationUnits : [];
        for (const unit of units) yield metadataItem("organisationUnits", unit, index++);
        // The next page is asked by number under our own base URL: `nextPage` is an address the
        // server writes from its own settings, which may name another host behind a proxy.
        const pager = isObject(body.pager) ? body.pager : {};
        const more =
          typeof pager.nextPage === "string" ||
          (typeof pager.pageCount === "number" && page < pager.pageCount);
        if (!more || units.length === 0) return;
      }
    },
    async *catalogue() {
      const params = new URLSearchParams();
      for (const c of CATALOGUE_COLLECTIONS) params.set(c, "true");
      const response = await json("/api/metadata.json", params);
      yield* readMetadata(bodyOf(response));
    },
  };
}

/** The body as the file readers take it: a Node stream of bytes. */
function bodyOf(response: Response): Readable {
  if (!response.body) return Readable.from([]);
  return Readable.fromWeb(response.body as WebStream<Uint8Array>);
}

async function pageOf(response: Response): Promise<Record<string, unknown>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of bodyOf(response)) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_PAGE_BYTES) {
      throw new Dhis2ServerError("dhis2_unexpected_response", { path: "/api/organisationUnits" });
    }
    chunks.push(chunk as Buffer);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (isObject(parsed)) return parsed;
  } catch {
    // Falls through to the failure below.
  }
  throw new Dhis2ServerError("dhis2_unexpected_response", { path: "/api/organisationUnits" });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
